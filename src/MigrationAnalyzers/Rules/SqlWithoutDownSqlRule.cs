using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using MigrationAnalyzers.Model;
using MigrationAnalyzers.Reversibility;
using MigrationAnalyzers.Sql;

namespace MigrationAnalyzers.Rules;

/// <summary>
/// MIG046: raw SQL in Up that changes schema or inserts/deletes rows while Down runs no SQL at all:
/// the analyzer cannot see its inverse, and most likely there is none. A backfill UPDATE needs none.
/// </summary>
public sealed class SqlWithoutDownSqlRule : MigrationRuleAnalyzer
{
    internal static readonly DiagnosticDescriptor Rule = RuleDescriptor.Create(
        RuleIdentifiers.SqlWithoutDownSql,
        title: "Raw SQL in Up has no SQL counterpart in Down",
        messageFormat: "Sql in Up {0}, but Down runs no Sql: rolling back leaves its effect in place; add the inverse statement to Down (DROP for a CREATE, DELETE for an INSERT…)",
        DiagnosticCategories.Reversibility,
        DiagnosticSeverity.Info,
        description: "Raw SQL is invisible to EF's model, so only a hand-written Sql in Down can undo it. A backfill UPDATE needs no inverse; statements the analyzer cannot read are not reported.");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    private protected override void Analyze(MigrationRuleContext context)
    {
        var down = context.Migration.Down;

        // A missing Down is MIG040's, an empty one MIG041's; an explicit throw is an acknowledgement;
        // an unreadable Down may well run SQL.
        if (!down.IsDeclared || down.OnlyThrowsNotSupported || down.HasUnknown || down.CallsBase ||
            (down.IsEmpty && UpEffects.NeedsDown(context)))
        {
            return;
        }

        foreach (var operation in down.Operations)
        {
            if (operation.Kind == MigrationOperationKind.Sql)
            {
                return;
            }
        }

        foreach (var operation in context.Migration.Up.Operations)
        {
            if (operation.Kind == MigrationOperationKind.Sql && context.MayRun(operation) && SqlScript.For(operation) is { } script)
            {
                var effect = SqlEffects.Classify(script);
                if ((effect & SqlEffect.Schema) != 0)
                {
                    context.Report(Rule, operation.Location, "changes the schema");
                }
                else if ((effect & SqlEffect.RowChange) != 0)
                {
                    context.Report(Rule, operation.Location, "inserts or deletes rows");
                }
            }
        }
    }
}
