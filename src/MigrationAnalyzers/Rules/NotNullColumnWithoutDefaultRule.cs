using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using MigrationAnalyzers.Model;

namespace MigrationAnalyzers.Rules;

/// <summary>
/// MIG020: <c>AddColumn</c> of a NOT NULL column with no default on an existing table. None of the
/// real providers adds a default of its own (see ProviderSqlFactsTests): SQL Server and PostgreSQL
/// fail on the first table with rows, SQLite rejects the statement outright. MySQL succeeds and
/// fills existing rows with the type's implicit default (dates aside): MIG021's case, not this rule's.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class NotNullColumnWithoutDefaultRule : MigrationRuleAnalyzer
{
    internal static readonly DiagnosticDescriptor Rule = RuleDescriptor.Create(
        RuleIdentifiers.NotNullColumnWithoutDefault,
        title: "NOT NULL column added to an existing table without a default",
        messageFormat: "AddColumn adds NOT NULL column '{1}' to existing table '{0}' with no default: the migration fails on a table that has rows; add it nullable, backfill it with UPDATE, then AlterColumn it to NOT NULL (or give it a real default)",
        DiagnosticCategories.ExistingRows,
        DiagnosticSeverity.Warning,
        description: "A NOT NULL column needs a value for every existing row. Without defaultValue, defaultValueSql or computedColumnSql the database has none to give, and the ALTER TABLE fails once the table holds data: in production, not on the empty development database.");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    private protected override void Analyze(MigrationRuleContext context)
    {
        var operations = context.Migration.Up.Operations;
        for (var i = 0; i < operations.Length; i++)
        {
            var operation = operations[i];
            if (operation.Kind == MigrationOperationKind.AddColumn &&
                NotNullColumns.IsNotNullAddOnExistingTable(context, operation, i) &&
                !operation.Column!.HasDefaultOrComputed &&
                !NotNullColumns.MySqlFillsWithImplicitDefault(context.Provider, operation.Column))
            {
                context.Report(Rule, operation.Location, MigrationRuleContext.Qualified(operation.Schema, operation.Table), operation.Name);
            }
        }
    }
}
