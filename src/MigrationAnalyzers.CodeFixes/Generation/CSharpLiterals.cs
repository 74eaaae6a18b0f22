using System;
using System.Globalization;
using Microsoft.CodeAnalysis.CSharp;

namespace MigrationAnalyzers.CodeFixes.Generation;

/// <summary>
/// Renders constants as C# source, the way EF's migration scaffolder writes them, and always as
/// source that compiles to the same value of the same type (the value may be a column default of
/// type <c>object</c>, where <c>5</c> and <c>5L</c> differ).
/// </summary>
internal static class CSharpLiterals
{
    public static string Render(object? value) => value switch
    {
        null => "null",
        string s => SymbolDisplay.FormatLiteral(s, quote: true),
        bool b => b ? "true" : "false",
        char c => SymbolDisplay.FormatLiteral(c, quote: true),
        int i => i.ToString(CultureInfo.InvariantCulture),
        long l => l.ToString(CultureInfo.InvariantCulture) + "L",
        uint u => u.ToString(CultureInfo.InvariantCulture) + "u",
        ulong u => u.ToString(CultureInfo.InvariantCulture) + "UL",
        short s => "(short)" + s.ToString(CultureInfo.InvariantCulture),
        ushort u => "(ushort)" + u.ToString(CultureInfo.InvariantCulture),
        byte b => "(byte)" + b.ToString(CultureInfo.InvariantCulture),
        sbyte b => "(sbyte)" + b.ToString(CultureInfo.InvariantCulture),
        decimal m => m.ToString(CultureInfo.InvariantCulture) + "m",
        double d => Double(d),
        float f => Float(f),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "null",
    };

    /// <summary>
    /// <c>1.5</c>, <c>2.0</c> (EF writes whole doubles with <c>.0</c>), <c>1E+20</c> (an exponent
    /// already makes a double literal), <c>-0.0</c>, and the named constants for what no literal says.
    /// </summary>
    private static string Double(double d)
    {
        if (double.IsNaN(d))
        {
            return "double.NaN";
        }

        if (double.IsInfinity(d))
        {
            return d > 0 ? "double.PositiveInfinity" : "double.NegativeInfinity";
        }

        var text = RoundTrip(d.ToString("R", CultureInfo.InvariantCulture), d, t => double.Parse(t, NumberStyles.Float, CultureInfo.InvariantCulture), v => v.ToString("G17", CultureInfo.InvariantCulture));
        if (IsNegativeZero(d) && !text.StartsWith("-", StringComparison.Ordinal))
        {
            text = "-" + text;
        }

        return text.IndexOfAny(new[] { '.', 'E', 'e' }) >= 0 ? text : text + ".0";
    }

    private static string Float(float f)
    {
        if (float.IsNaN(f))
        {
            return "float.NaN";
        }

        if (float.IsInfinity(f))
        {
            return f > 0 ? "float.PositiveInfinity" : "float.NegativeInfinity";
        }

        var text = RoundTrip(f.ToString("R", CultureInfo.InvariantCulture), f, t => float.Parse(t, NumberStyles.Float, CultureInfo.InvariantCulture), v => v.ToString("G9", CultureInfo.InvariantCulture));
        if (IsNegativeZero(f) && !text.StartsWith("-", StringComparison.Ordinal))
        {
            text = "-" + text;
        }

        return text + "f";
    }

    /// <summary>"R" is not always round-trip on .NET Framework (where Visual Studio runs the fix): then the longest exact form.</summary>
    private static string RoundTrip<T>(string text, T value, Func<string, T> parse, Func<T, string> exact)
        where T : IEquatable<T> =>
        parse(text).Equals(value) ? text : exact(value);

    // Older frameworks print -0.0 as "0": the sign is in the bits.
    private static bool IsNegativeZero(double d) => d == 0 && BitConverter.DoubleToInt64Bits(d) != 0;
}
