using System.Globalization;
using Microsoft.CodeAnalysis;
using MigrationAnalyzers.Configuration;
using MigrationAnalyzers.Model;

namespace MigrationAnalyzers.CodeFixes.Generation;

/// <summary>
/// The store type a column has when its operation gives no <c>type:</c> — EF's default mapping of the
/// CLR type and facets on each provider — so a fix can write a <c>CAST(… AS type)</c>. Null when the
/// provider or the type is not one this knows (the fix is then not offered).
/// </summary>
internal static class StoreTypes
{
    public static string? Of(ColumnDefinition column, DatabaseProvider provider)
    {
        if (column.StoreType is { } explicitType)
        {
            return explicitType;
        }

        var type = column.ClrType;
        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
        {
            type = nullable.TypeArguments[0];
        }

        if (type is INamedTypeSymbol { TypeKind: TypeKind.Enum, EnumUnderlyingType: { } underlying })
        {
            type = underlying;
        }

        var shape = TypeCompatibility.FromClr(type);
        if (shape is null)
        {
            return null;
        }

        var length = column.MaxLength.AsInt();
        var precision = column.Precision.AsInt();
        var scale = column.Scale.AsInt() ?? 0;
        var numeric = precision is { } p ? "(" + p.ToString(CultureInfo.InvariantCulture) + "," + scale.ToString(CultureInfo.InvariantCulture) + ")" : null;
        var sized = length is { } n ? "(" + n.ToString(CultureInfo.InvariantCulture) + ")" : null;
        return provider switch
        {
            DatabaseProvider.Sqlite => shape.Family switch
            {
                TypeFamily.Integer or TypeFamily.Boolean => "INTEGER",
                TypeFamily.Float => "REAL",
                TypeFamily.Binary => "BLOB",
                _ => "TEXT",
            },
            DatabaseProvider.PostgreSql => shape.Family switch
            {
                TypeFamily.Text => sized is null ? "text" : "character varying" + sized,
                TypeFamily.Integer => shape.Rank switch { 4 => "bigint", 3 => "integer", _ => "smallint" },
                TypeFamily.Decimal => "numeric" + numeric,
                TypeFamily.Float => shape.Rank == 1 ? "real" : "double precision",
                TypeFamily.Boolean => "boolean",
                TypeFamily.DateTime => "timestamp with time zone",
                TypeFamily.DateTimeOffset => "timestamp with time zone",
                TypeFamily.Date => "date",
                TypeFamily.Time => "time without time zone",
                TypeFamily.Interval => "interval",
                TypeFamily.Guid => "uuid",
                TypeFamily.Binary => "bytea",
                _ => null,
            },
            DatabaseProvider.SqlServer => shape.Family switch
            {
                TypeFamily.Text => (column.Unicode.AsBool() == false ? "varchar" : "nvarchar") + (sized ?? "(max)"),
                TypeFamily.Integer => shape.Rank switch { 4 => "bigint", 3 => "int", 2 => "smallint", _ => "tinyint" },
                TypeFamily.Decimal => "decimal" + (numeric ?? "(18,2)"),
                TypeFamily.Float => shape.Rank == 1 ? "real" : "float",
                TypeFamily.Boolean => "bit",
                TypeFamily.DateTime => "datetime2",
                TypeFamily.DateTimeOffset => "datetimeoffset",
                TypeFamily.Date => "date",
                TypeFamily.Time => "time",
                TypeFamily.Guid => "uniqueidentifier",
                TypeFamily.Binary => "varbinary" + (sized ?? "(max)"),
                _ => null,
            },
            _ => null,
        };
    }
}
