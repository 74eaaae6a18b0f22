using System;
using System.Collections.Immutable;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using MigrationAnalyzers.Checks;
using MigrationAnalyzers.Configuration;
using MigrationAnalyzers.Model;

namespace MigrationAnalyzers.Rules;

/// <summary>
/// MIG064: an <c>AlterColumn</c> that keeps every value (a widening) yet makes the database rewrite
/// every row of an existing table under an exclusive lock. Which widenings rewrite depends on the
/// provider (see docs/rules/MIG064.md); narrowings and incompatible changes are MIG005's, never
/// reported here; with an unknown provider the rule stays silent. A type change in a <c>Sql</c> call
/// (<c>ALTER COLUMN … TYPE</c>, <c>MODIFY</c>) is the same change (<see cref="SqlRule"/>), judged by the same
/// <see cref="Rewrite"/> from the column as the history knows it (<see cref="UpSqlTypeChanges"/>).
/// </summary>
[ReadsOptions(MigrationAnalyzerOptions.ProviderKey)]
public sealed class TableRewriteRule : MigrationRuleAnalyzer
{
    internal static readonly DiagnosticDescriptor Rule = RuleDescriptor.Create(
        RuleIdentifiers.TableRewrite,
        title: "Lossless column change rewrites the whole table",
        messageFormat: "AlterColumn '{1}' on '{0}' from {2} to {3} keeps every value but {4}; on a large table schedule it in a maintenance window or migrate through a new column",
        DiagnosticCategories.Locking,
        DiagnosticSeverity.Info,
        description: "Some widening type changes are not metadata-only: PostgreSQL rewrites the table for integer→bigint, SQL Server runs a size-of-data update for int→bigint or varchar→nvarchar, MySQL copies the table, SQLite rebuilds it for any AlterColumn. The table is locked for the duration.");

