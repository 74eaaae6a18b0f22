using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using MigrationAnalyzers.Configuration;
using MigrationAnalyzers.Model;

namespace MigrationAnalyzers.Rules;

/// <summary>
/// Base of every rule. The sealed <see cref="Initialize"/> does the shared work once: concurrency,
/// no generated code, nothing registered when EF Core Relational is not referenced, the shared
/// <see cref="MigrationCatalog"/>, options, the baseline. A rule only reads the model and reports.
/// </summary>
public abstract class MigrationRuleAnalyzer : DiagnosticAnalyzer
{
    public sealed override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            if (EfTypes.TryCreate(start.Compilation) is null)
            {
                return;
            }

            start.RegisterSymbolAction(AnalyzeSymbol, SymbolKind.NamedType);
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

    private void AnalyzeSymbol(SymbolAnalysisContext symbolContext)
    {
        if (symbolContext.Symbol is not INamedTypeSymbol { TypeKind: TypeKind.Class } type ||
            MigrationCatalog.For(symbolContext.Compilation) is not { } catalog ||
            !catalog.Types.IsMigrationClass(type) ||
            catalog.Find(type) is not { } migration)
        {
            return;
        }

        var options = MigrationAnalyzerOptions.Read(symbolContext.Options.AnalyzerConfigOptionsProvider, migration.Tree, symbolContext.Compilation);
        if (options.IsBaselined(migration.Id))
        {
            return;
        }

        try
        {
            Analyze(new MigrationRuleContext(catalog, migration, options, symbolContext.ReportDiagnostic, symbolContext.CancellationToken));
        }
        catch (Exception ex) when (ex is not OperationCanceledException && !Debugger.IsDebugBuild)
        {
            // A rule that meets code it does not understand reports nothing rather than AD0001.
        }
    }
}
