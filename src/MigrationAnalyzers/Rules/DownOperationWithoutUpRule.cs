using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using MigrationAnalyzers.Reversibility;

namespace MigrationAnalyzers.Rules;

/// <summary>
/// MIG043: a Down operation that undoes nothing of Up: a rollback drops or changes schema that
/// existed before this migration (typically Down copied from another migration, or a stale name).
/// Operations on a table or column that Down itself re-creates belong to that re-creation.
/// </summary>
public sealed class DownOperationWithoutUpRule : MigrationRuleAnalyzer
{
    internal static readonly DiagnosticDescriptor Rule = RuleDescriptor.Create(
        RuleIdentifiers.DownOperationWithoutUp,
        title: "Down operation undoes nothing in Up",
        messageFormat: "{0} in Down undoes no operation of Up: rolling back would change schema that existed before this migration; remove it, or fix its names to match the Up operation it should undo",
        DiagnosticCategories.Reversibility,
        DiagnosticSeverity.Warning,
        description: "Every Down operation should undo an Up operation of the same migration. One that matches nothing drops or alters schema created by an earlier migration when this one is rolled back.");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    private protected override void Analyze(MigrationRuleContext context)
    {
        foreach (var down in ReversibilityPairing.For(context).Orphans())
        {
            context.Report(Rule, down.Location, OperationText.Describe(down));
        }
    }
}
