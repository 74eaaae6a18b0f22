using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using MigrationAnalyzers.Checks;
using MigrationAnalyzers.Configuration;
using MigrationAnalyzers.Model;

namespace MigrationAnalyzers.Rules;

/// <summary>
/// MIG022: <c>AlterColumn</c> from nullable to NOT NULL on an existing table with nothing that
/// fills the existing NULLs first: no earlier backfill in this Up and no <c>defaultValue</c> that
/// the provider's own SQL uses to backfill (ProviderSqlFactsTests). The ALTER fails on the first
/// NULL (SQLite: the table rebuild's copy fails).
/// </summary>
[ReadsOptions(MigrationAnalyzerOptions.ProviderKey)]
public sealed class AlterColumnToNotNullRule : MigrationRuleAnalyzer
{
    internal static readonly DiagnosticDescriptor Rule = RuleDescriptor.Create(
        RuleIdentifiers.AlterColumnToNotNull,
        title: "Column made NOT NULL without a backfill",
        messageFormat: "AlterColumn makes column '{1}' of existing table '{0}' NOT NULL with no backfill: the migration fails on any row where it is NULL; set those rows first with Sql(\"UPDATE … WHERE {1} IS NULL\") or give the AlterColumn a defaultValue that the provider applies",
        DiagnosticCategories.ExistingRows,
        DiagnosticSeverity.Warning,
        description: "Tightening a column to NOT NULL fails when existing rows hold NULL in it. Backfill those rows earlier in the same Up (an UPDATE or UpdateData), or pass a defaultValue, which SQL Server, PostgreSQL and SQLite apply to the NULLs themselves.");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    private protected override void Analyze(MigrationRuleContext context)
    {
        var operations = context.Migration.Up.Operations;
        for (var i = 0; i < operations.Length; i++)
        {
            var operation = operations[i];
            if (NotNullColumns.IsTighteningOnExistingTable(context, operation, i) &&
                !NotNullColumns.ProviderBackfillsFromDefault(context.Provider, operation.Column!) &&
                !NotNullColumns.HasEarlierBackfill(context, operation, i))
            {
                context.Report(Rule, operation.Location, MigrationRuleContext.Qualified(operation.Schema, operation.Table), operation.Name);
            }
        }
    }
}
