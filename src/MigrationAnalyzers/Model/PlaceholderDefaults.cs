using System;
using System.Globalization;
using Microsoft.CodeAnalysis;

namespace MigrationAnalyzers.Model;

/// <summary>The shape of a column value, which decides how SQL spells it as a literal.</summary>
internal enum ColumnValueKind
{
    Number,
    Text,
    Boolean,
    DateTime,
    DateTimeOffset,
    DateOnly,
    TimeOnly,
    TimeSpan,
    Guid,
    Binary,
}

/// <summary>
/// A <c>defaultValue</c> (or a CLR type's default) read into a provider-neutral form: its kind and
/// an invariant text (<c>0</c>, <c>abc</c>, <c>0001-01-01 00:00:00</c>, a GUID, hex bytes).
/// </summary>
internal sealed class ColumnValue
{
    public ColumnValue(ColumnValueKind kind, string text, bool isPlaceholder)
    {
        Kind = kind;
        Text = text;
        IsPlaceholder = isPlaceholder;
    }

    public ColumnValueKind Kind { get; }

    /// <summary>Invariant text: digits for numbers, the string itself, <c>true</c>/<c>false</c>, ISO dates, hex for binary.</summary>
    public string Text { get; }

    /// <summary>The value EF scaffolds when it needs "some" default: the CLR default of the type.</summary>
    public bool IsPlaceholder { get; }

    public override string ToString() => Text;
}

/// <summary>
/// EF's placeholder defaults: when a required column is added (or made required), EF scaffolds
/// <c>defaultValue:</c> the CLR default of the type — <c>0</c>, <c>""</c>, <c>false</c>,
/// <c>new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified)</c>, <c>Guid.Empty</c>… Existing
/// rows then hold sentinel values nobody chose. This is the one place that knows those values
/// (MIG021 detects them, the MIG020/MIG021/MIG022 fixes backfill with them).
/// </summary>
internal static class PlaceholderDefaults
{
    public static bool IsPlaceholder(ArgumentValue value) => Read(value)?.IsPlaceholder == true;

    /// <summary>The value of a <c>defaultValue</c> argument; null when not statically known or not a scalar EF writes.</summary>
    public static ColumnValue? Read(ArgumentValue value)
    {
        switch (value.Kind)
        {
            case ArgumentValueKind.Constant:
                return FromConstant(value.Constant);
            case ArgumentValueKind.StaticMember:
                return FromStaticMember(value.Type, value.MemberName);
            case ArgumentValueKind.ObjectCreation:
                return FromCreation(value);
            case ArgumentValueKind.Array when value.Type is IArrayTypeSymbol { ElementType.SpecialType: SpecialType.System_Byte }:
                return FromBytes(value);
            default:
                return null;
        }
    }

    /// <summary>The CLR default of <paramref name="type"/> (what EF would scaffold); null for types without one here.</summary>
    public static ColumnValue? ClrDefault(ITypeSymbol? type)
    {
        if (type is null)
        {
            return null;
        }

        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
        {
            type = nullable.TypeArguments[0];
        }

        if (type.TypeKind == TypeKind.Enum)
        {
            return new ColumnValue(ColumnValueKind.Number, "0", true);
        }

        if (type is IArrayTypeSymbol { ElementType.SpecialType: SpecialType.System_Byte })
        {
            return new ColumnValue(ColumnValueKind.Binary, string.Empty, true);
        }

        switch (type.SpecialType)
        {
            case SpecialType.System_String:
                return new ColumnValue(ColumnValueKind.Text, string.Empty, true);
            case SpecialType.System_Boolean:
                return new ColumnValue(ColumnValueKind.Boolean, "false", true);
            case SpecialType.System_Byte:
            case SpecialType.System_SByte:
            case SpecialType.System_Int16:
            case SpecialType.System_UInt16:
            case SpecialType.System_Int32:
            case SpecialType.System_UInt32:
            case SpecialType.System_Int64:
            case SpecialType.System_UInt64:
            case SpecialType.System_Decimal:
            case SpecialType.System_Single:
            case SpecialType.System_Double:
                return new ColumnValue(ColumnValueKind.Number, "0", true);
            case SpecialType.System_DateTime:
                return new ColumnValue(ColumnValueKind.DateTime, MinDateTime, true);
        }

        return FromStaticMember(type, "MinValue") ?? FromStaticMember(type, "Empty") ?? FromStaticMember(type, "Zero");
    }

