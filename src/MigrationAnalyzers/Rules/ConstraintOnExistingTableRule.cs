using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using MigrationAnalyzers.Checks;
using MigrationAnalyzers.Model;

namespace MigrationAnalyzers.Rules;

/// <summary>
/// MIG024: a foreign key or check constraint added to an existing table is validated against
/// every existing row, under a lock, and fails the migration on the first violating row. A
/// foreign key that re-creates one Up dropped before (EF's scaffolding of a renamed table or
/// column, or of a changed <c>onDelete</c>) is not reported: the rows satisfied it already.
/// </summary>
public sealed class ConstraintOnExistingTableRule : MigrationRuleAnalyzer
{
    internal static readonly DiagnosticDescriptor Rule = RuleDescriptor.Create(
        RuleIdentifiers.ConstraintOnExistingTable,
        title: "Constraint added to an existing table",
        messageFormat: "{0} '{1}' on existing table '{2}' is validated against every existing row while the table is locked, and fails the migration if a row violates it; fix or remove violating rows in an earlier step, and on a large table plan for the lock",
        DiagnosticCategories.ExistingRows,
        DiagnosticSeverity.Info,
        description: "Adding a foreign key or check constraint to a table that already holds rows scans the table under a lock and fails when a row violates the constraint.");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    private protected override void Analyze(MigrationRuleContext context)
    {
        var operations = context.Migration.Up.Operations;
        for (var i = 0; i < operations.Length; i++)
        {
            var operation = operations[i];
            var kindName = operation.Kind switch
            {
                MigrationOperationKind.AddForeignKey => "Foreign key",
                MigrationOperationKind.AddCheckConstraint => "Check constraint",
                _ => null,
            };
            if (kindName is null || !context.MayRun(operation) || operation.HasUnknownArguments ||
                operation.Table is not { } table || operation.Name is not { } name ||
                !context.IsExistingTable(operation.Schema, table, i))
            {
                continue;
            }

            if (operation.Kind == MigrationOperationKind.AddForeignKey &&
                (operation.Columns.IsDefaultOrEmpty || ReplacedKeys.ReplacesDroppedKey(context, operation, operation.Columns, i)))
            {
                continue;
            }

            context.Report(Rule, operation.Location, kindName, name, MigrationRuleContext.Qualified(operation.Schema, table));
        }
    }
}
