using Microsoft.CodeAnalysis;

namespace MigrationAnalyzers.Rules;

/// <summary>The one factory for descriptors: help link, enabled-by-default and tags set the same way for all.</summary>
internal static class RuleDescriptor
{
    public static DiagnosticDescriptor Create(
        string id,
        string title,
        string messageFormat,
        string category,
        DiagnosticSeverity severity,
        string description,
        bool isEnabledByDefault = true,
        bool isCompilationEnd = false)
    {
        var tags = isCompilationEnd
            ? new[] { "CompilationEnd" }
            : System.Array.Empty<string>();
        return new DiagnosticDescriptor(
            id,
            title,
            messageFormat,
            category,
            severity,
            isEnabledByDefault,
            description,
            RuleIdentifiers.GetHelpUri(id),
            tags);
    }
}