    private const string MinDateTime = "0001-01-01 00:00:00";

    private static ColumnValue? FromConstant(object? constant) => constant switch
    {
        null => null,
        string s => new ColumnValue(ColumnValueKind.Text, s, s.Length == 0),
        bool b => new ColumnValue(ColumnValueKind.Boolean, b ? "true" : "false", !b),
        char c => new ColumnValue(ColumnValueKind.Text, c.ToString(), c == '\0'),
        float f => Number(f.ToString("R", CultureInfo.InvariantCulture), f == 0),
        double d => Number(d.ToString("R", CultureInfo.InvariantCulture), d == 0),
        decimal m => Number(m.ToString(CultureInfo.InvariantCulture), m == 0),
        IConvertible number when IsInteger(number) => Number(Convert.ToString(number, CultureInfo.InvariantCulture)!, Convert.ToDecimal(number, CultureInfo.InvariantCulture) == 0),
        _ => null,
    };

    private static ColumnValue Number(string text, bool zero) => new(ColumnValueKind.Number, text, zero);

    private static bool IsInteger(IConvertible value) => value.GetTypeCode() is
        TypeCode.Byte or TypeCode.SByte or TypeCode.Int16 or TypeCode.UInt16 or
        TypeCode.Int32 or TypeCode.UInt32 or TypeCode.Int64 or TypeCode.UInt64;

    private static ColumnValue? FromStaticMember(ITypeSymbol? type, string? member)
    {
        switch (TypeName(type), member)
        {
            case ("System.DateTime", "MinValue"):
                return new ColumnValue(ColumnValueKind.DateTime, MinDateTime, true);
            case ("System.DateTimeOffset", "MinValue"):
                return new ColumnValue(ColumnValueKind.DateTimeOffset, MinDateTime + "+00:00", true);
            case ("System.DateOnly", "MinValue"):
                return new ColumnValue(ColumnValueKind.DateOnly, "0001-01-01", true);
            case ("System.TimeOnly", "MinValue"):
                return new ColumnValue(ColumnValueKind.TimeOnly, "00:00:00", true);
            case ("System.TimeSpan", "Zero"):
                return new ColumnValue(ColumnValueKind.TimeSpan, "00:00:00", true);
            case ("System.Guid", "Empty"):
                return new ColumnValue(ColumnValueKind.Guid, Guid.Empty.ToString(), true);
            case ("System.String", "Empty"):
                return new ColumnValue(ColumnValueKind.Text, string.Empty, true);
            case ("System.Decimal", "Zero"):
                return Number("0", true);
            default:
                return null;
        }
    }

