using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using MigrationAnalyzers.Reversibility;

namespace MigrationAnalyzers.Rules;

/// <summary>
/// MIG041: Down is empty while Up changes schema: rolling back "succeeds" and leaves Up's schema in
/// place. An Up of only data changes may keep an empty Down; a Down that only throws
/// <c>NotSupportedException</c> is an explicit "irreversible" and is not reported.
/// </summary>
public sealed class DownEmptyRule : MigrationRuleAnalyzer
{
    internal static readonly DiagnosticDescriptor Rule = RuleDescriptor.Create(
        RuleIdentifiers.DownEmpty,
        title: "Down is empty while Up changes the schema",
        messageFormat: "Down of migration '{0}' is empty while Up changes the schema: a rollback reports success and leaves every change of Up in place; write the inverse of each Up operation in reverse order, or throw NotSupportedException to state that the migration is irreversible",
        DiagnosticCategories.Reversibility,
        DiagnosticSeverity.Warning,
        description: "An empty Down silently keeps Up's schema on rollback. Up methods that only change data (InsertData, UpdateData, a Sql UPDATE backfill) may keep an empty Down; `throw new NotSupportedException()` acknowledges an irreversible migration.");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    private protected override void Analyze(MigrationRuleContext context)
    {
        var down = context.Migration.Down;
        if (down.IsEmpty && down.IdentifierLocation is { } location && DeclaredInClass(context) && UpEffects.NeedsDown(context))
        {
            context.Report(Rule, location, context.Migration.Name);
        }
    }

    /// <summary>An empty Down inherited from a custom base class is that class's business, not this migration's.</summary>
    private static bool DeclaredInClass(MigrationRuleContext context)
    {
        var owner = context.Migration.Down.Declaration?.Parent;
        foreach (var reference in context.Migration.Symbol.DeclaringSyntaxReferences)
        {
            if (reference.SyntaxTree == owner?.SyntaxTree && reference.Span == owner.Span)
            {
                return true;
            }
        }

        return false;
    }
}
