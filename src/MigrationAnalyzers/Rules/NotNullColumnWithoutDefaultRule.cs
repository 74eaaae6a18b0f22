using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using MigrationAnalyzers.Checks;
using MigrationAnalyzers.Configuration;
using MigrationAnalyzers.Model;
using MigrationAnalyzers.Sql;

namespace MigrationAnalyzers.Rules;

/// <summary>
/// MIG020: <c>AddColumn</c> of a NOT NULL column with no default on an existing table. None of the
/// real providers adds a default of its own (see ProviderSqlFactsTests): SQL Server and PostgreSQL
/// fail on the first table with rows, SQLite rejects the statement outright. MySQL succeeds and
/// fills existing rows with the type's implicit default (dates aside): MIG021's case, not this rule's.
/// <c>ALTER TABLE … ADD [COLUMN] c type NOT NULL</c> without <c>DEFAULT</c> in a <c>Sql</c> call is the same
/// change (<see cref="SqlRule"/>); on MySQL the store type decides and is not mapped here, so it is silent.
/// </summary>
[ReadsOptions(MigrationAnalyzerOptions.ProviderKey)]
public sealed class NotNullColumnWithoutDefaultRule : MigrationRuleAnalyzer
{
    internal static readonly DiagnosticDescriptor Rule = RuleDescriptor.Create(
        RuleIdentifiers.NotNullColumnWithoutDefault,
        title: "NOT NULL column added to an existing table without a default",
        messageFormat: "AddColumn adds NOT NULL column '{1}' to existing table '{0}' with no default: the migration fails on a table that has rows; add it nullable, backfill it with UPDATE, then AlterColumn it to NOT NULL (or give it a real default)",
        DiagnosticCategories.ExistingRows,
        DiagnosticSeverity.Warning,
        description: "A NOT NULL column needs a value for every existing row. Without defaultValue, defaultValueSql or computedColumnSql the database has none to give, and the ALTER TABLE fails once the table holds data: in production, not on the empty development database.");

    internal static readonly DiagnosticDescriptor SqlRule = RuleDescriptor.Create(
        RuleIdentifiers.NotNullColumnWithoutDefault,
        title: "NOT NULL column added to an existing table without a default",
        messageFormat: "Sql runs '{0}', which adds NOT NULL column '{1}' to existing table '{2}' with no DEFAULT: the statement fails on a table that has rows; add it nullable, backfill it with UPDATE, then make it NOT NULL (or give it a real DEFAULT)",
        DiagnosticCategories.ExistingRows,
        DiagnosticSeverity.Warning,
        description: Rule.Description.ToString());

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule, SqlRule);

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

        if (context.Provider == DatabaseProvider.MySql)
        {
            return;
        }

        foreach (var sql in UpSqlOperations.Read(context))
        {
            if (sql.Read is { Kind: MigrationOperationKind.AddColumn, Name: { } column, Table: { } table, Column: { IsNullable: false } definition } &&
                !definition.HasDefault && !definition.IsComputed && !definition.IsIdentity && !IsRowVersion(context, definition) &&
                UpSqlOperations.IsExistingTable(context, sql))
            {
                context.Report(SqlRule, sql.Call.Location, sql.StatementText, column, sql.TableDisplay);
            }
        }
    }

    /// <summary>SQL Server's rowversion (timestamp) column fills itself for every row.</summary>
    private static bool IsRowVersion(MigrationRuleContext context, SqlColumnDefinition definition) =>
        context.Provider is DatabaseProvider.SqlServer or DatabaseProvider.Unknown &&
        definition.StoreType is { } type && (type.Equals("rowversion", StringComparison.OrdinalIgnoreCase) || type.Equals("timestamp", StringComparison.OrdinalIgnoreCase));
}
