using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace MigrationAnalyzers.CodeFixes.Generation;

/// <summary>
/// What the MIG020/MIG021 and MIG022 fixes share: one action per diagnostic running
/// <see cref="NotNullBackfill.Edit"/>, and a Fix All that applies every edit of a document at once.
/// </summary>
public abstract class BackfillCodeFixProvider : CodeFixProvider
{
    private protected abstract string Title { get; }

    private protected abstract string Key { get; }

    public sealed override FixAllProvider GetFixAllProvider() =>
        FixAllProvider.Create((context, document, diagnostics) => FixAsync(document, diagnostics, context.CancellationToken)!);

    public sealed override Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (var diagnostic in context.Diagnostics)
        {
            context.RegisterCodeFix(
                CodeAction.Create(Title, cancellationToken => FixAsync(context.Document, new[] { diagnostic }, cancellationToken), Key),
                diagnostic);
        }

        return Task.CompletedTask;
    }

    private static Task<Document> FixAsync(Document document, IEnumerable<Diagnostic> diagnostics, CancellationToken cancellationToken) =>
        DocumentTextFix.ApplyAsync(document, diagnostics, NotNullBackfill.Edit, cancellationToken);
}
