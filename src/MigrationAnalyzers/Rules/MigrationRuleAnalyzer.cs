using System.Collections.Immutable;
using Microsoft.CodeAnalysis.Diagnostics;

namespace MigrationAnalyzers.Rules;

/// <summary>
/// Base of every rule. A rule only reads the model and reports (<see cref="Analyze"/>); the
/// <see cref="MigrationRuleHost"/> does the shared work: concurrency, no generated code, nothing
/// registered when EF Core Relational is not referenced, the shared <see cref="Model.MigrationCatalog"/>,
/// options, the baseline, silence when the history before a migration is incomplete, kept results.
/// The package ships one analyzer that hosts every rule (<see cref="MigrationAnalyzer"/>); a rule
/// is still an analyzer of its own (hosting itself), which is how the tests run one rule.
/// </summary>
public abstract class MigrationRuleAnalyzer : MigrationRuleHost
{
    private protected sealed override ImmutableArray<MigrationRuleAnalyzer> HostedRules => ImmutableArray.Create(this);

    /// <summary>Compilation-wide rules (MIG083) add a compilation-end action here.</summary>
#pragma warning disable RS1012 // The base registers nothing on purpose; overrides do.
    private protected virtual void OnCompilationStart(CompilationStartAnalysisContext context)
    {
    }
#pragma warning restore RS1012

    private protected abstract void Analyze(MigrationRuleContext context);

    internal void Run(MigrationRuleContext context) => Analyze(context);

    internal void Start(CompilationStartAnalysisContext context) => OnCompilationStart(context);
}
