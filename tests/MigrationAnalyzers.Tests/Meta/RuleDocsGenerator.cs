using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using MigrationAnalyzers.Configuration;
using MigrationAnalyzers.Rules;

namespace MigrationAnalyzers.Tests.Meta;

/// <summary>
/// Writes what the descriptors know into the docs (as Meziantou's DocumentationGenerator does): each
/// <c>docs/rules/MIGnnn.md</c> header (title, severity, category, the options the rule reads) and the README rule table between
/// <c>&lt;!-- rules:start --&gt;</c> and <c>&lt;!-- rules:end --&gt;</c>. The prose stays in the page,
/// once: the fix and a severity's conditions (the text after the severity word) are read from the
/// page header and copied into the README row. <see cref="RuleDocsGeneratorTests"/> fails on a diff;
/// with <c>MIGRATIONANALYZERS_UPDATE_DOCS=1</c> it rewrites the files.
/// </summary>
internal static class RuleDocsGenerator
{
    private const string Start = "<!-- rules:start -->";
    private const string End = "<!-- rules:end -->";

    // The README groups rules by category (the SPEC's sections), in this order.
    private static readonly (string Category, string Heading)[] Sections =
    {
        (DiagnosticCategories.DataLoss, "Data loss"),
        (DiagnosticCategories.ExistingRows, "Fails on existing rows"),
        (DiagnosticCategories.Reversibility, "Reversibility (Down)"),
        (DiagnosticCategories.Locking, "Indexes and locking"),
        (DiagnosticCategories.Conventions, "Raw SQL, transactions, conventions"),
        (DiagnosticCategories.Analysis, "Analysis (not a finding)"),
    };

    /// <summary>The generated text of every file it owns, by path: pages first, then the README.</summary>
    public static Dictionary<string, string> Render()
    {
        var files = new Dictionary<string, string>();
        var rows = new List<(string Category, int Number, string Row)>();
        foreach (var descriptor in AllAnalyzers.DistinctRules)
        {
            var path = RepositoryPaths.Docs(descriptor.Id);
            var page = File.ReadAllText(path).Replace("\r\n", "\n");
            var (severity, fix, body) = ReadHeader(page, descriptor);
            files[path] = Header(descriptor, severity, fix, Options(descriptor.Id)) + body;
            if (!Sections.Any(s => s.Category == descriptor.Category))
            {
                throw new InvalidOperationException($"{descriptor.Id}: category '{descriptor.Category}' has no README section");
            }

            rows.Add((descriptor.Category, int.Parse(descriptor.Id.Substring(3), System.Globalization.CultureInfo.InvariantCulture),
                $"| [{descriptor.Id}](docs/rules/{descriptor.Id}.md) | {severity} | {descriptor.Title} | {fix} |"));
        }

        var readmePath = Path.Combine(RepositoryPaths.Root, "README.md");
        var readme = File.ReadAllText(readmePath).Replace("\r\n", "\n");
        var start = readme.IndexOf(Start, StringComparison.Ordinal);
        var end = readme.IndexOf(End, StringComparison.Ordinal);
        if (start < 0 || end < start)
        {
            throw new InvalidOperationException("README.md has no " + Start + " … " + End + " region");
        }

        files[readmePath] = readme.Substring(0, start + Start.Length) + "\n" + Table(rows) + readme.Substring(end);
        return files;
    }

    /// <summary>The severity cell (descriptor's word, then the page's conditions), the page's fix, and the page after its header.</summary>
    private static (string Severity, string Fix, string Body) ReadHeader(string page, DiagnosticDescriptor descriptor)
    {
        var header = Regex.Match(page, @"\A# [^\n]*\n\n\| \| \|\n\|---\|---\|\n\| Severity \| (?<severity>[^\n]*) \|\n\| Category \| [^\n]* \|\n\| Fix \| (?<fix>[^\n]*) \|\n(\| Options \| [^\n]* \|\n)?");
        if (!header.Success)
        {
            throw new InvalidOperationException(descriptor.Id + ".md does not start with the generated header (title, Severity, Category, Fix)");
        }

        var written = header.Groups["severity"].Value;
        var word = SeverityWord(descriptor);
        if (!written.StartsWith(word, StringComparison.Ordinal))
        {
            // The page's conditions qualify the descriptor's severity; they cannot contradict it.
            throw new InvalidOperationException($"{descriptor.Id}.md: Severity '{written}' does not start with the descriptor's '{word}'");
        }

        return (written, header.Groups["fix"].Value, page.Substring(header.Length));
    }

    private static string Header(DiagnosticDescriptor descriptor, string severity, string fix, IReadOnlyList<string> options) =>
        $"# {descriptor.Id}: {descriptor.Title}\n\n| | |\n|---|---|\n| Severity | {severity} |\n| Category | {descriptor.Category} |\n| Fix | {fix} |\n" +
        $"| Options | {(options.Count == 0 ? "—" : string.Join(", ", options.Select(o => "`" + o + "`")))} |\n";

    /// <summary>The .editorconfig keys the rules reporting <paramref name="id"/> declare (<see cref="ReadsOptionsAttribute"/>), in a stable order.</summary>
    public static IReadOnlyList<string> Options(string id) => AllAnalyzers.Analyzers
        .Where(a => a.SupportedDiagnostics.Any(d => d.Id == id))
        .SelectMany(a => DeclaredOptions(a.GetType()))
        .Distinct()
        .OrderBy(key => key, StringComparer.Ordinal)
        .ToList();

    /// <summary>The keys a rule type declares, with those of its base classes.</summary>
    public static IEnumerable<string> DeclaredOptions(Type rule) =>
        rule.GetCustomAttributes(typeof(ReadsOptionsAttribute), inherit: true).Cast<ReadsOptionsAttribute>().SelectMany(a => a.Keys);

    private static string Table(List<(string Category, int Number, string Row)> rows)
    {
        var text = new StringBuilder();
        for (var i = 0; i < Sections.Length; i++)
        {
            var section = rows.Where(r => r.Category == Sections[i].Category).OrderBy(r => r.Number).ToList();
            if (section.Count == 0)
            {
                continue;
            }

            text.Append(text.Length == 0 ? string.Empty : "\n").Append("### ").Append(Sections[i].Heading).Append("\n\n")
                .Append("| Id | Severity | Title | Fix |\n|---|---|---|---|\n");
            foreach (var (_, _, row) in section)
            {
                text.Append(row).Append('\n');
            }
        }

        return text.ToString();
    }

    /// <summary>As the README's meta-test reads it: a rule off by default is "Off" (its conditions say when it is on).</summary>
    private static string SeverityWord(DiagnosticDescriptor descriptor) => !descriptor.IsEnabledByDefault ? "Off" : descriptor.DefaultSeverity switch
    {
        DiagnosticSeverity.Error => "Error",
        DiagnosticSeverity.Warning => "Warning",
        DiagnosticSeverity.Info => "Info",
        _ => "Hidden",
    };
}
