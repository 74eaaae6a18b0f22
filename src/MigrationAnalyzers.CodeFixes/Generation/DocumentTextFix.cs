using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace MigrationAnalyzers.CodeFixes.Generation;

/// <summary>
/// Applies fixes as text changes computed on the unchanged document, one set per diagnostic, so a
/// single fix and Fix All (document, project, solution) run the same code. Overlapping changes
/// (two diagnostics on one statement) keep the first.
/// </summary>
internal static class DocumentTextFix
{
    public delegate IEnumerable<TextChange> Edit(MigrationDocument document, Diagnostic diagnostic, CancellationToken cancellationToken);

    public static async Task<Document> ApplyAsync(Document document, IEnumerable<Diagnostic> diagnostics, Edit edit, CancellationToken cancellationToken)
    {
        var changes = new List<TextChange>();
        foreach (var diagnostic in diagnostics)
        {
            if (await MigrationDocument.LoadAsync(document, diagnostic.Location.SourceSpan, cancellationToken).ConfigureAwait(false) is { } migration)
            {
                changes.AddRange(edit(migration, diagnostic, cancellationToken));
            }
        }

        if (changes.Count == 0)
        {
            return document;
        }

        var kept = new List<TextChange>();
        var end = -1;
        foreach (var change in changes.OrderBy(c => c.Span.Start))
        {
            if (change.Span.Start < end || (kept.Count > 0 && change.Span.Start == kept[kept.Count - 1].Span.Start))
            {
                continue;
            }

            kept.Add(change);
            end = change.Span.End;
        }

        var text = await document.GetTextAsync(cancellationToken).ConfigureAwait(false);
        return document.WithText(text.WithChanges(kept));
    }
}
