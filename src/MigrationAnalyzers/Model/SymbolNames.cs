using Microsoft.CodeAnalysis;

namespace MigrationAnalyzers.Model;

/// <summary>
/// Names of symbols without <c>ToDisplayString</c> on the hot path (banned in BannedSymbols.txt):
/// namespaces are compared segment by segment, without building a string; <see cref="Display"/>
/// is the one place that renders a symbol, for message text and ordering.
/// </summary>
internal static class SymbolNames
{
    /// <summary>True when <paramref name="symbol"/> is the namespace <paramref name="dotted"/> (e.g. <c>System.Text</c>).</summary>
    public static bool IsNamespace(INamespaceSymbol? symbol, string dotted)
    {
        // Segments from the last: "Builders", then "Operations"… each must end where the previous one began.
        var current = symbol;
        var end = dotted.Length;
        while (end > 0)
        {
            if (current is null || current.IsGlobalNamespace)
            {
                return false;
            }

            var name = current.Name;
            var start = end - name.Length;
            if (start < 0 || string.CompareOrdinal(dotted, start, name, 0, name.Length) != 0 || (start > 0 && dotted[start - 1] != '.'))
            {
                return false;
            }

            end = start - 1;
            current = current.ContainingNamespace;
        }

        return current is null || current.IsGlobalNamespace;
    }

    /// <summary>True when <paramref name="symbol"/> is <paramref name="dotted"/> or a namespace inside it.</summary>
    public static bool IsWithinNamespace(INamespaceSymbol? symbol, string dotted)
    {
        for (var current = symbol; current is { IsGlobalNamespace: false }; current = current.ContainingNamespace)
        {
            if (IsNamespace(current, dotted))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary><c>Namespace.Name</c> of a type (no generic arguments, no nesting): what name switches compare.</summary>
    public static string? FullName(ITypeSymbol? type)
    {
        if (type is null)
        {
            return null;
        }

        var name = type.Name;
        for (var current = type.ContainingNamespace; current is { IsGlobalNamespace: false }; current = current.ContainingNamespace)
        {
            name = current.Name + "." + name;
        }

        return name;
    }

    /// <summary>The symbol as C# shows it: for diagnostic messages and deterministic ordering only.</summary>
    public static string Display(ISymbol symbol, SymbolDisplayFormat? format = null)
    {
#pragma warning disable RS0030 // the sanctioned place: message text, not the model's hot path
        return symbol.ToDisplayString(format);
#pragma warning restore RS0030
    }
}
