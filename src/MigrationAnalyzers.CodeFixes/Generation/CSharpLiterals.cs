using System;
using System.Globalization;
using Microsoft.CodeAnalysis.CSharp;

namespace MigrationAnalyzers.CodeFixes.Generation;

/// <summary>Renders constants as C# source, the way EF's migration scaffolder writes them.</summary>
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
        short s => "(short)" + s.ToString(CultureInfo.InvariantCulture),
        byte b => "(byte)" + b.ToString(CultureInfo.InvariantCulture),
        decimal m => m.ToString(CultureInfo.InvariantCulture) + "m",
        double d => d.ToString("R", CultureInfo.InvariantCulture) + (Math.Floor(d) == d ? ".0" : string.Empty),
        float f => f.ToString("R", CultureInfo.InvariantCulture) + "f",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "null",
    };
}
