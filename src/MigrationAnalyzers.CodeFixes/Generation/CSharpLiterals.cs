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
        double d => Real(d, "double", Exact(d.ToString("R", CultureInfo.InvariantCulture), t => double.Parse(t, NumberStyles.Float, CultureInfo.InvariantCulture) == d, () => d.ToString("G17", CultureInfo.InvariantCulture)), string.Empty),
        float f => Real(f, "float", Exact(f.ToString("R", CultureInfo.InvariantCulture), t => float.Parse(t, NumberStyles.Float, CultureInfo.InvariantCulture) == f, () => f.ToString("G9", CultureInfo.InvariantCulture)), "f"),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "null",
    };

    /// <summary>
    /// <c>1.5</c>, <c>2.0</c> (EF writes whole doubles with <c>.0</c>), <c>1E+20</c> (an exponent
    /// already makes a double literal), <c>-0.0</c>, <c>1.5f</c>, and the named constants for what
    /// no literal says (<c>double.NaN</c>, <c>float.PositiveInfinity</c>…).
    /// </summary>
    private static string Real(double value, string type, string text, string suffix)
    {
        if (double.IsNaN(value))
        {
            return type + ".NaN";
        }

        if (double.IsInfinity(value))
        {
            return type + (value > 0 ? ".PositiveInfinity" : ".NegativeInfinity");
        }

        // Older frameworks print negative zero as "0": the sign is in the bits.
        if (value == 0 && BitConverter.DoubleToInt64Bits(value) != 0 && !text.StartsWith("-", StringComparison.Ordinal))
        {
            text = "-" + text;
        }

        return suffix.Length > 0 || text.IndexOfAny(new[] { '.', 'E', 'e' }) >= 0 ? text + suffix : text + ".0";
    }

    /// <summary>"R" is not always round-trip on .NET Framework (where Visual Studio runs the fix): then the longest exact form.</summary>
    private static string Exact(string shortest, Func<string, bool> roundTrips, Func<string> exact) =>
        roundTrips(shortest) ? shortest : exact();
}
