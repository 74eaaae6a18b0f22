using System;
using System.Globalization;
using Microsoft.CodeAnalysis;
using MigrationAnalyzers.Configuration;

namespace MigrationAnalyzers.Model;

/// <summary>The kind of data a column holds, whatever the provider calls its type.</summary>
internal enum TypeFamily
{
    Unknown,
    Text,
    Integer,
    Decimal,
    Float,
    Boolean,
    DateTime,
    DateTimeOffset,
    Date,
    Time,
    Interval,
    Guid,
    Binary,
}

/// <summary>
/// One side of a column type change as far as it is known: family, rank within the family
/// (tinyint &lt; smallint &lt; int &lt; bigint; real &lt; double; smalldatetime &lt; datetime &lt; datetime2),
/// length (<see cref="int.MaxValue"/> = unbounded), precision, scale and unicode. Null = not known.
/// </summary>
internal sealed class ColumnShape
{
    public ColumnShape(TypeFamily family, int rank, int? length, int? precision, int? scale, bool? unicode, string display)
    {
        Family = family;
        Rank = rank;
        Length = length;
        Precision = precision;
        Scale = scale;
        Unicode = unicode;
        Display = display;
    }

    public TypeFamily Family { get; }

    public int Rank { get; }

    public int? Length { get; }

    public int? Precision { get; }

    public int? Scale { get; }

    public bool? Unicode { get; }

    /// <summary>How messages name the type: the store type when given, else the CLR type and facets.</summary>
    public string Display { get; }
}

/// <summary>
/// Whether changing a column from one definition to another can lose or fail to convert existing
/// values, per provider. The one place that knows type families and safe widenings: MIG005 reports
/// narrowings, and MIG064 (lossless rewrites) can ask the same questions. Anything not understood
/// is "unknown", never "narrowing".
/// </summary>
internal static class TypeCompatibility
{
    /// <summary>Unbounded length: nvarchar(max), text, a blob.</summary>
    public const int Unbounded = int.MaxValue;

    /// <summary>Reads one side of an AddColumn/AlterColumn/CreateTable column.</summary>
    public static ColumnShape? Shape(ColumnDefinition column, ITypeSymbol? clrType, DatabaseProvider provider)
    {
        // SQLite's store types (TEXT, INTEGER, REAL, BLOB) are affinities shared by many CLR types
        // (decimal, DateTime and Guid are all TEXT) and enforce no length: the CLR type decides there.
        var store = provider == DatabaseProvider.Sqlite ? null : column.StoreType;
        var fromStore = store is null ? null : ParseStoreType(store);
        var fromClr = FromClr(clrType);
        var baseShape = fromStore ?? fromClr;
        if (baseShape is null)
        {
            return null;
        }

        var length = fromStore?.Length ?? column.MaxLength.AsInt();
        var precision = fromStore?.Precision ?? column.Precision.AsInt();
        var scale = fromStore?.Scale ?? column.Scale.AsInt() ?? (precision is null ? null : 0);
        var unicode = column.Unicode.AsBool() ?? fromStore?.Unicode;
        if (provider == DatabaseProvider.Sqlite)
        {
            length = null;
            precision = null;
            scale = null;
        }

        if (baseShape.Family == TypeFamily.Text && fromStore is null && column.MaxLength.IsNull)
        {
            length = null;
        }

        var display = store ?? Describe(clrType, column);
        return new ColumnShape(baseShape.Family, baseShape.Rank, length, precision, scale, unicode, display);
    }

