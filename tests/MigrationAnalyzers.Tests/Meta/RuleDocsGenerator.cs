using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;

namespace MigrationAnalyzers.Tests.Meta;

/// <summary>
/// Writes what the descriptors know into the docs (as Meziantou's DocumentationGenerator does): each
/// <c>docs/rules/MIGnnn.md</c> header (title, severity, category) and the README rule table between
/// <c>&lt;!-- rules:start --&gt;</c> and <c>&lt;!-- rules:end --&gt;</c>. The prose stays in the page,
/// once: the fix and a severity's conditions (the text after the severity word) are read from the
/// page header and copied into the README row. <see cref="RuleDocsGeneratorTests"/> fails on a diff;
/// with <c>MIGRATIONANALYZERS_UPDATE_DOCS=1</c> it rewrites the files.
/// </summary>
internal static class RuleDocsGenerator
{
    private const string Start = "<!-- rules:start -->";
    private const string End = "<!-- rules:end -->";

    // The README groups rules by the SPEC's id ranges.
    private static readonly (int From, string Heading)[] Sections =
    {
        (0, "Data loss"),
        (20, "Fails on existing rows"),
        (40, "Reversibility (Down)"),
        (60, "Indexes and locking"),
        (80, "Raw SQL, transactions, conventions"),
    };

    /// <summary>The generated text of every file it owns, by path: pages first, then the README.</summary>
    public static Dictionary<string, string> Render()
    {
        var files = new Dictionary<string, string>();
        var rows = new List<(int Number, string Row)>();
        foreach (var descriptor in AllAnalyzers.DistinctRules)
        {
            var path = RepositoryPaths.Docs(descriptor.Id);
            var page = File.ReadAllText(path).Replace("\r\n", "\n");
            var (severity, fix, body) = ReadHeader(page, descriptor);
            files[path] = Header(descriptor, severity, fix) + body;
            rows.Add((int.Parse(descriptor.Id.Substring(3), System.Globalization.CultureInfo.InvariantCulture),
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
        var header = Regex.Match(page, @"\A# [^\n]*\n\n\| \| \|\n\|---\|---\|\n\| Severity \| (?<severity>[^\n]*) \|\n\| Category \| [^\n]* \|\n\| Fix \| (?<fix>[^\n]*) \|\n");
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

    private static string Header(DiagnosticDescriptor descriptor, string severity, string fix) =>
        $"# {descriptor.Id}: {descriptor.Title}\n\n| | |\n|---|---|\n| Severity | {severity} |\n| Category | {descriptor.Category} |\n| Fix | {fix} |\n";

    private static string Table(List<(int Number, string Row)> rows)
    {
        var text = new StringBuilder();
        for (var i = 0; i < Sections.Length; i++)
        {
            var upTo = i + 1 < Sections.Length ? Sections[i + 1].From : int.MaxValue;
            var section = rows.Where(r => r.Number >= Sections[i].From && r.Number < upTo).OrderBy(r => r.Number).ToList();
            if (section.Count == 0)
            {
                continue;
            }

            text.Append(i == 0 ? string.Empty : "\n").Append("### ").Append(Sections[i].Heading).Append("\n\n")
                .Append("| Id | Severity | Title | Fix |\n|---|---|---|---|\n");
            foreach (var (_, row) in section)
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
