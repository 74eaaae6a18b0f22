using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using MigrationAnalyzers.Configuration;
using MigrationAnalyzers.Model;
using MigrationAnalyzers.Schema;

namespace MigrationAnalyzers.Rules;

/// <summary>
/// Runs migration rules: one symbol callback per migration class for all of them (the shipped
/// <see cref="MigrationAnalyzer"/> hosts every rule; a rule on its own, as tests run it, hosts
/// itself). What every rule needs is done once per migration here: the migration found, its
/// options and baseline, its kept results (<see cref="RuleResults"/>), and one
/// <see cref="MigrationRuleContext"/> whose schema states the rules share. Each rule then runs
/// with its own <see cref="ReadLog"/>, so an edit re-runs only the rules that read what changed.
/// <para>
/// Why one analyzer and not one per rule: Roslyn hands every class of the compilation to every
/// analyzer (about 1.6 µs per pair: the benchmark's <c>--dispatch</c>), and each rule's callback
/// repeated our own work on a migration: finding it, its options, its kept results, and folding
/// its Up for each rule that asks. One host pays both once.
/// </para>
/// </summary>
[ReadsOptions(MigrationAnalyzerOptions.BaselineKey)]
public abstract class MigrationRuleHost : DiagnosticAnalyzer
{
    /// <summary>The rules this analyzer runs, in a fixed order (the order their diagnostics are reported in).</summary>
    private protected abstract ImmutableArray<MigrationRuleAnalyzer> HostedRules { get; }

    public sealed override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        var rules = HostedRules;
        var slots = rules.Select(rule => RuleResults.Slot(rule.GetType())).ToImmutableArray();
        context.RegisterCompilationStartAction(start =>
        {
            if (MigrationCatalog.For(start.Compilation) is not { } catalog)
            {
                return;
            }

            // A rule switched off for the whole compilation costs nothing, as a separate analyzer would (Roslyn skips those).
            var on = rules.Select(rule => !RuleSwitch.IsOff(rule, start.Compilation, tree: null, start.CancellationToken)).ToImmutableArray();
            if (!on.Contains(true))
            {
                return;
            }

            start.RegisterSymbolAction(symbolContext => AnalyzeSymbol(symbolContext, catalog, rules, slots, on), SymbolKind.NamedType);
            for (var i = 0; i < rules.Length; i++)
            {
                if (on[i])
                {
                    rules[i].Start(start);
                }
            }
        });
    }

    private static void AnalyzeSymbol(
        SymbolAnalysisContext symbolContext,
        MigrationCatalog catalog,
        ImmutableArray<MigrationRuleAnalyzer> rules,
        ImmutableArray<int> slots,
        ImmutableArray<bool> on)
    {
        if (symbolContext.Symbol is not INamedTypeSymbol { TypeKind: TypeKind.Class } type ||
            !catalog.Types.IsMigrationClass(type) ||
            catalog.Find(type, symbolContext.CancellationToken) is not { } migration)
        {
            return;
        }

        var cancellationToken = symbolContext.CancellationToken;
        var options = catalog.Options(symbolContext.Options.AnalyzerConfigOptionsProvider, migration.Tree);
        if (options.IsBaselined(migration.Id))
        {
            return;
        }

        RuleResults.MigrationResults kept;
        try
        {
            kept = RuleResults.Open(catalog, migration, options, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException && !Debugger.IsDebugBuild)
        {
            // The history could not be folded: no rule can say anything that rests on it.
            return;
        }

        var reported = new List<Diagnostic>();
        var context = new MigrationRuleContext(
            catalog,
            migration,
            options,
            diagnostic =>
            {
                reported.Add(diagnostic);
                symbolContext.ReportDiagnostic(diagnostic);
            },
            cancellationToken);
        for (var i = 0; i < rules.Length; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!on[i] || RuleSwitch.IsOff(rules[i], catalog.Types.Compilation, migration.Tree, cancellationToken) ||
                kept.TryReuse(slots[i], symbolContext.ReportDiagnostic))
            {
                continue;
            }

            var from = reported.Count;
            try
            {
                // What the rule reads beyond the migration decides whether the next compilation may reuse its diagnostics.
                var reads = new ReadLog(migration);
                using (ReadLog.Record(reads))
                {
                    rules[i].Run(context);
                }

                kept.Store(slots[i], reads, reported, from);
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
}
