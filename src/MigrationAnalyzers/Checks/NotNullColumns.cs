using System;
using System.Collections.Immutable;
using MigrationAnalyzers.Configuration;
using MigrationAnalyzers.Model;
using MigrationAnalyzers.Rules;
using MigrationAnalyzers.Sql;

namespace MigrationAnalyzers.Checks;

/// <summary>What MIG020, MIG021 and MIG022 share: reading "a NOT NULL column on an existing table".</summary>
internal static class NotNullColumns
{
    /// <summary>
    /// A known, provider-applicable <c>AddColumn</c> of a NOT NULL column on an existing table that
    /// does not fill itself (row version, identity/serial/autoincrement).
    /// </summary>
    public static bool IsNotNullAddOnExistingTable(MigrationRuleContext context, MigrationOperation operation, int upIndex) =>
        operation.Column is { IsNullable: false } column &&
        operation.Table is { } table && operation.Name is not null &&
        !operation.HasUnknownArguments && context.MayRun(operation) &&
        !column.IsRowVersion && !IsSelfFilling(column) &&
        context.IsExistingTable(operation.Schema, table, upIndex);

    /// <summary>A known, provider-applicable <c>AlterColumn</c> from nullable to NOT NULL on an existing table.</summary>
    public static bool IsTighteningOnExistingTable(MigrationRuleContext context, MigrationOperation operation, int upIndex) =>
        operation.Kind == MigrationOperationKind.AlterColumn &&
        operation.Column is { IsNullable: false } && operation.OldColumn is { IsNullable: true } &&
        operation.Table is { } table && operation.Name is not null &&
        !operation.HasUnknownArguments && context.MayRun(operation) &&
        context.IsExistingTable(operation.Schema, table, upIndex);

    /// <summary>
    /// Whether the provider's own SQL for <c>AlterColumn(nullable: false, defaultValue: v)</c> (or
    /// <c>defaultValueSql</c>) turns existing NULLs into the default. Established by generating each
    /// real provider's SQL (ProviderSqlFactsTests): SQL Server and PostgreSQL emit
    /// <c>UPDATE … SET c = v WHERE c IS NULL</c> for either; SQLite's table rebuild copies through
    /// <c>IFNULL(c, v)</c> for defaultValue only. An unknown provider is one of those three in practice
    /// (the analyzer infers the referenced provider), so there defaultValue counts and
    /// defaultValueSql does not; MySQL (Pomelo) is not verified here, so there neither counts.
    /// </summary>
    public static bool ProviderBackfillsFromDefault(DatabaseProvider provider, ColumnDefinition column) => provider switch
    {
        DatabaseProvider.SqlServer or DatabaseProvider.PostgreSql => !column.DefaultValue.IsNull || !column.DefaultValueSql.IsNull,
        DatabaseProvider.Sqlite or DatabaseProvider.Unknown => !column.DefaultValue.IsNull,
        _ => false,
    };

    /// <summary>
    /// MySQL's <c>ALTER TABLE … ADD c … NOT NULL</c> without a default does not fail: existing rows get
    /// the type's implicit default (0, '', the first ENUM value). Not for dates: their implicit default
    /// is the zero date, which the default sql_mode (strict, NO_ZERO_DATE) rejects, so that ADD fails.
    /// </summary>
    public static bool MySqlFillsWithImplicitDefault(DatabaseProvider provider, ColumnDefinition column) =>
        provider == DatabaseProvider.MySql && !column.HasDefaultOrComputed &&
        TypeCompatibility.Shape(column, column.ClrType, provider) is { } shape &&
        shape.Family is not (TypeFamily.Date or TypeFamily.DateTime or TypeFamily.DateTimeOffset or TypeFamily.Unknown);

    /// <summary><c>SqlServerValueGenerationStrategy.IdentityColumn</c>.</summary>
    private const long SqlServerIdentityColumn = 2;

    /// <summary>Identity, serial and autoincrement columns get their values from the database.</summary>
    public static bool IsSelfFilling(ColumnDefinition column)
    {
        foreach (var annotation in column.Annotations)
        {
            switch (annotation.Name)
            {
                case "SqlServer:Identity":
                    return annotation.Value.AsString() is not null;
                case "Sqlite:Autoincrement":
                    return annotation.Value.AsBool() == true;
                case "SqlServer:ValueGenerationStrategy":
                    // EF Core 2/3 scaffolded identity this way; only IdentityColumn (2) fills existing rows
                    // (None is 0, SequenceHiLo 1 is filled by the client, Sequence 3 comes with its default).
                    return annotation.Value.Kind == ArgumentValueKind.Constant && annotation.Value.Constant is { } strategy &&
                        strategy is int or long or short or byte && Convert.ToInt64(strategy, System.Globalization.CultureInfo.InvariantCulture) == SqlServerIdentityColumn;
                case "Npgsql:ValueGenerationStrategy":
                case "MySql:ValueGenerationStrategy":
                    // Enum members are constants: 0 is None, anything else generates values.
                    return annotation.Value.Kind == ArgumentValueKind.Constant && annotation.Value.Constant is not null and not 0;
            }
        }

        return false;
    }

