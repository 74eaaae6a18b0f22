using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using MigrationAnalyzers.Rules;
using MigrationAnalyzers.Tests.Rules;
using MigrationAnalyzers.Tests.Verifiers;

namespace MigrationAnalyzers.Tests.Meta;

/// <summary>
/// The package ships one analyzer hosting every rule (<see cref="MigrationAnalyzer"/>); the tests
/// of each rule run it on its own. These prove the two are the same: the host knows every rule,
/// reports exactly what the rules report one by one, and, like Roslyn for a separate analyzer,
/// does not run a rule the configuration switched off.
/// </summary>
[Collection(RuleResultsCollection.Name)]
public class MigrationAnalyzerTests
{
    [Fact]
    public void Shipped_AreTheHostAndMig000_AndTheHostReportsEveryRulesIds()
    {
        Assert.Equal(new[] { nameof(MigrationAnalyzer), nameof(UnreadableMigrationRule) }, AllAnalyzers.Shipped.Select(a => a.GetType().Name));

        var rules = AllAnalyzers.Analyzers.OfType<MigrationRuleAnalyzer>().ToList();
        Assert.Equal(AllAnalyzers.Analyzers.Length - 1, rules.Count);
        var hosted = new MigrationAnalyzer().SupportedDiagnostics;
        foreach (var rule in rules)
        {
            Assert.All(rule.SupportedDiagnostics, d => Assert.Contains(d, hosted));
        }

        Assert.Equal(rules.SelectMany(r => r.SupportedDiagnostics).Distinct().Count(), hosted.Length);
    }

    [Fact]
    public void OnTheSampleHistory_TheHostReportsWhatEveryRuleReportsOnItsOwn()
    {
        var compilation = AnalysisRuns.Compile(AnalysisRuns.SampleTrees(), OutputKind.ConsoleApplication);

        // New trees for each side: neither can reuse what the other kept.
        var oneByOne = AnalysisRuns.Analyze(AnalysisRuns.Fresh(compilation), AllAnalyzers.Analyzers);
        var hosted = AnalysisRuns.Analyze(AnalysisRuns.Fresh(compilation));

        Assert.True(hosted.Length >= 11, $"the sample reports {hosted.Length} diagnostics: at least its 11 warnings");
        Assert.Equal(string.Join("\n", oneByOne), string.Join("\n", hosted));
    }

    [Fact]
    public void ARuleSwitchedOffForTheCompilation_DoesNotRun_AndTheOthersReportAsBefore()
    {
        var compilation = AnalysisRuns.Compile(AnalysisRuns.SampleTrees(), OutputKind.ConsoleApplication);
        var migrations = compilation.SyntaxTrees.Count(AnalysisRuns.IsSampleMigration);
        var (all, ranAll) = Run(AnalysisRuns.Fresh(compilation));
        Assert.Contains(all, d => d.StartsWith("MIG002", StringComparison.Ordinal));

        // /nowarn:MIG002 (or a ruleset): DropColumnRule, MIG002's only rule, is not run on any migration.
        var off = AnalysisRuns.Fresh(compilation).WithOptions(compilation.Options.WithSpecificDiagnosticOptions(
            ImmutableDictionary<string, ReportDiagnostic>.Empty.Add("MIG002", ReportDiagnostic.Suppress)));
        var (rest, ranRest) = Run(off);

        Assert.Equal(all.Where(d => !d.StartsWith("MIG002", StringComparison.Ordinal)), rest);
        Assert.True(ranAll - ranRest >= migrations, $"{ranAll - ranRest} fewer analyses, {migrations} migrations");
    }

    [Fact]
    public void ARuleSwitchedOffInOneFile_DoesNotRunOnThatMigrationOnly()
    {
        var compilation = AnalysisRuns.Compile(AnalysisRuns.SampleTrees(), OutputKind.ConsoleApplication);
        var (all, ranAll) = Run(AnalysisRuns.Fresh(compilation));
        var reported = all.First(d => d.StartsWith("MIG002", StringComparison.Ordinal));
        var file = reported.Split(' ')[1];

        // .editorconfig "[thatfile.cs] dotnet_diagnostic.MIG002.severity = none".
        var fresh = AnalysisRuns.Fresh(compilation);
        var tree = fresh.SyntaxTrees.Single(t => t.FilePath.EndsWith(System.IO.Path.DirectorySeparatorChar + file, StringComparison.Ordinal));
        var off = fresh.WithOptions(fresh.Options.WithSyntaxTreeOptionsProvider(new OffInOneFile(tree, "MIG002")));
        var (rest, ranRest) = Run(off);

        Assert.Equal(all.Where(d => d != reported && !(d.StartsWith("MIG002 " + file, StringComparison.Ordinal))), rest);
        Assert.Equal(1, ranAll - ranRest);
    }

    private static (ImmutableArray<string> Diagnostics, int Ran) Run(Compilation compilation)
    {
        var before = RuleResults.Counts.Ran;
        var diagnostics = AnalysisRuns.Analyze(compilation);
        return (diagnostics, RuleResults.Counts.Ran - before);
    }

    /// <summary>What the compiler builds from an .editorconfig section for one file that switches one id off.</summary>
    private sealed class OffInOneFile : SyntaxTreeOptionsProvider
    {
        private readonly SyntaxTree _tree;
        private readonly string _id;

        public OffInOneFile(SyntaxTree tree, string id)
        {
            _tree = tree;
            _id = id;
        }

        public override GeneratedKind IsGenerated(SyntaxTree tree, CancellationToken cancellationToken) => GeneratedKind.NotGenerated;

        public override bool TryGetDiagnosticValue(SyntaxTree tree, string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity)
        {
            severity = ReportDiagnostic.Suppress;
            return tree == _tree && diagnosticId == _id;
        }

        public override bool TryGetGlobalDiagnosticValue(string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity)
        {
            severity = ReportDiagnostic.Default;
            return false;
        }
    }
}
