using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using MigrationAnalyzers.Reversibility;

namespace MigrationAnalyzers.Rules;

/// <summary>
/// MIG044: Down's operations are in an order the database rejects: a principal table dropped before
/// its dependents, a column dropped before the index or key on it, a foreign key created before its
/// principal table… Reported only when a later operation of Down resolves the dependency (so the fix is a reorder).
/// </summary>
public sealed class DownOrderRule : MigrationRuleAnalyzer
{
    internal static readonly DiagnosticDescriptor Rule = RuleDescriptor.Create(
        RuleIdentifiers.DownOrder,
        title: "Down runs operations in an order that breaks dependencies",
        messageFormat: "{0} in Down runs before {1}, but {2}: the rollback fails on the database; move it after that operation",
        DiagnosticCategories.Reversibility,
        DiagnosticSeverity.Warning,
        description: "Down runs on the schema Up left behind: dependents must go before what they depend on (foreign keys and dependent tables before principal tables, indexes and keys before their columns), and tables and columns must exist before anything is created on them.");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    private protected override void Analyze(MigrationRuleContext context)
    {
        var pairing = ReversibilityPairing.For(context);
        if (!pairing.IsJudged)
        {
            return;
        }

        var afterUp = context.UpStateBefore(context.Migration.Up.Operations.Length);
        foreach (var violation in DownOrder.Find(pairing.Down, afterUp, pairing))
        {
            var early = pairing.Down[violation.Early];
            context.Report(Rule, early.Location, OperationText.Describe(early), OperationText.Describe(pairing.Down[violation.Late]), violation.Reason);
        }
    }
}
