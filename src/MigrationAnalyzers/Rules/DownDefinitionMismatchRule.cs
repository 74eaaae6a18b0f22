using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using MigrationAnalyzers.Model;
using MigrationAnalyzers.Reversibility;
using MigrationAnalyzers.Schema;

namespace MigrationAnalyzers.Rules;

/// <summary>
/// MIG045: Down undoes an Up operation but not back to the old definition: an AlterColumn back to a
/// different type, nullability or length than Up's <c>old…</c> values; a column, index or table
/// re-created differently from the one Up dropped (as the schema history records it).
/// </summary>
public sealed class DownDefinitionMismatchRule : MigrationRuleAnalyzer
{
    internal static readonly DiagnosticDescriptor Rule = RuleDescriptor.Create(
        RuleIdentifiers.DownDefinitionMismatch,
        title: "Down does not restore the old definition",
        messageFormat: "{0} in Down does not restore the definition Up changed ({1}): after a rollback the schema differs from the one before this migration; restore the old definition",
        DiagnosticCategories.Reversibility,
        DiagnosticSeverity.Warning,
        description: "The inverse in Down must bring back exactly what Up replaced: AlterColumn back to Up's old… values, a dropped column, index or table re-created as it was defined before.");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    private protected override void Analyze(MigrationRuleContext context)
    {
        var pairing = ReversibilityPairing.For(context);
        if (!pairing.IsJudged)
        {
            return;
        }

        foreach (var up in pairing.Up)
        {
            // Up's old… values that contradict the history or the previous target model are no
            // definition to restore (a migration scaffolded under another provider's snapshot).
            if (pairing.DownOf(up) is { } down && up.Table is { } table && !OldDefinition.ContradictsKnown(context, up, pairing.UpIndex(up)) &&
                RestoredDefinition.Difference(up, down, context.UpStateBefore(pairing.UpIndex(up)), () => PreviousModel(context, up.Schema, table)) is { } difference)
            {
                context.Report(Rule, down.Location, OperationText.Describe(down), difference);
            }
        }
    }

    /// <summary>
    /// The table in the previous migration's target model: the state this Up starts from. Asked
    /// only when the history cannot decide (reading another migration's model is a read the next
    /// compilation cannot fingerprint, so it re-runs the rule).
    /// </summary>
    private static ImmutableArray<ColumnDefinition> PreviousModel(MigrationRuleContext context, string? schema, string table) =>
        context.History.Previous(context.Migration) is { } previous ? TargetModel.Columns(previous, context.Catalog.Types.Compilation, schema, table) : default;
}