    /// <summary>
    /// Why changing <paramref name="from"/> to <paramref name="to"/> can lose or fail to convert
    /// existing values ("max length 200 → 50", "bigint → int", "string → int"…); null when the
    /// change is a safe widening, a no-op, or not known well enough to say.
    /// </summary>
    public static string? Narrowing(ColumnShape from, ColumnShape to, DatabaseProvider provider)
    {
        if (from.Family == TypeFamily.Unknown || to.Family == TypeFamily.Unknown)
        {
            return null;
        }

        if (from.Family != to.Family)
        {
            return IsSafeConversion(from, to) ? null : $"type change {Name(from.Family)} → {Name(to.Family)}";
        }

        switch (to.Family)
        {
            case TypeFamily.Text:
                if (from.Length is { } oldLength && to.Length is { } newLength && newLength < oldLength)
                {
                    return $"max length {LengthText(oldLength)} → {newLength}";
                }

                if (from.Unicode == true && to.Unicode == false && provider is DatabaseProvider.SqlServer or DatabaseProvider.Unknown)
                {
                    return "Unicode → non-Unicode";
                }

                return null;
            case TypeFamily.Binary:
                return from.Length is { } oldBytes && to.Length is { } newBytes && newBytes < oldBytes
                    ? $"max length {LengthText(oldBytes)} → {newBytes}"
                    : null;
            case TypeFamily.Integer:
            case TypeFamily.Float:
                return to.Rank < from.Rank ? $"{from.Display} → {to.Display}" : null;
            case TypeFamily.Decimal:
                if (from.Precision is { } p1 && to.Precision is { } p2)
                {
                    var s1 = from.Scale ?? 0;
                    var s2 = to.Scale ?? 0;
                    if (p2 - s2 < p1 - s1)
                    {
                        return $"precision ({p1},{s1}) → ({p2},{s2}): fewer integer digits";
                    }

                    if (s2 < s1)
                    {
                        return $"scale ({p1},{s1}) → ({p2},{s2}): fractional digits rounded";
                    }
                }

                return null;
            case TypeFamily.DateTime:
            case TypeFamily.DateTimeOffset:
            case TypeFamily.Time:
                if (to.Rank < from.Rank)
                {
                    return $"{from.Display} → {to.Display}";
                }

                return from.Precision is { } f1 && to.Precision is { } f2 && f2 < f1
                    ? $"fractional seconds precision {f1} → {f2}"
                    : null;
            default:
                return null;
        }
    }

    /// <summary>
    /// The type narrowing of a column changed from <paramref name="old"/> (whose CLR type is
    /// <paramref name="oldClr"/>) to <paramref name="column"/>: both shapes as messages name them and
    /// why values can be lost. Null when the change is safe, a no-op, or not known well enough.
    /// MIG005 reports it; a rename guess (MIG003/MIG004) accepts only definitions it finds safe.
    /// </summary>
    public static (string From, string To, string Reason)? ColumnNarrowing(ColumnDefinition old, ITypeSymbol? oldClr, ColumnDefinition column, DatabaseProvider provider)
    {
        if (Shape(old, oldClr, provider) is not { } from || Shape(column, column.ClrType, provider) is not { } to)
        {
            return null;
        }

        var reason = Narrowing(from, to, provider);
        if (reason is null && FromClr(oldClr) is { } clrFrom && FromClr(column.ClrType) is { } clrTo)
        {
            // Store types can hide a CLR narrowing (SQLite's INTEGER holds int and long alike).
            reason = Narrowing(clrFrom, clrTo, provider);
        }

        return reason is null ? null : (from.Display, to.Display, reason);
    }

