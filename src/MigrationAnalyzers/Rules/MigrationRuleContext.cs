using System;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using MigrationAnalyzers.Configuration;
using MigrationAnalyzers.Model;
using MigrationAnalyzers.Schema;

namespace MigrationAnalyzers.Rules;

/// <summary>What a rule sees of one migration: the <see cref="MigrationFacts"/>, and how to report.</summary>
internal sealed class MigrationRuleContext : MigrationFacts
{
    private readonly Action<Diagnostic> _report;

    public MigrationRuleContext(
        MigrationCatalog catalog,
        MigrationModel migration,
        MigrationAnalyzerOptions options,
        Action<Diagnostic> report,
        CancellationToken cancellationToken)
        : base(catalog, migration, options, cancellationToken)
    {
        _report = report;
    }

    public void Report(DiagnosticDescriptor descriptor, Location location, params object?[] messageArgs) =>
        _report(Diagnostic.Create(descriptor, location, messageArgs));

    public void Report(DiagnosticDescriptor descriptor, Location location, ImmutableDictionary<string, string?> properties, params object?[] messageArgs) =>
        _report(Diagnostic.Create(descriptor, location, properties, messageArgs));
}
