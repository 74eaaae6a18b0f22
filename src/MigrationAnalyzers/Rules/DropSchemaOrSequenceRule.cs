using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using MigrationAnalyzers.Model;

namespace MigrationAnalyzers.Rules;

/// <summary>
/// MIG007: <c>DropSchema</c> / <c>DropSequence</c> in Up. Rarely a data loss by themselves (a
/// schema must usually be empty), hence only a suggestion: a sequence's position is lost and a
/// schema may still hold or be used by objects EF does not know of.
/// </summary>
public sealed class DropSchemaOrSequenceRule : MigrationRuleAnalyzer
{
    private const string SequenceConsequence =
        "its current value is lost, defaults and code still drawing from it fail, and a re-created sequence restarts from its start value; make sure nothing uses it any more";

    private const string SchemaConsequence =
        "it fails while objects remain in it and breaks code or permissions that still refer to it; make sure it is empty and unused";

    internal static readonly DiagnosticDescriptor Rule = RuleDescriptor.Create(
        RuleIdentifiers.DropSchemaOrSequence,
        title: "Migration drops a schema or a sequence",
        messageFormat: "{0} drops {1} '{2}': {3}",
        DiagnosticCategories.DataLoss,
        DiagnosticSeverity.Info,
        description: "Dropping a sequence loses its current value; dropping a schema fails on leftover objects and breaks anything that still refers to it. Both are usually intended, so this is a suggestion to double-check.");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    private protected override void Analyze(MigrationRuleContext context)
    {
        foreach (var operation in context.Migration.Up.Operations)
        {
            if (operation.Kind is not (MigrationOperationKind.DropSchema or MigrationOperationKind.DropSequence) ||
                !context.MayRun(operation) || operation.HasUnknownArguments || operation.Name is not { } name)
            {
                continue;
            }

            if (operation.Kind == MigrationOperationKind.DropSequence)
            {
                context.Report(Rule, operation.Location, operation.MethodName, "sequence", MigrationRuleContext.Qualified(operation.Schema, name), SequenceConsequence);
            }
            else
            {
                context.Report(Rule, operation.Location, operation.MethodName, "schema", name, SchemaConsequence);
            }
        }
    }
}