    /// <summary>
    /// True only when the new column's type is known to hold every value of the old one with the
    /// same kind of data: same family, and <see cref="ColumnNarrowing"/> finds nothing. Unlike
    /// <see cref="ColumnNarrowing"/>, unknown is "no" here: a bounded new length against an old
    /// length nobody stated, an unreadable type. A change of family (int → text) keeps the values
    /// but not their meaning, which is what a rename guess needs.
    /// </summary>
    public static bool KeepsEveryValue(ColumnDefinition old, ColumnDefinition column, DatabaseProvider provider)
    {
        if (Shape(old, old.ClrType, provider) is not { } from || Shape(column, column.ClrType, provider) is not { } to)
        {
            // A type this class does not know (geometry, hstore, a PostgreSQL enum) holds the same values only as itself.
            return old.StoreType is { } oldStore && column.StoreType is { } newStore &&
                string.Equals(oldStore.Replace(" ", string.Empty), newStore.Replace(" ", string.Empty), StringComparison.OrdinalIgnoreCase) &&
                old.ClrType is { } oldClr && column.ClrType is { } newClr &&
                SymbolEqualityComparer.Default.Equals(Underlying(oldClr), Underlying(newClr));
        }

        if (from.Family != to.Family)
        {
            return false;
        }

        if (to.Length is { } newLength && newLength != Unbounded && from.Length is null)
        {
            return false;
        }

        return ColumnNarrowing(old, old.ClrType, column, provider) is null;
    }

    /// <summary>Conversions across families that keep every value (widening into a larger family).</summary>
    private static bool IsSafeConversion(ColumnShape from, ColumnShape to)
    {
        switch (from.Family, to.Family)
        {
            case (TypeFamily.Integer, TypeFamily.Decimal):
                return to.Precision is not { } p || p - (to.Scale ?? 0) >= IntegerDigits(from.Rank);
            case (TypeFamily.Integer, TypeFamily.Float):
            case (TypeFamily.Boolean, TypeFamily.Integer):
            case (TypeFamily.Date, TypeFamily.DateTime):
            case (TypeFamily.Date, TypeFamily.DateTimeOffset):
            case (TypeFamily.DateTime, TypeFamily.DateTimeOffset):
            case (TypeFamily.Time, TypeFamily.Interval):
                return true;
            case (_, TypeFamily.Text):
                // Anything renders as text; safe when the text is long enough for every value.
                return to.Length is not { } length || length >= TextLengthNeeded(from);
            default:
                return false;
        }
    }

    private static int IntegerDigits(int rank) => rank switch
    {
        1 => 3,
        2 => 5,
        3 => 10,
        _ => 19,
    };

    private static int TextLengthNeeded(ColumnShape from) => from.Family switch
    {
        TypeFamily.Integer => IntegerDigits(from.Rank) + 1,
        TypeFamily.Boolean => 5,
        TypeFamily.Guid => 36,
        TypeFamily.Date => 10,
        TypeFamily.Time => 16,
        TypeFamily.Decimal => (from.Precision ?? 38) + 2,
        _ => 33,
    };

    private static string LengthText(int length) => length == Unbounded ? "unbounded" : length.ToString(CultureInfo.InvariantCulture);

    private static string Name(TypeFamily family) => family switch
    {
        TypeFamily.Text => "text",
        TypeFamily.Integer => "integer",
        TypeFamily.Decimal => "decimal",
        TypeFamily.Float => "floating point",
        TypeFamily.Boolean => "boolean",
        TypeFamily.DateTime => "date and time",
        TypeFamily.DateTimeOffset => "date and time with offset",
        TypeFamily.Date => "date",
        TypeFamily.Time => "time",
        TypeFamily.Interval => "interval",
        TypeFamily.Guid => "GUID",
        TypeFamily.Binary => "binary",
        _ => "unknown",
    };

    private static string Describe(ITypeSymbol? clrType, ColumnDefinition column)
    {
        var name = clrType?.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat) ?? "?";
        if (column.MaxLength.AsInt() is { } length)
        {
            return name + "(" + length.ToString(CultureInfo.InvariantCulture) + ")";
        }

        if (column.Precision.AsInt() is { } precision)
        {
            return name + "(" + precision.ToString(CultureInfo.InvariantCulture) +
                (column.Scale.AsInt() is { } scale ? "," + scale.ToString(CultureInfo.InvariantCulture) : string.Empty) + ")";
        }

