using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace MigrationAnalyzers.CodeFixes.Generation;

/// <summary>
/// The shape of the Down-writing fixes: one edit function serves the single fix and Fix All
/// (document, project, solution), grouping diagnostics by migration so that several fixes in one
/// Down are applied together. A fix is registered only when it changes something.
/// </summary>
public abstract class ReversibilityCodeFix : CodeFixProvider
{
    private protected abstract string Title { get; }

    private protected abstract string EquivalenceKey { get; }

    public sealed override FixAllProvider GetFixAllProvider() =>
        FixAllProvider.Create((context, document, diagnostics) => ApplyAsync(document, diagnostics, context.CancellationToken));

    public sealed override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (var diagnostic in context.Diagnostics)
        {
            var fixedDocument = await ApplyAsync(context.Document, ImmutableArray.Create(diagnostic), context.CancellationToken).ConfigureAwait(false);
            if (fixedDocument is not null)
            {
                context.RegisterCodeFix(CodeAction.Create(Title, _ => Task.FromResult(fixedDocument), EquivalenceKey), diagnostic);
            }
        }
    }

    /// <summary>Adds (original node → new node) replacements for one migration's diagnostics.</summary>
    private protected abstract void Edit(MigrationDocument document, IReadOnlyList<Diagnostic> diagnostics, Dictionary<SyntaxNode, SyntaxNode> replacements, CancellationToken cancellationToken);

    private async Task<Document?> ApplyAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var byMigration = new Dictionary<Model.MigrationModel, (MigrationDocument Document, List<Diagnostic> Diagnostics)>();
        foreach (var diagnostic in diagnostics.OrderBy(d => d.Location.SourceSpan.Start))
        {
            if (await MigrationDocument.LoadAsync(document, diagnostic.Location.SourceSpan, cancellationToken).ConfigureAwait(false) is not { } migration)
            {
                continue;
            }

            if (!byMigration.TryGetValue(migration.Migration, out var entry))
            {
                entry = (migration, new List<Diagnostic>());
                byMigration[migration.Migration] = entry;
            }

            entry.Diagnostics.Add(diagnostic);
        }

        var replacements = new Dictionary<SyntaxNode, SyntaxNode>();
        SyntaxNode? root = null;
        foreach (var (migration, migrationDiagnostics) in byMigration.Values)
        {
            root = migration.Root;
            Edit(migration, migrationDiagnostics, replacements, cancellationToken);
        }

        if (root is null || replacements.Count == 0)
        {
            return null;
        }

        return document.WithSyntaxRoot(root.ReplaceNodes(replacements.Keys, (original, _) => replacements[original]));
    }
}
