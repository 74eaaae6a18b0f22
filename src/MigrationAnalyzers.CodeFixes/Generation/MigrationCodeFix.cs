using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using MigrationAnalyzers.Model;
using MigrationAnalyzers.Rules;

namespace MigrationAnalyzers.CodeFixes.Generation;

/// <summary>
/// The base of every fix. A fix says which diagnostics it can act on (<see cref="CanFix"/>, cheap:
/// the diagnostic alone, e.g. its <see cref="Diagnostic.Properties"/>), and records statement edits
/// for one diagnostic in a <see cref="FixPlan"/> (<see cref="Plan"/>). A code action is registered
/// only when the plan changes something; the single fix and Fix All (document, project, solution)
/// apply the plan of their diagnostics through <see cref="FixApplier"/>, so they give the same text.
/// </summary>
public abstract class MigrationCodeFix : CodeFixProvider
{
    /// <summary>The code action's equivalence key (one per kind of action).</summary>
    private protected abstract string Key { get; }

    /// <summary>The equivalence key of the action for one diagnostic; a fix with two kinds of action overrides it.</summary>
    private protected virtual string KeyOf(Diagnostic diagnostic) => Key;

    public sealed override FixAllProvider GetFixAllProvider() =>
        FixAllProvider.Create(async (context, document, diagnostics) =>
        {
            var plan = await PlanAsync(document, diagnostics.Where(CanFix), context.CancellationToken).ConfigureAwait(false);
            return await FixApplier.ApplyAsync(document, plan, context.CancellationToken).ConfigureAwait(false);
        });

    public sealed override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (var diagnostic in context.Diagnostics)
        {
            if (!CanFix(diagnostic))
            {
                continue;
            }

            // No action where the code is not one the fix can rewrite (expression-bodied Up, a helper…): no no-op fixes.
            var plan = await PlanAsync(context.Document, new[] { diagnostic }, context.CancellationToken).ConfigureAwait(false);
            if (plan.IsEmpty)
            {
                continue;
            }

            var document = context.Document;
            context.RegisterCodeFix(
                CodeAction.Create(Title(diagnostic), cancellationToken => FixApplier.ApplyAsync(document, plan, cancellationToken), KeyOf(diagnostic)),
                diagnostic);
        }
    }

    /// <summary>The code action's title, shown in the light bulb.</summary>
    private protected abstract string Title(Diagnostic diagnostic);

    /// <summary>A value the analyzer puts in <see cref="Diagnostic.Properties"/> that the fix cannot do without; null when none.</summary>
    private protected virtual string? RequiredProperty => null;

    /// <summary>False when the diagnostic lacks what the fix needs; decided without loading anything.</summary>
    private protected virtual bool CanFix(Diagnostic diagnostic) =>
        RequiredProperty is not { } name || (diagnostic.Properties.TryGetValue(name, out var value) && value is not null);

    /// <summary>Records the edits for one diagnostic; records nothing when the code is not as the rule saw it.</summary>
    private protected abstract void Plan(FixTarget target, FixPlan plan);

    private async Task<FixPlan> PlanAsync(Document document, IEnumerable<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var plan = new FixPlan(root is null ? "\n" : EfCallWriter.NewLineOf(root));
        var contexts = new Dictionary<MigrationModel, MigrationRuleContext>();
        foreach (var diagnostic in diagnostics.OrderBy(d => d.Location.SourceSpan.Start))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (await MigrationDocument.LoadAsync(document, diagnostic, cancellationToken).ConfigureAwait(false) is not { } migration)
            {
                continue;
            }

            if (!contexts.TryGetValue(migration.Migration, out var context))
            {
                // The rules' own view of the migration (history, options); nothing is reported through it.
                context = new MigrationRuleContext(migration.Catalog, migration.Migration, migration.Options, static _ => { }, cancellationToken);
                contexts[migration.Migration] = context;
            }

            Plan(new FixTarget(diagnostic, migration, context), plan);
        }

        return plan;
    }
}
