using System;
using System.Composition;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using MigrationAnalyzers.Rules;

namespace MigrationAnalyzers.Tests.Meta;

/// <summary>
/// StyleCop-style meta-tests over every rule: ids, help links, docs pages, the README table and
/// release tracking stay in step with the descriptors; every fix is exported and supports Fix All.
/// </summary>
public class RuleMetadataTests
{
    [Fact]
    public void Analyzers_AreFound()
    {
        Assert.NotEmpty(AllAnalyzers.Analyzers);
        Assert.Contains(AllAnalyzers.Analyzers, a => a is DropTableRule);
    }

    [Fact]
    public void EveryDescriptor_IdFollowsScheme_AndHelpLinkIsItsDocPage()
    {
        foreach (var descriptor in AllAnalyzers.Descriptors)
        {
            Assert.Matches("^MIG0[0-9]{2}$", descriptor.Id);
            Assert.Equal(RuleIdentifiers.GetHelpUri(descriptor.Id), descriptor.HelpLinkUri);
            Assert.EndsWith("docs/rules/" + descriptor.Id + ".md", descriptor.HelpLinkUri, StringComparison.Ordinal);
            Assert.False(string.IsNullOrWhiteSpace(descriptor.Title.ToString()));
            Assert.False(string.IsNullOrWhiteSpace(descriptor.Description.ToString()));
        }
    }

    [Fact]
    public void EveryId_BelongsToOneAnalyzer()
    {
        var owners = AllAnalyzers.Analyzers
            .SelectMany(a => a.SupportedDiagnostics.Select(d => d.Id).Distinct().Select(id => (id, a.GetType().Name)))
            .GroupBy(p => p.id)
            .Where(g => g.Count() > 1)
            .Select(g => g.Key + ": " + string.Join(", ", g.Select(p => p.Name)));
        Assert.Empty(owners);
    }

    [Fact]
    public void EveryRule_HasItsDocPage()
    {
        foreach (var descriptor in AllAnalyzers.DistinctRules)
        {
            var path = RepositoryPaths.Docs(descriptor.Id);
            Assert.True(File.Exists(path), "missing " + path);
            var text = File.ReadAllText(path);
            Assert.StartsWith("# " + descriptor.Id + ":", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void ReadmeTable_MatchesDescriptors()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "README.md"));
        var rows = Regex.Matches(readme, @"^\| \[(MIG\d{3})\]\(docs/rules/\1\.md\) \| ([^|]+) \| ([^|]+) \|", RegexOptions.Multiline)
            .ToDictionary(m => m.Groups[1].Value, m => (Severity: m.Groups[2].Value.Trim(), Title: m.Groups[3].Value.Trim()));
        foreach (var descriptor in AllAnalyzers.DistinctRules)
        {
            Assert.True(rows.ContainsKey(descriptor.Id), "README has no row for " + descriptor.Id);
            Assert.Equal(descriptor.Title.ToString(), rows[descriptor.Id].Title);
            Assert.StartsWith(SeverityWord(descriptor), rows[descriptor.Id].Severity, StringComparison.Ordinal);
        }

        var ids = AllAnalyzers.DistinctRules.Select(d => d.Id).ToHashSet();
        Assert.All(rows.Keys, id => Assert.Contains(id, ids));
    }

    [Fact]
    public void ReleaseTracking_ListsEveryRule()
    {
        var unshipped = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "src", "MigrationAnalyzers", "AnalyzerReleases.Unshipped.md"));
        foreach (var descriptor in AllAnalyzers.DistinctRules)
        {
            Assert.Matches(new Regex("^" + descriptor.Id + @" \| " + descriptor.Category + @" \|", RegexOptions.Multiline), unshipped);
        }
    }

    [Fact]
    public void EveryCodeFix_IsExportedSharedAndSupportsFixAll()
    {
        var ids = AllAnalyzers.Descriptors.Select(d => d.Id).ToHashSet();
        foreach (var type in AllAnalyzers.CodeFixTypes)
        {
            var export = type.GetCustomAttribute<ExportCodeFixProviderAttribute>();
            Assert.True(export is not null, type.Name + " is not exported");
            Assert.Contains(LanguageNames.CSharp, export!.Languages);
            Assert.True(type.GetCustomAttribute<SharedAttribute>() is not null, type.Name + " is not [Shared]");
            var fix = (CodeFixProvider)Activator.CreateInstance(type)!;
            Assert.NotNull(fix.GetFixAllProvider());
            Assert.NotEmpty(fix.FixableDiagnosticIds);
            Assert.All(fix.FixableDiagnosticIds, id => Assert.Contains(id, ids));
        }
    }

    /// <summary>README words for severities; a rule off by default reads "off" (or its conditional severity).</summary>
    private static string SeverityWord(DiagnosticDescriptor descriptor) =>
        !descriptor.IsEnabledByDefault ? "Off" : descriptor.DefaultSeverity switch
        {
            DiagnosticSeverity.Error => "Error",
            DiagnosticSeverity.Warning => "Warning",
            DiagnosticSeverity.Info => "Info",
            _ => "Hidden",
        };
}
