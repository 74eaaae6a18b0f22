using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using MigrationAnalyzers.Configuration;
using MigrationAnalyzers.Model;
using MigrationAnalyzers.Schema;

namespace MigrationAnalyzers.Rules;

/// <summary>
/// Base of every rule. The sealed <see cref="Initialize"/> does the shared work once: concurrency,
/// no generated code, nothing registered when EF Core Relational is not referenced, the shared
/// <see cref="MigrationCatalog"/> (the compilation's one analysis context, taken at compilation
/// start), options, the baseline, silence when the history before a migration is incomplete.
/// A rule only reads the model and reports.
/// </summary>
[ReadsOptions(MigrationAnalyzerOptions.BaselineKey)]
public abstract class MigrationRuleAnalyzer : DiagnosticAnalyzer
{
    public sealed override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            if (MigrationCatalog.For(start.Compilation) is not { } catalog)
            {
                return;
            }

            start.RegisterSymbolAction(symbolContext => AnalyzeSymbol(symbolContext, catalog), SymbolKind.NamedType);
            OnCompilationStart(start);
        });
    }

    /// <summary>Compilation-wide rules (MIG083) add a compilation-end action here.</summary>
#pragma warning disable RS1012 // The base registers nothing on purpose; overrides do.
    private protected virtual void OnCompilationStart(CompilationStartAnalysisContext context)
    {
    }
#pragma warning restore RS1012

    private protected abstract void Analyze(MigrationRuleContext context);

    private void AnalyzeSymbol(SymbolAnalysisContext symbolContext, MigrationCatalog catalog)
    {
        if (symbolContext.Symbol is not INamedTypeSymbol { TypeKind: TypeKind.Class } type ||
            !catalog.Types.IsMigrationClass(type) ||
            catalog.Find(type, symbolContext.CancellationToken) is not { } migration)
        {
            return;
        }

        var options = catalog.Options(symbolContext.Options.AnalyzerConfigOptionsProvider, migration.Tree);
        if (options.IsBaselined(migration.Id))
        {
            return;
        }

        var cancellationToken = symbolContext.CancellationToken;
        if (RuleResults.TryReuse(GetType(), catalog, migration, options, symbolContext.ReportDiagnostic, cancellationToken))
        {
            return;
        }

        try
        {
            // What the rule reads beyond the migration decides whether the next compilation may reuse its diagnostics.
            var reads = new ReadLog(migration);
            var reported = new List<Diagnostic>();
            using (ReadLog.Record(reads))
            {
                Analyze(new MigrationRuleContext(
                    catalog,
                    migration,
                    options,
                    diagnostic =>
                    {
                        reported.Add(diagnostic);
                        symbolContext.ReportDiagnostic(diagnostic);
                    },
                    cancellationToken));
            }

            RuleResults.Store(GetType(), catalog, migration, options, reads, reported, cancellationToken);
        }
        catch (IncompleteHistoryException)
        {
            // A migration before this one could not be modelled: what this rule would say rests on a guess.
        }
        catch (Exception ex) when (ex is not OperationCanceledException && !Debugger.IsDebugBuild)
        {
            // A rule that meets code it does not understand reports nothing rather than AD0001.
        }
    }
}