    /// <summary>
    /// An operation of this Up before <paramref name="upIndex"/> that leaves the column with no NULL
    /// in existing rows: a <c>Sql</c> <c>UPDATE &lt;table&gt; SET … &lt;column&gt; =</c> or
    /// <c>DELETE FROM &lt;table&gt; WHERE &lt;column&gt; IS NULL</c>, or an <c>UpdateData</c> of the
    /// column. Renames in between are followed back (expand/contract writes <c>c_new</c> and renames
    /// it). A <c>Sql</c> whose text is not constant, or an operation the model cannot read, might be
    /// the backfill: counted as one, so rules stay silent.
    /// </summary>
    public static bool HasEarlierBackfill(MigrationRuleContext context, MigrationOperation target, int upIndex)
    {
        var operations = context.Migration.Up.Operations;
        var column = target.Name!;
        var table = target.Table!;
        for (var i = Math.Min(upIndex, operations.Length) - 1; i >= 0; i--)
        {
            var operation = operations[i];
            switch (operation.Kind)
            {
                case MigrationOperationKind.Unknown:
                    return true;
                case MigrationOperationKind.Sql when operation.SqlText is null:
                    return true;
                case MigrationOperationKind.Sql when Backfills(operation, target.Schema, table, column, unconditionalOnly: false):
                    return true;
                case MigrationOperationKind.UpdateData when operation.IsTable(target.Schema, table) &&
                    (operation.Columns.IsDefault || operation.Columns.Contains(column)):
                    return true;
                case MigrationOperationKind.RenameColumn when operation.IsTable(target.Schema, table) && operation.NewName == column && operation.Name is { } oldName:
                    column = oldName;
                    break;
            }
        }

        return false;
    }

    /// <summary>
    /// For a column added with a placeholder default: a <c>Sql</c> later in this Up that sets it in
    /// every row (<c>UPDATE t SET c = …</c> without WHERE) before anything uses the value (an index,
    /// key or foreign key on the column) or the end of Up. The placeholder never reaches a reader.
    /// </summary>
    public static bool HasLaterBackfill(MigrationRuleContext context, MigrationOperation added, int upIndex)
    {
        var operations = context.Migration.Up.Operations;
        var column = added.Name!;
        var table = added.Table!;
        for (var i = upIndex + 1; i < operations.Length; i++)
        {
            var operation = operations[i];
            switch (operation.Kind)
            {
                case MigrationOperationKind.Unknown:
                case MigrationOperationKind.Sql when operation.SqlText is null:
                    return true;
                case MigrationOperationKind.Sql when context.MayRun(operation) && Backfills(operation, added.Schema, table, column, unconditionalOnly: true):
                    return true;
                case MigrationOperationKind.CreateIndex or MigrationOperationKind.AddForeignKey or MigrationOperationKind.AddUniqueConstraint or MigrationOperationKind.AddPrimaryKey
                    when operation.IsTable(added.Schema, table) && !operation.Columns.IsDefault && operation.Columns.Contains(column):
                    return false;
            }
        }

        return false;
    }

    /// <summary>
    /// Read through the SQL reader: <c>UPDATE [schema.]table SET … column = …</c> (unconditional when
    /// <paramref name="unconditionalOnly"/>), or <c>DELETE FROM table WHERE … column IS NULL</c>.
    /// </summary>
    private static bool Backfills(MigrationOperation sql, string? schema, string table, string column, bool unconditionalOnly)
    {
        if (SqlScript.For(sql) is not { } script)
        {
            return false;
        }

        foreach (var statement in script.AllStatements)
        {
            if (statement.Target?.Matches(schema, table) != true)
            {
                continue;
            }

            if (statement.Kind == SqlStatementKind.Update && !(unconditionalOnly && statement.HasWhere))
            {
                foreach (var assignment in statement.Assignments)
                {
                    if (assignment.Column.Matches(null, column))
                    {
                        return true;
                    }
                }
            }
            else if (statement.Kind == SqlStatementKind.Delete && !unconditionalOnly && DeletesNullsOf(statement.Tokens, column))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary><c>… WHERE … column IS NULL</c> (qualified or quoted): the rows that would break NOT NULL go.</summary>
    private static bool DeletesNullsOf(ImmutableArray<SqlToken> tokens, string column)
    {
        for (var i = 0; i + 2 < tokens.Length; i++)
        {
            if (tokens[i].Kind is SqlTokenKind.Word or SqlTokenKind.QuotedIdentifier &&
                string.Equals(tokens[i].Value, column, StringComparison.OrdinalIgnoreCase) &&
                tokens[i + 1].Is("IS") && tokens[i + 2].Is("NULL"))
            {
                return true;
            }
        }

        return false;
    }
}
