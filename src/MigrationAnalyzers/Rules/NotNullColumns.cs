using System;
using System.Text.RegularExpressions;
using MigrationAnalyzers.Configuration;
using MigrationAnalyzers.Model;

namespace MigrationAnalyzers.Rules;

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
    /// An operation of this Up before <paramref name="upIndex"/> that sets the column for existing rows:
    /// a <c>Sql</c> <c>UPDATE &lt;table&gt; SET … &lt;column&gt; =</c> (quoted identifiers allowed) or an
    /// <c>UpdateData</c> of the column. Renames in between are followed back (expand/contract writes
    /// <c>c_new</c> and renames it). A <c>Sql</c> whose text is not constant, or an operation the model
    /// cannot read, might be the backfill: counted as one, so rules stay silent.
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
                case MigrationOperationKind.Sql when IsUpdateOf(operation.SqlText, table, column):
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

    private const string Identifier = @"(?:\[(?<{0}>[^\]]+)\]|""(?<{0}>[^""]+)""|`(?<{0}>[^`]+)`|(?<{0}>[\w$#@]+))";

    private static readonly Regex Update = new(
        @"\bUPDATE\s+(?:" + string.Format(System.Globalization.CultureInfo.InvariantCulture, Identifier, "schema") + @"\s*\.\s*)?" +
        string.Format(System.Globalization.CultureInfo.InvariantCulture, Identifier, "table") +
        @"\s+(?:AS\s+\w+\s+|\w+\s+)?SET\s+(?<set>.*?)(?:\bFROM\b|\bWHERE\b|;|$)",
        RegexOptions.IgnoreCase | RegexOptions.Singleline | RegexOptions.CultureInvariant,
        TimeSpan.FromMilliseconds(200));

    /// <summary><c>UPDATE [schema.]table SET … column = …</c>: the statement shape of a backfill.</summary>
    public static bool IsUpdateOf(string? sql, string table, string column)
    {
        if (sql is null)
        {
            return false;
        }

        try
        {
            foreach (Match match in Update.Matches(sql))
            {
                if (!string.Equals(match.Groups["table"].Value, table, StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                var assignment = new Regex(
                    @"(?:^|,)\s*(?:\w+\.)?" + "(?:\\[" + Regex.Escape(column) + "\\]|\"" + Regex.Escape(column) + "\"|`" + Regex.Escape(column) + "`|" + Regex.Escape(column) + @"\b)\s*=",
                    RegexOptions.IgnoreCase | RegexOptions.CultureInvariant,
                    TimeSpan.FromMilliseconds(200));
                if (assignment.IsMatch(match.Groups["set"].Value))
                {
                    return true;
                }
            }
        }
        catch (RegexMatchTimeoutException)
        {
            return true;
        }

        return false;
    }
}
