using System;
using System.Collections.Immutable;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using MigrationAnalyzers.Checks;
using MigrationAnalyzers.Configuration;
using MigrationAnalyzers.Model;
using MigrationAnalyzers.Schema;
using MigrationAnalyzers.Sql;

namespace MigrationAnalyzers.Rules;

/// <summary>
/// MIG005: <c>AlterColumn</c> that narrows a column or changes its type incompatibly on an existing
/// table: existing values are truncated, rounded, or the conversion fails mid-migration. The type
/// knowledge (families, widenings per provider) lives in <see cref="TypeCompatibility"/>.
/// A type change in a <c>Sql</c> call (<c>ALTER COLUMN … TYPE</c>, <c>MODIFY</c>) is the same change
/// (<see cref="SqlRule"/>): its old side is the column as the history knows it (<see cref="UpSqlTypeChanges"/>),
/// judged by the same <see cref="TypeCompatibility.ColumnNarrowing"/>. No fix for it.
/// </summary>
[ReadsOptions(MigrationAnalyzerOptions.ProviderKey)]
public sealed class NarrowingAlterColumnRule : MigrationRuleAnalyzer
{
    internal static readonly DiagnosticDescriptor Rule = RuleDescriptor.Create(
        RuleIdentifiers.NarrowingAlterColumn,
        title: "Column type narrowed or changed incompatibly",
        messageFormat: "AlterColumn changes column '{1}' of existing table '{0}' from {2} to {3} ({4}): {5}; use expand/contract (add a new column, backfill it with an explicit cast, drop the old one, rename the new one)",
        DiagnosticCategories.DataLoss,
        DiagnosticSeverity.Warning,
        description: "A shorter max length, a lower precision or scale, Unicode to non-Unicode, or a change of type family (text to number, bigint to int, date and time to date) cannot keep every existing value. Safe widenings (longer, more precise, int to bigint, varchar(n) to text) are not reported.");

    internal static readonly DiagnosticDescriptor SqlRule = RuleDescriptor.Create(
        RuleIdentifiers.NarrowingAlterColumn,
        title: "Column type narrowed or changed incompatibly",
        messageFormat: "Sql runs '{0}', which changes column '{1}' of existing table '{2}' from {3} to {4} ({5}): {6}; use expand/contract (add a new column, backfill it with an explicit cast, drop the old one, rename the new one)",
        DiagnosticCategories.DataLoss,
        DiagnosticSeverity.Warning,
        description: Rule.Description.ToString());

    /// <summary>Diagnostic property set on a text length narrowing: the fix's cast truncates there.</summary>
    internal const string LengthNarrowingProperty = "LengthNarrowing";

    /// <summary>What the message says happens to existing values, for any narrowing but a text length one.</summary>
    internal const string GenericConsequence = "existing values are truncated, rounded or fail to convert";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule, SqlRule);

    private protected override void Analyze(MigrationRuleContext context)
    {
        var operations = context.Migration.Up.Operations;
        for (var i = 0; i < operations.Length; i++)
        {
            var operation = operations[i];
            if (operation.Kind == MigrationOperationKind.AlterColumn &&
                Describe(operation, context.Provider) is { } change &&
                context.MayRun(operation) &&
                context.IsExistingTable(operation.Schema, operation.Table!, i) &&
                !context.IsColumnAddedEarlier(operation.Schema, operation.Table!, operation.Name!, i) &&
                !OldDefinition.ContradictsKnown(context, operation, i))
            {
                var length = NewTextLength(operation.Column!, change.Reason);
                context.Report(
                    Rule,
                    operation.Location,
                    length is null ? ImmutableDictionary<string, string?>.Empty : ImmutableDictionary<string, string?>.Empty.Add(LengthNarrowingProperty, "true"),
                    MigrationRuleContext.Qualified(operation.Schema, operation.Table),
                    operation.Name,
                    change.From,
                    change.To,
                    change.Reason,
                    Consequence(context.Provider, operation.Schema, operation.Table!, operation.Name!, operation.Column!, length));
            }
        }

        foreach (var sql in UpSqlTypeChanges.Read(context))
        {
            if (TypeCompatibility.ColumnNarrowing(sql.Old, sql.Old.ClrType, sql.New, context.Provider) is { } change)
            {
                context.Report(
                    SqlRule,
                    sql.Sql.Call.Location,
                    sql.Sql.StatementText,
                    sql.Sql.Read.Name,
                    sql.Sql.Read.Table!.Text,
                    change.From,
                    change.To,
                    change.Reason,
                    Consequence(context.Provider, sql.Schema, sql.Table, sql.Column, sql.New, NewTextLength(sql.New, change.Reason)));
            }
        }
    }

    /// <summary>The new maximum length when the narrowing is a shorter text column, else null.</summary>
    private static int? NewTextLength(ColumnDefinition column, string reason) =>
        reason.StartsWith("max length", StringComparison.Ordinal) &&
        TypeCompatibility.Shape(column, column.ClrType, Configuration.DatabaseProvider.Unknown) is { Family: TypeFamily.Text, Length: { } length }
            ? length
            : null;

    private static string Consequence(Configuration.DatabaseProvider provider, string? schema, string table, string column, ColumnDefinition definition, int? length) =>
        length is { } n ? LengthConsequence(provider, schema, table, column, definition.StoreType, n) : GenericConsequence;

    /// <summary>
    /// A shorter text column: SQL Server, PostgreSQL and MySQL in strict mode (its default) refuse the
    /// ALTER when a value is longer (MySQL otherwise and SQLite's rebuild keep or cut them), so the
    /// message gives the query that finds those rows in the provider's dialect (unknown provider:
    /// SQL Server's when the store type is one of its own, else the LENGTH most others share).
    /// </summary>
    private static string LengthConsequence(Configuration.DatabaseProvider provider, string? schema, string table, string column, string? storeType, int length)
    {
        var dialect = provider;
        if (dialect == Configuration.DatabaseProvider.Unknown && storeType is not null &&
            (storeType.StartsWith("nvarchar", StringComparison.OrdinalIgnoreCase) || storeType.StartsWith("nchar", StringComparison.OrdinalIgnoreCase)))
        {
            dialect = Configuration.DatabaseProvider.SqlServer;
        }

        var function = dialect switch
        {
            Configuration.DatabaseProvider.SqlServer => "LEN",
            Configuration.DatabaseProvider.MySql => "CHAR_LENGTH",
            _ => "LENGTH",
        };
        var query = $"SELECT * FROM {SqlQuoting.Table(dialect, schema, table)} WHERE {function}({SqlQuoting.Identifier(dialect, column)}) > {length.ToString(CultureInfo.InvariantCulture)}";
        return $"the ALTER fails on SQL Server, PostgreSQL and MySQL (strict mode) when any existing value is longer; find those rows with {query}";
    }

    /// <summary>The narrowing an AlterColumn makes, or null (safe, unknown, unreadable).</summary>
    internal static (string From, string To, string Reason)? Describe(MigrationOperation operation, Configuration.DatabaseProvider provider)
    {
        if (operation is not { Column: { } column, OldColumn: { } old, Table: not null, Name: not null } || operation.HasUnknownArguments)
        {
            return null;
        }

        return TypeCompatibility.ColumnNarrowing(old, old.ClrType ?? column.ClrType, column, provider);
    }
}