    private static ColumnValue? FromCreation(ArgumentValue creation)
    {
        if (TypeName(creation.Type) == "System.Guid")
        {
            return creation.Elements.Length == 1 && creation.Elements[0].AsString() is { } text && Guid.TryParse(text, out var guid)
                ? new ColumnValue(ColumnValueKind.Guid, guid.ToString(), guid == Guid.Empty)
                : null;
        }

        var numbers = new long[creation.Elements.Length];
        for (var i = 0; i < numbers.Length; i++)
        {
            var element = creation.Elements[i];
            if (element.Kind is ArgumentValueKind.Constant or ArgumentValueKind.Omitted && element.Constant is IConvertible c && IsInteger(c))
            {
                numbers[i] = Convert.ToInt64(c, CultureInfo.InvariantCulture);
            }
            else if (element.Kind is ArgumentValueKind.Constant or ArgumentValueKind.Omitted && element.Constant is null)
            {
                numbers[i] = 0;
            }
            else if (!(TypeName(creation.Type) == "System.DateTimeOffset" && i < 2))
            {
                return null;
            }
        }

        try
        {
            switch (TypeName(creation.Type))
            {
                case "System.DateTime" when numbers.Length >= 3:
                    var dateTime = DateTimeOf(numbers);
                    return new ColumnValue(ColumnValueKind.DateTime, Format(dateTime), dateTime == DateTime.MinValue);
                case "System.DateOnly" when numbers.Length == 3:
                    var date = new DateTime((int)numbers[0], (int)numbers[1], (int)numbers[2]);
                    return new ColumnValue(ColumnValueKind.DateOnly, date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), date == DateTime.MinValue);
                case "System.TimeOnly" when numbers.Length >= 2:
                    var time = TimeOf(numbers, 0);
                    return new ColumnValue(ColumnValueKind.TimeOnly, FormatTime(time), time == TimeSpan.Zero);
                case "System.TimeSpan" when numbers.Length >= 3:
                    var span = numbers.Length == 3
                        ? new TimeSpan((int)numbers[0], (int)numbers[1], (int)numbers[2])
                        : new TimeSpan((int)numbers[0], (int)numbers[1], (int)numbers[2], (int)numbers[3], numbers.Length > 4 ? (int)numbers[4] : 0);
                    return new ColumnValue(ColumnValueKind.TimeSpan, span.ToString("c", CultureInfo.InvariantCulture), span == TimeSpan.Zero);
                case "System.DateTimeOffset" when creation.Elements.Length == 2 &&
                    Read(creation.Elements[0]) is { Kind: ColumnValueKind.DateTime } local &&
                    Read(creation.Elements[1]) is { Kind: ColumnValueKind.TimeSpan } offset:
                    var sign = offset.Text.StartsWith("-", StringComparison.Ordinal) ? "-" : "+";
                    var offsetText = offset.Text.TrimStart('-');
                    return new ColumnValue(
                        ColumnValueKind.DateTimeOffset,
                        local.Text + sign + offsetText.Substring(0, Math.Min(5, offsetText.Length)),
                        local.IsPlaceholder && offset.IsPlaceholder);
            }
        }
        catch (ArgumentException)
        {
            // new DateTime(0, 0, 0) and the like: not a value, so not a placeholder either.
        }

        return null;
    }

    private static DateTime DateTimeOf(long[] n)
    {
        var date = new DateTime((int)n[0], (int)n[1], (int)n[2]);
        return n.Length >= 6 ? date.Add(TimeOf(n, 3)) : date;
    }

    private static TimeSpan TimeOf(long[] n, int start) =>
        new(0, (int)n[start], (int)n[start + 1], n.Length > start + 2 ? (int)n[start + 2] : 0, n.Length > start + 3 ? (int)n[start + 3] : 0);

    private static string Format(DateTime value)
    {
        var text = value.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);
        return text.TrimEnd('.');
    }

    private static string FormatTime(TimeSpan value) =>
        new DateTime(value.Ticks).ToString("HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture).TrimEnd('.');

    private static ColumnValue? FromBytes(ArgumentValue array)
    {
        var hex = new System.Text.StringBuilder();
        foreach (var element in array.Elements)
        {
            if (element.Kind != ArgumentValueKind.Constant || element.Constant is not IConvertible c || !IsInteger(c))
            {
                return null;
            }

            hex.Append(Convert.ToByte(c, CultureInfo.InvariantCulture).ToString("X2", CultureInfo.InvariantCulture));
        }

        return new ColumnValue(ColumnValueKind.Binary, hex.ToString(), array.Elements.Length == 0);
    }

    private static string? TypeName(ITypeSymbol? type) => SymbolNames.FullName(type);
}
