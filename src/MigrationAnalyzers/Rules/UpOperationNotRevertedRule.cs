using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using MigrationAnalyzers.Reversibility;

namespace MigrationAnalyzers.Rules;

/// <summary>
/// MIG042: an Up operation that Down does not undo, so a rollback leaves part of Up in place and the
/// next Up fails or drifts. Operations on a table or column that Up created are undone by Down
/// dropping it. Sql (MIG046) and EnsureSchema are not judged; a missing or empty Down is MIG040/MIG041.
/// </summary>
public sealed class UpOperationNotRevertedRule : MigrationRuleAnalyzer
{
    internal static readonly DiagnosticDescriptor Rule = RuleDescriptor.Create(
        RuleIdentifiers.UpOperationNotReverted,
        title: "Up operation is not undone by Down",
        messageFormat: "{0} in Up has no inverse in Down: rolling back leaves it in place and re-applying the migration fails or drifts; add {1} to Down at its mirrored position",
        DiagnosticCategories.Reversibility,
        DiagnosticSeverity.Warning,
        description: "Down must undo every operation of Up, in reverse order (CreateTable↔DropTable, AddColumn↔DropColumn, CreateIndex↔DropIndex, keys, renames with names swapped, AlterColumn with new and old swapped, sequences, seed data). The code fix inserts the inverse when its full definition is known.");

    /// <summary>
    /// The same rule on a <c>DropColumn</c>: "left in place" would mislead, the rollback leaves the
    /// column missing. Same id and severity, a message that says what actually happens.
    /// </summary>
    internal static readonly DiagnosticDescriptor DropColumnRule = RuleDescriptor.Create(
        RuleIdentifiers.UpOperationNotReverted,
        title: "Up operation is not undone by Down",
        messageFormat: "{0} in Up has no inverse in Down: after a rollback the column stays missing while the code of the previous migration still uses it; add {1} to Down at its mirrored position",
        DiagnosticCategories.Reversibility,
        DiagnosticSeverity.Warning,
        description: "Down must undo every operation of Up, in reverse order (CreateTable↔DropTable, AddColumn↔DropColumn, CreateIndex↔DropIndex, keys, renames with names swapped, AlterColumn with new and old swapped, sequences, seed data). The code fix inserts the inverse when its full definition is known.");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule, DropColumnRule);

    private protected override void Analyze(MigrationRuleContext context)
    {
        var pairing = ReversibilityPairing.For(context);
        foreach (var up in pairing.Unreverted())
        {
            context.Report(up.Kind == Model.MigrationOperationKind.DropColumn ? DropColumnRule : Rule, up.Location, OperationText.Describe(up), InverseKinds.Of(up.Kind)?.ToString());
        }
    }
}
