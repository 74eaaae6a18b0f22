using System.Threading;
using Microsoft.CodeAnalysis;

namespace MigrationAnalyzers.Rules;

/// <summary>
/// Whether a rule is switched off, so the host does not run it: every id it reports is set to
/// <c>none</c> (.editorconfig, .globalconfig, <c>/nowarn</c>, a ruleset). Roslyn skips an analyzer
/// whose every diagnostic is off; one analyzer hosting every rule must do the same per rule.
/// Only an explicit "off" counts: anything else (a category or bulk setting, a rule off by default)
/// runs the rule, and Roslyn filters what it reports, so a wrong guess costs time, never a diagnostic.
/// </summary>
internal static class RuleSwitch
{
    /// <summary>Off for <paramref name="tree"/>'s file, or with no tree, for the whole compilation (its global settings).</summary>
    public static bool IsOff(MigrationRuleAnalyzer rule, Compilation compilation, SyntaxTree? tree, CancellationToken cancellationToken)
    {
        foreach (var descriptor in rule.SupportedDiagnostics)
        {
            if (!IsOff(descriptor.Id, compilation, tree, cancellationToken))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsOff(string id, Compilation compilation, SyntaxTree? tree, CancellationToken cancellationToken)
    {
        // A file's .editorconfig outranks the global settings, which outrank the compilation's options.
        if (compilation.Options.SyntaxTreeOptionsProvider is { } settings)
        {
            if (tree is null)
            {
                // Files may differ: decided file by file.
                return false;
            }

            if (settings.TryGetDiagnosticValue(tree, id, cancellationToken, out var fileSetting))
            {
                return fileSetting == ReportDiagnostic.Suppress;
            }

            if (settings.TryGetGlobalDiagnosticValue(id, cancellationToken, out var globalSetting))
            {
                return globalSetting == ReportDiagnostic.Suppress;
            }
        }

        return compilation.Options.SpecificDiagnosticOptions.TryGetValue(id, out var setting) && setting == ReportDiagnostic.Suppress;
    }
}