    internal static readonly DiagnosticDescriptor SqlRule = RuleDescriptor.Create(
        RuleIdentifiers.TableRewrite,
        title: "Lossless column change rewrites the whole table",
        messageFormat: "Sql runs '{0}', which changes column '{1}' of '{2}' from {3} to {4}: it keeps every value but {5}; on a large table schedule it in a maintenance window or migrate through a new column",
        DiagnosticCategories.Locking,
        DiagnosticSeverity.Info,
        description: Rule.Description.ToString());

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule, SqlRule);

    private protected override void Analyze(MigrationRuleContext context)
    {
        var provider = context.Provider;
        if (provider is DatabaseProvider.Unknown)
        {
            return;
        }

        var operations = context.Migration.Up.Operations;
        for (var i = 0; i < operations.Length; i++)
        {
            var operation = operations[i];
            if (operation.Kind != MigrationOperationKind.AlterColumn || !context.MayRun(operation) || operation.HasUnknownArguments ||
                operation.Table is not { } table || operation.Name is not { } column ||
                operation.Column is not { HasUnknownArguments: false } newColumn || operation.OldColumn is not { HasUnknownArguments: false } oldColumn ||
                !context.IsExistingTable(operation.Schema, table, i) || context.IsColumnAddedEarlier(operation.Schema, table, column, i))
            {
                continue;
            }

            // EF reads an omitted oldClrType as "the same CLR type as the new side".
            if (Rewrite(oldColumn, operation["oldClrType"].IsOmitted ? newColumn.ClrType : null, newColumn, provider) is { } rewrite)
            {
                context.Report(Rule, operation.Location, MigrationRuleContext.Qualified(operation.Schema, table), column, rewrite.From, rewrite.To, rewrite.Reason);
            }
        }

        foreach (var sql in UpSqlTypeChanges.Read(context))
        {
            if (Rewrite(sql.Old, null, sql.New, provider) is { } rewrite)
            {
                context.Report(SqlRule, sql.Sql.Call.Location, sql.Sql.StatementText, sql.Sql.Read.Name, sql.Sql.Read.Table!.Text, rewrite.From, rewrite.To, rewrite.Reason);
            }
        }
    }

    /// <summary>
    /// The lossless change from <paramref name="old"/> to <paramref name="column"/> that makes the provider rewrite the
    /// table: both types as messages name them, and why. Null for no rewrite, a narrowing (MIG005's), or unknown types.
    /// </summary>
    private static (string From, string To, string Reason)? Rewrite(ColumnDefinition old, ITypeSymbol? oldDefaultClr, ColumnDefinition column, DatabaseProvider provider)
    {
        var oldType = ColumnType.From(old, oldDefaultClr, provider);
        var newType = ColumnType.From(column, null, provider);
        return oldType is null || newType is null || Widening(oldType, newType, provider) is not { } reason
            ? null
            : (oldType.Display, newType.Display, reason);
    }

    /// <summary>Why the provider rewrites the table for this lossless change; null when it does not, or when the change is not a widening.</summary>
    private static string? Widening(ColumnType from, ColumnType to, DatabaseProvider provider)
    {
        var change = Classify(from, to);
        if (change == Change.None)
        {
            return null;
        }

        return provider switch
        {
            // SQLite has no ALTER COLUMN: EF rebuilds the table (create, copy every row, drop, rename) for any AlterColumn.
            DatabaseProvider.Sqlite => "SQLite cannot alter a column: EF rebuilds the table, copying every row",
            DatabaseProvider.PostgreSql when change is Change.Integer or Change.Float =>
                "PostgreSQL rewrites the table and all its indexes under an ACCESS EXCLUSIVE lock (the storage size changes)",
            DatabaseProvider.SqlServer when change is Change.Integer or Change.Float or Change.AnsiToUnicode or Change.DateTime ||
                (change == Change.DecimalPrecision && DecimalBytes(from.Precision) != DecimalBytes(to.Precision)) =>
                "SQL Server updates every row (a size-of-data operation) under a schema-modification lock",
            DatabaseProvider.MySql when change is Change.Integer or Change.Float or Change.DecimalPrecision =>
                "MySQL copies the table (ALGORITHM=COPY), blocking writes",
            _ => null,
        };
    }

    private enum Change
    {
        None,
        Integer,
        Float,
        DecimalPrecision,
        Length,
        AnsiToUnicode,
        DateTime,
    }

    /// <summary>The widening from <paramref name="from"/> to <paramref name="to"/>; None for equal, narrowing or incompatible (MIG005) changes.</summary>
    private static Change Classify(ColumnType from, ColumnType to)
    {
        if (from.IntegerBytes > 0 && to.IntegerBytes > 0)
        {
            return to.IntegerBytes > from.IntegerBytes ? Change.Integer : Change.None;
        }

        if (from.FloatBytes > 0 && to.FloatBytes > 0)
        {
            return to.FloatBytes > from.FloatBytes ? Change.Float : Change.None;
        }

        if (from.IsDecimal && to.IsDecimal)
        {
            // Same scale, more (or unbounded) precision keeps every value; a scale change is MIG005's call.
            return from.Scale == to.Scale && from.Precision is { } p && (to.Precision is null || to.Precision > p) ? Change.DecimalPrecision : Change.None;
        }

        if (from.IsString && to.IsString && from.IsFixed == to.IsFixed)
        {
            var longer = from.Length is { } length && (to.Length is null || to.Length > length);
            var sameLength = from.Length == to.Length;
            if (!from.IsUnicode && to.IsUnicode && (longer || sameLength))
            {
                return Change.AnsiToUnicode;
            }

            return from.IsUnicode == to.IsUnicode && longer ? Change.Length : Change.None;
        }

        if (from.Name is "datetime" or "smalldatetime" && to.Name == "datetime2" && (to.Precision is null || to.Precision >= 3))
        {
            return Change.DateTime;
        }

        return Change.None;
    }

    /// <summary>SQL Server's storage bytes of decimal(p): an increase within one bucket is metadata-only.</summary>
    private static int DecimalBytes(int? precision) => precision switch
    {
        null => 9, // decimal without precision is decimal(18)
        <= 9 => 5,
        <= 19 => 9,
        <= 28 => 13,
        _ => 17,
    };

    /// <summary>A store type reduced to what the widening test needs.</summary>
    private sealed class ColumnType
    {
        private ColumnType(string name, string display)
        {
            Name = name;
            Display = display;
        }

        public string Name { get; }

        public string Display { get; }

        public int IntegerBytes { get; private set; }

        public int FloatBytes { get; private set; }

        public bool IsDecimal { get; private set; }

        public bool IsString { get; private set; }

        public bool IsUnicode { get; private set; }

        public bool IsFixed { get; private set; }

        /// <summary>Max length of a string; null = unbounded (text, max).</summary>
        public int? Length { get; private set; }

        public int? Precision { get; private set; }

        public int? Scale { get; private set; }

        public static ColumnType? From(ColumnDefinition column, ITypeSymbol? defaultClrType, DatabaseProvider provider)
        {
            var declared = column.ClrType ?? defaultClrType;
            var clr = declared is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable
                ? nullable.TypeArguments[0]
                : declared;
            // Only an omitted type falls back to the CLR type; a type that is not a constant string stays unknown.
            // A string is SQLite's TEXT only on SQLite: elsewhere its default mapping (nvarchar(max), text, longtext) is not known here.
            var fromClr = FromClr(clr);
            var storeType = column.StoreType ?? (column["type"].IsOmitted && (fromClr != "TEXT" || provider == DatabaseProvider.Sqlite) ? fromClr : null);
            if (storeType is null)
            {
                return null;
            }

            var text = storeType.Trim().ToLowerInvariant();
            var open = text.IndexOf('(');
            var name = (open < 0 ? text : text.Substring(0, open)).Trim();
            var arguments = open < 0 ? Array.Empty<string>() : text.Substring(open + 1).TrimEnd(')').Split(',');
            int? First(int index) => index < arguments.Length && int.TryParse(arguments[index].Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;

            var type = new ColumnType(Normalize(name), Describe(storeType, clr, column));
            switch (type.Name)
            {
                case "tinyint":
                    type.IntegerBytes = 1;
                    break;
                case "smallint":
                    type.IntegerBytes = 2;
                    break;
                case "mediumint":
                    type.IntegerBytes = 3;
                    break;
                case "int":
                    // SQLite spells every integer INTEGER: the CLR type tells int from long there.
                    type.IntegerBytes = text == "integer"
                        ? FromClr(clr) switch { "tinyint" => 1, "smallint" => 2, "bigint" => 8, _ => 4 }
                        : 4;
                    break;
                case "bigint":
                    type.IntegerBytes = 8;
                    break;
                case "real":
                    type.FloatBytes = 4;
                    break;
                case "double":
                    type.FloatBytes = 8;
                    break;
                case "float":
                    // SQL Server float(n): n ≤ 24 is real; float / float(53) is double.
                    type.FloatBytes = First(0) is <= 24 ? 4 : 8;
                    break;
                case "decimal":
                    type.IsDecimal = true;
                    type.Precision = First(0) ?? column.Precision.AsInt();
                    type.Scale = First(1) ?? column.Scale.AsInt() ?? (type.Precision is null ? null : 0);
                    break;
                case "varchar" or "nvarchar" or "char" or "nchar" or "text" or "ntext":
                    type.IsString = true;
                    type.IsUnicode = type.Name.StartsWith("n", StringComparison.Ordinal);
                    type.IsFixed = type.Name.EndsWith("char", StringComparison.Ordinal) && !type.Name.Contains("var");
                    // text/ntext/max are unbounded, except SQLite's TEXT, whose length lives in maxLength.
                    type.Length = arguments.Length == 1 && arguments[0].Trim() == "max" ? null
                        : type.Name.EndsWith("text", StringComparison.Ordinal) ? (text == "text" && storeType == "TEXT" ? column.MaxLength.AsInt() : null)
                        : First(0) ?? column.MaxLength.AsInt();
                    break;
                case "datetime2":
                    type.Precision = First(0);
                    break;
            }

            return type;
        }

        /// <summary>The store type, with what SQLite's one-word types hide (the CLR type, the max length).</summary>
        private static string Describe(string storeType, ITypeSymbol? clr, ColumnDefinition column) => storeType switch
        {
            "INTEGER" or "REAL" when clr is not null => storeType + " (" + SymbolNames.Display(clr) + ")",
            "TEXT" when column.MaxLength.AsInt() is { } maxLength => storeType + " (maxLength " + maxLength + ")",
            _ => storeType,
        };

        /// <summary>Aliases of PostgreSQL, SQL Server, MySQL and SQLite folded onto one name per type.</summary>
        private static string Normalize(string name) => name switch
        {
            "int2" => "smallint",
            "integer" or "int4" => "int",
            "int8" => "bigint",
            "float4" => "real",
            "float8" or "double precision" => "double",
            "numeric" => "decimal",
            "character varying" => "varchar",
            "character" or "bpchar" => "char",
            "national character varying" => "nvarchar",
            _ => name,
        };

        /// <summary>
        /// Without a store type, the CLR type decides (SQLite scaffolds INTEGER for every integer
        /// type; a string without a type reads as SQLite's TEXT, whose length is maxLength).
        /// </summary>
        private static string? FromClr(ITypeSymbol? clr) => clr?.SpecialType switch
        {
            SpecialType.System_String => "TEXT",
            SpecialType.System_Decimal => "decimal",
            SpecialType.System_Byte => "tinyint",
            SpecialType.System_Int16 => "smallint",
            SpecialType.System_Int32 => "int",
            SpecialType.System_Int64 => "bigint",
            SpecialType.System_Single => "real",
            SpecialType.System_Double => "double",
            _ => null,
        };
    }
}
