using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using MigrationAnalyzers.Rules;

namespace MigrationAnalyzers.Tests.Meta;

/// <summary>Every analyzer and code fix the two shipped assemblies contain, found by reflection.</summary>
public static class AllAnalyzers
{
    /// <summary>Every rule as an analyzer of its own (a rule hosts itself), and MIG000: what each rule's tests run.</summary>
    public static ImmutableArray<DiagnosticAnalyzer> Analyzers { get; } = typeof(MigrationRuleAnalyzer).Assembly.GetTypes()
        .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t != typeof(MigrationAnalyzer))
        .OrderBy(t => t.Name, StringComparer.Ordinal)
        .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
        .ToImmutableArray();

    /// <summary>What a compiler loads from the package: the types marked [DiagnosticAnalyzer] (the rule host and MIG000).</summary>
    public static ImmutableArray<DiagnosticAnalyzer> Shipped { get; } = typeof(MigrationRuleAnalyzer).Assembly.GetTypes()
        .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttributes(typeof(DiagnosticAnalyzerAttribute), inherit: false).Length > 0)
        .OrderBy(t => t.Name, StringComparer.Ordinal)
        .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
        .ToImmutableArray();

    public static ImmutableArray<Type> CodeFixTypes { get; } = typeof(MigrationAnalyzers.CodeFixes.Generation.EfCallWriter).Assembly.GetTypes()
        .Where(t => !t.IsAbstract && typeof(CodeFixProvider).IsAssignableFrom(t))
        .OrderBy(t => t.Name, StringComparer.Ordinal)
        .ToImmutableArray();

    public static IEnumerable<DiagnosticDescriptor> Descriptors =>
        Analyzers.SelectMany(a => a.SupportedDiagnostics);

    /// <summary>
    /// One descriptor per id: a rule that reports one id at two severities (MIG021: Info, Warning on
    /// a foreign-key column) is listed by its default, the lower one.
    /// </summary>
    public static IEnumerable<DiagnosticDescriptor> DistinctRules =>
        Descriptors.GroupBy(d => d.Id).Select(g => g.OrderBy(d => d.DefaultSeverity).First()).OrderBy(d => d.Id, StringComparer.Ordinal);

    public static TheoryData<string> AnalyzerNames()
    {
        var data = new TheoryData<string>();
        foreach (var analyzer in Analyzers)
        {
            data.Add(analyzer.GetType().Name);
        }

        return data;
    }

    public static DiagnosticAnalyzer ByName(string name) => Analyzers.Single(a => a.GetType().Name == name);
}
