using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using MigrationAnalyzers.Rules;

namespace MigrationAnalyzers.CodeFixes.Generation;

/// <summary>
/// Base of a fix that rewrites migration operations: one code action per diagnostic with the
/// fix's equivalence key, and a Fix All (document, project, solution) that applies every
/// diagnostic of a document in one <see cref="StatementEditor"/> pass, so it gives the same text
/// as fixing them one by one. A fix only implements <see cref="Edit"/>.
/// </summary>
public abstract class MigrationCodeFix : CodeFixProvider
{
    /// <summary>The code action's title, shown in the light bulb.</summary>
    private protected abstract string Title { get; }

    /// <summary>The code action's equivalence key (one per kind of action).</summary>
    private protected abstract string Key { get; }

    public sealed override FixAllProvider GetFixAllProvider() =>
        FixAllProvider.Create((context, document, diagnostics) => FixAsync(document, diagnostics, context.CancellationToken)!);

    public sealed override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (var diagnostic in context.Diagnostics)
        {
            // No action where the code is not one the fix can rewrite (expression-bodied Up, a helper…): no no-op fixes.
            var (_, editor) = await MigrationFix.CollectAsync(context.Document, new[] { diagnostic }, Edit, context.CancellationToken).ConfigureAwait(false);
            if (!editor.HasEdits)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(Title, cancellationToken => FixAsync(context.Document, new[] { diagnostic }, cancellationToken), Key),
                diagnostic);
        }
    }

    /// <summary>Records the edits for one diagnostic; does nothing when the code is not as the rule saw it.</summary>
    private protected abstract void Edit(MigrationDocument document, MigrationRuleContext context, Diagnostic diagnostic, StatementEditor editor);

    private Task<Document> FixAsync(Document document, IEnumerable<Diagnostic> diagnostics, CancellationToken cancellationToken) =>
        MigrationFix.ApplyAsync(document, diagnostics, Edit, cancellationToken);
}