        return name;
    }

    /// <summary><c>T</c> of <c>T?</c>, else the type itself.</summary>
    public static ITypeSymbol Underlying(ITypeSymbol type) =>
        type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T, TypeArguments.Length: 1 } nullable
            ? nullable.TypeArguments[0]
            : type;

    /// <summary>Family and rank of a CLR type as EF maps it.</summary>
    public static ColumnShape? FromClr(ITypeSymbol? type)
    {
        if (type is null)
        {
            return null;
        }

        type = Underlying(type);

        if (type is INamedTypeSymbol { TypeKind: TypeKind.Enum, EnumUnderlyingType: { } underlying })
        {
            type = underlying;
        }

        var display = type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat);
        if (type is IArrayTypeSymbol { ElementType.SpecialType: SpecialType.System_Byte })
        {
            return Of(TypeFamily.Binary, 0, display);
        }

        switch (type.SpecialType)
        {
            case SpecialType.System_String:
                return Of(TypeFamily.Text, 0, display);
            case SpecialType.System_Char:
                return new ColumnShape(TypeFamily.Text, 0, 1, null, null, null, display);
            case SpecialType.System_Boolean:
                return Of(TypeFamily.Boolean, 0, display);
            case SpecialType.System_Byte:
            case SpecialType.System_SByte:
                return Of(TypeFamily.Integer, 1, display);
            case SpecialType.System_Int16:
            case SpecialType.System_UInt16:
                return Of(TypeFamily.Integer, 2, display);
            case SpecialType.System_Int32:
            case SpecialType.System_UInt32:
                return Of(TypeFamily.Integer, 3, display);
            case SpecialType.System_Int64:
            case SpecialType.System_UInt64:
                return Of(TypeFamily.Integer, 4, display);
            case SpecialType.System_Decimal:
                return Of(TypeFamily.Decimal, 0, display);
            case SpecialType.System_Single:
                return Of(TypeFamily.Float, 1, display);
            case SpecialType.System_Double:
                return Of(TypeFamily.Float, 2, display);
            case SpecialType.System_DateTime:
                return Of(TypeFamily.DateTime, 3, display);
        }

        var name = type.ContainingNamespace?.ToDisplayString() + "." + type.Name;
        return name switch
        {
            "System.DateTimeOffset" => Of(TypeFamily.DateTimeOffset, 3, display),
            "System.DateOnly" => Of(TypeFamily.Date, 0, display),
            "System.TimeOnly" => Of(TypeFamily.Time, 0, display),
            "System.TimeSpan" => Of(TypeFamily.Interval, 0, display),
            "System.Guid" => Of(TypeFamily.Guid, 0, display),
            _ => null,
        };
    }

    /// <summary>Family, rank and facets of a provider store type such as <c>nvarchar(200)</c> or <c>numeric(18,4)</c>.</summary>
    public static ColumnShape? ParseStoreType(string storeType)
    {
        var text = storeType.Trim().ToLowerInvariant();
        int? first = null;
        int? second = null;
        var max = false;
        var open = text.IndexOf('(');
        if (open >= 0)
        {
            var close = text.IndexOf(')', open);
            if (close < 0)
            {
                return null;
            }

            var arguments = text.Substring(open + 1, close - open - 1).Split(',');
            max = arguments[0].Trim() == "max";
            first = int.TryParse(arguments[0].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var a) ? a : null;
            second = arguments.Length > 1 && int.TryParse(arguments[1].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var b) ? b : null;
            text = (text.Substring(0, open) + text.Substring(close + 1)).Trim();
        }

        text = string.Join(" ", text.Split(new[] { ' ', '\t' }, StringSplitOptions.RemoveEmptyEntries));
        var length = max ? Unbounded : first;
        switch (text)
        {
            case "nvarchar":
            case "nchar":
            case "national character varying":
            case "national character":
                return new ColumnShape(TypeFamily.Text, 0, length ?? (max ? Unbounded : 1), null, null, true, storeType);
            case "ntext":
                return new ColumnShape(TypeFamily.Text, 0, Unbounded, null, null, true, storeType);
            case "varchar":
            case "character varying":
            case "varchar2":
            case "nvarchar2":
                // PostgreSQL: varchar without a length is unbounded.
                return new ColumnShape(TypeFamily.Text, 0, length ?? Unbounded, null, null, text == "nvarchar2" ? true : false, storeType);
            case "char":
            case "character":
            case "bpchar":
                return new ColumnShape(TypeFamily.Text, 0, length ?? 1, null, null, false, storeType);
            case "text":
            case "citext":
            case "clob":
            case "longtext":
            case "mediumtext":
            case "json":
            case "jsonb":
            case "xml":
                return new ColumnShape(TypeFamily.Text, 0, Unbounded, null, null, false, storeType);
            case "tinytext":
                return new ColumnShape(TypeFamily.Text, 0, 255, null, null, false, storeType);
            case "tinyint":
                return Of(TypeFamily.Integer, 1, storeType);
            case "smallint":
            case "int2":
            case "smallserial":
                return Of(TypeFamily.Integer, 2, storeType);
            case "int":
            case "integer":
            case "int4":
            case "serial":
            case "mediumint":
                return Of(TypeFamily.Integer, 3, storeType);
            case "bigint":
            case "int8":
            case "bigserial":
                return Of(TypeFamily.Integer, 4, storeType);
            case "decimal":
            case "numeric":
            case "number":
                return new ColumnShape(TypeFamily.Decimal, 0, null, first, first is null ? null : second ?? 0, null, storeType);
            case "money":
                return new ColumnShape(TypeFamily.Decimal, 0, null, 19, 4, null, storeType);
            case "smallmoney":
                return new ColumnShape(TypeFamily.Decimal, 0, null, 10, 4, null, storeType);
            case "real":
            case "float4":
                return Of(TypeFamily.Float, 1, storeType);
            case "float":
                return Of(TypeFamily.Float, first is <= 24 ? 1 : 2, storeType);
            case "double precision":
            case "double":
            case "float8":
                return Of(TypeFamily.Float, 2, storeType);
            case "bit":
            case "boolean":
            case "bool":
                return Of(TypeFamily.Boolean, 0, storeType);
            case "smalldatetime":
                return Of(TypeFamily.DateTime, 1, storeType);
            case "datetime":
                return new ColumnShape(TypeFamily.DateTime, 2, null, first, null, null, storeType);
            case "datetime2":
            case "timestamp":
            case "timestamp without time zone":
                return new ColumnShape(TypeFamily.DateTime, 3, null, first ?? (text == "datetime2" ? 7 : 6), null, null, storeType);
            case "datetimeoffset":
            case "timestamptz":
            case "timestamp with time zone":
                return new ColumnShape(TypeFamily.DateTimeOffset, 3, null, first ?? (text == "datetimeoffset" ? 7 : 6), null, null, storeType);
            case "date":
                return Of(TypeFamily.Date, 0, storeType);
            case "time":
            case "time without time zone":
                return new ColumnShape(TypeFamily.Time, 0, null, first ?? 6, null, null, storeType);
            case "interval":
                return Of(TypeFamily.Interval, 0, storeType);
            case "uniqueidentifier":
            case "uuid":
                return Of(TypeFamily.Guid, 0, storeType);
            case "varbinary":
            case "binary":
                return new ColumnShape(TypeFamily.Binary, 0, length ?? (text == "binary" ? 1 : Unbounded), null, null, null, storeType);
            case "bytea":
            case "blob":
            case "image":
            case "longblob":
                return new ColumnShape(TypeFamily.Binary, 0, Unbounded, null, null, null, storeType);
            default:
                return null;
        }
    }

    private static ColumnShape Of(TypeFamily family, int rank, string display) => new(family, rank, null, null, null, null, display);
}
