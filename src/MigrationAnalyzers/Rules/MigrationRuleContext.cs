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
        Report(descriptor, location, ImmutableDictionary<string, string?>.Empty, messageArgs);

    /// <summary>
    /// A report on an operation's location also says which operation (<see cref="OperationReference"/>), and
    /// every report the provider it was made for (<see cref="ReportedProvider"/>): what the fix needs without the project's model.
    /// </summary>
    public void Report(DiagnosticDescriptor descriptor, Location location, ImmutableDictionary<string, string?> properties, params object?[] messageArgs) =>
        _report(Diagnostic.Create(descriptor, location, WithOperation(ReportedProvider.Add(properties, Provider), location), messageArgs));

    private ImmutableDictionary<string, string?> WithOperation(ImmutableDictionary<string, string?> properties, Location location)
    {
        if (location.SourceTree is not { } tree)
        {
            return properties;
        }

        foreach (var inDown in new[] { false, true })
        {
            var operations = (inDown ? Migration.Down : Migration.Up).Operations;
            for (var i = 0; i < operations.Length; i++)
            {
                if (operations[i].Syntax.SyntaxTree == tree && operations[i].Syntax.Span == location.SourceSpan)
                {
                    return OperationReference.Add(properties, inDown, i);
                }
            }
        }

        return properties;
    }
}
