using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using MigrationAnalyzers.Model;

namespace MigrationAnalyzers.Rules;

/// <summary>
/// MIG069: the collation of an existing column (<c>AlterColumn</c> with <c>collation</c> ≠ <c>oldCollation</c>)
/// or of the database (<c>AlterDatabase</c>) changes. The providers emit it as one statement
/// (<c>ALTER COLUMN … COLLATE …</c>, <c>ALTER COLUMN … TYPE text COLLATE "C"</c>, <c>ALTER DATABASE … COLLATE</c>),
/// but every index on the column is rebuilt and equality, sorting and uniqueness follow the new rules:
/// worth a look, not a warning.
/// </summary>
public sealed class CollationChangeRule : MigrationRuleAnalyzer
{
    internal static readonly DiagnosticDescriptor Rule = RuleDescriptor.Create(
        RuleIdentifiers.CollationChange,
        title: "Collation changed on an existing column or database",
        messageFormat: "{0} changes the collation of {1} from {2} to {3}: indexes on the affected columns are rebuilt, and equality, sorting and uniqueness follow the new collation (values that were distinct may now collide)",
        DiagnosticCategories.Locking,
        DiagnosticSeverity.Info,
        description: "Changing a collation rebuilds the indexes that use the column and changes how existing values compare: a case-insensitive collation can make a unique index fail on values that differed only by case, and queries sort differently.");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    private protected override void Analyze(MigrationRuleContext context)
    {
        var operations = context.Migration.Up.Operations;
        for (var i = 0; i < operations.Length; i++)
        {
            var operation = operations[i];
            if (!context.MayRun(operation) || operation.HasUnknownArguments)
            {
                continue;
            }

            if (operation is { Kind: MigrationOperationKind.AlterColumn, Column: { } column, OldColumn: { } old, Table: { } table, Name: { } name } &&
                Changed(column["collation"], old["collation"]) &&
                context.IsExistingTable(operation.Schema, table, i) && !context.IsColumnAddedEarlier(operation.Schema, table, name, i))
            {
                context.Report(Rule, operation.Location, "AlterColumn", $"column '{name}' of table '{MigrationRuleContext.Qualified(operation.Schema, table)}'", Display(old["collation"]), Display(column["collation"]));
            }
            else if (operation.Kind == MigrationOperationKind.AlterDatabase && Changed(operation["collation"], operation["oldCollation"]) &&
                !context.History.StateBefore(context.Migration).Tables.IsEmpty)
            {
                // The first migration of a history sets the collation of a database that holds nothing yet.
                context.Report(Rule, operation.Location, "AlterDatabase", "the database", Display(operation["oldCollation"]), Display(operation["collation"]));
            }
        }
    }

    private static bool Changed(ArgumentValue now, ArgumentValue before) =>
        now.IsKnown && before.IsKnown && (now.Kind is ArgumentValueKind.Constant or ArgumentValueKind.Omitted) &&
        (before.Kind is ArgumentValueKind.Constant or ArgumentValueKind.Omitted) && now.AsString() != before.AsString();

    private static string Display(ArgumentValue value) => value.AsString() is { } collation ? "'" + collation + "'" : "the default";
}
