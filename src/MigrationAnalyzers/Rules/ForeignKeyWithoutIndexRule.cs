using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using MigrationAnalyzers.Configuration;
using MigrationAnalyzers.Model;
using MigrationAnalyzers.Schema;

namespace MigrationAnalyzers.Rules;

/// <summary>
/// MIG060: a foreign key whose columns lead no index or key of its table. Deleting or updating a
/// principal row then scans the dependent table (and, for cascades, locks it), and joins along the
/// key are slow. EF creates these indexes by convention; a migration without one was hand-edited
/// or lost it. MySQL (InnoDB) creates the index itself, so the rule is silent there.
/// </summary>
[ReadsOptions(MigrationAnalyzerOptions.ProviderKey)]
public sealed class ForeignKeyWithoutIndexRule : MigrationRuleAnalyzer
{
    /// <summary>Diagnostic property: the name EF would give the missing index.</summary>
    internal const string IndexNameProperty = "IndexName";

    internal static readonly DiagnosticDescriptor Rule = RuleDescriptor.Create(
        RuleIdentifiers.ForeignKeyWithoutIndex,
        title: "Foreign key without a supporting index",
        messageFormat: "Foreign key '{0}' on '{1}' ({2}) is not the leading part of any index or key of '{1}': every delete or key update in '{3}' scans '{1}'; create index '{4}' on ({2})",
        DiagnosticCategories.Locking,
        DiagnosticSeverity.Warning,
        description: "The columns of a foreign key should lead an index or key of the dependent table, in this migration, an earlier one or the target model. EF Core scaffolds such an index for every foreign key; without it, checks on the principal side scan and lock the dependent table.");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    private protected override void Analyze(MigrationRuleContext context)
    {
        if (context.Provider == DatabaseProvider.MySql)
        {
            return;
        }

        var operations = context.Migration.Up.Operations;
        for (var i = 0; i < operations.Length; i++)
        {
            var operation = operations[i];
            if (!context.MayRun(operation))
            {
                continue;
            }

            if (operation.Kind == MigrationOperationKind.AddForeignKey)
            {
                Check(context, operation, i, i);
            }
            else if (operation.Kind == MigrationOperationKind.CreateTable && !operation.HasUnknownArguments)
            {
                foreach (var constraint in operation.Constraints)
                {
                    if (constraint.Kind == MigrationOperationKind.AddForeignKey)
                    {
                        // The table exists (with its primary key) once the CreateTable has run.
                        Check(context, constraint, i, i + 1);
                    }
                }
            }
        }
    }

    /// <summary>EF's default index name, truncated as EF truncates to the provider's identifier limit.</summary>
    internal static string IndexName(string table, ImmutableArray<string> columns, DatabaseProvider provider)
    {
        var name = "IX_" + table + "_" + string.Join("_", columns);
        var maxLength = provider switch
        {
            DatabaseProvider.PostgreSql => 63,
            DatabaseProvider.SqlServer => 128,
            DatabaseProvider.MySql => 64,
            _ => int.MaxValue,
        };
        return name.Length <= maxLength ? name : name.Substring(0, maxLength - 1) + "~";
    }

    /// <summary>
    /// For a table nothing describes (no migration of the compilation, no target model): EF's own
    /// scaffolding of a changed key — the old key dropped earlier in this Up, or the key's index
    /// renamed to the name EF gives it (renamed navigation: DropForeignKey, RenameColumn,
    /// RenameIndex, AddForeignKey) — means the index exists. A brand-new key on such a table is
    /// still judged.
    /// </summary>
    private static bool LikelyHasIndex(MigrationRuleContext context, MigrationOperation foreignKey, int upIndex, string table, ImmutableArray<string> columns)
    {
        var expected = "IX_" + table + "_" + string.Join("_", columns);
        var operations = context.Migration.Up.Operations;
        for (var i = 0; i < operations.Length; i++)
        {
            var operation = operations[i];
            if (operation.Table is not null && !operation.IsTable(foreignKey.Schema, table))
            {
                continue;
            }

            if ((i < upIndex && operation.Kind == MigrationOperationKind.DropForeignKey && operation.Name == foreignKey.Name) ||
                (operation.Kind == MigrationOperationKind.RenameIndex && operation.NewName is { } newName &&
                    (newName == expected || newName == IndexName(table, columns, context.Provider))))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A constant <c>Sql</c> of this Up with CREATE … INDEX that names the table and the key's first column.</summary>
    private static bool SqlCreatesIndexOn(MigrationModel migration, string table, string firstColumn)
    {
        foreach (var operation in migration.Up.Operations)
        {
            if (operation.Kind == MigrationOperationKind.Sql && operation.SqlText is { } sql &&
                sql.IndexOf("CREATE", System.StringComparison.OrdinalIgnoreCase) >= 0 &&
                sql.IndexOf("INDEX", System.StringComparison.OrdinalIgnoreCase) >= 0 &&
                sql.IndexOf(table, System.StringComparison.OrdinalIgnoreCase) >= 0 &&
                sql.IndexOf(firstColumn, System.StringComparison.OrdinalIgnoreCase) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>An operation after the key that the model cannot read and that may touch the table (it may create the index).</summary>
    private static bool IsChangedUnseenLater(MigrationRuleContext context, int upIndex, string table)
    {
        var operations = context.Migration.Up.Operations;
        for (var i = upIndex + 1; i < operations.Length; i++)
        {
            if (UnseenChange.MayChange(operations[i]) && context.MayRun(operations[i]) && UnseenChange.Of(operations[i]).Touches(table))
            {
                return true;
            }
        }

        return false;
    }

    private static void Check(MigrationRuleContext context, MigrationOperation foreignKey, int upIndex, int stateIndex)
    {
        if (foreignKey.HasUnknownArguments || foreignKey.Table is not { } table)
        {
            return;
        }

        var columns = foreignKey.Columns;
        if (columns.IsDefault || columns.IsEmpty)
        {
            return;
        }

        var schema = foreignKey.Schema;
        var before = TableIndexes.Before(
            context.Catalog.Types.Compilation, context.History, context.Migration, context.UpStateBefore(stateIndex), stateIndex, schema, table, out var knowledge);
        if (knowledge == IndexKnowledge.Uncertain || before.Any(index => index.Covers(columns)) ||
            (knowledge == IndexKnowledge.Undescribed && LikelyHasIndex(context, foreignKey, upIndex, table, columns)))
        {
            return;
        }

        // An index created later in the same Up supports the key as well (EF scaffolds it after the table),
        // and so may one this Up creates in raw SQL or an operation the model cannot read (no guess).
        if (TableIndexes.CreatedInUp(context.Migration, schema, table, upIndex + 1).Any(created => created.Index.Covers(columns)) ||
            SqlCreatesIndexOn(context.Migration, table, columns[0]) || IsChangedUnseenLater(context, upIndex, table))
        {
            return;
        }

        var indexName = IndexName(table, columns, context.Provider);
        context.Report(
            Rule,
            foreignKey.Location,
            ImmutableDictionary<string, string?>.Empty.Add(IndexNameProperty, indexName),
            foreignKey.Name ?? "?",
            MigrationRuleContext.Qualified(schema, table),
            string.Join(", ", columns),
            MigrationRuleContext.Qualified(foreignKey["principalSchema"].AsString() ?? schema, foreignKey.PrincipalTable),
            indexName);
    }
}
