using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;

namespace MigrationAnalyzers.CodeFixes.Generation;

/// <summary>
/// Applies a <see cref="FixPlan"/> to its document in one <see cref="SyntaxEditor"/> pass (each
/// edited block rewritten once, from the block as nested edits left it), then lays the generated
/// statements out with the <see cref="Formatter"/>. The single fix and Fix All both end here.
/// </summary>
internal static class FixApplier
{
    public static async Task<Document> ApplyAsync(Document document, FixPlan plan, CancellationToken cancellationToken)
    {
        if (plan.IsEmpty)
        {
            return document;
        }

        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        foreach (var block in plan.EditedBlocks())
        {
            editor.ReplaceNode(block, (current, _) => Rewrite(plan, block, (BlockSyntax)current));
        }

        foreach (var pair in plan.NewDown)
        {
            var down = NewDown(plan, pair.Value.Statements);
            if (pair.Value.Up is { } up)
            {
                editor.InsertAfter(up, down);
            }
            else
            {
                editor.AddMember(pair.Key, down);
            }
        }

        // The formatter writes the line breaks it touches with its own option: the document's, so CRLF files stay CRLF.
        var changed = document.WithSyntaxRoot(editor.GetChangedRoot());
        var options = (await changed.GetOptionsAsync(cancellationToken).ConfigureAwait(false))
            .WithChangedOption(FormattingOptions.NewLine, LanguageNames.CSharp, plan.NewLine);
        return await Formatter.FormatAsync(changed, Formatter.Annotation, options, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The block with its statements replaced, removed, inserted and prepended, in source order.</summary>
    private static BlockSyntax Rewrite(FixPlan plan, BlockSyntax original, BlockSyntax current)
    {
        var newLine = SyntaxFactory.EndOfLine(plan.NewLine);

        // EF separates operations by a blank line; a block written compactly stays compact.
        var spaced = original.Statements.Count < 2 || original.Statements.Skip(1).Any(StartsWithBlankLine);
        var statements = new List<StatementSyntax>();
        void Add(StatementSyntax statement)
        {
            if (statements.Count > 0 && spaced && !StartsWithBlankLine(statement))
            {
                statement = statement.WithLeadingTrivia(statement.GetLeadingTrivia().Insert(0, newLine));
            }

            statements.Add(statement);
        }

        if (plan.Prepended.TryGetValue(original, out var prepended))
        {
            prepended.ForEach(Add);
        }

        var carried = new List<SyntaxTrivia>();
        for (var i = 0; i < original.Statements.Count; i++)
        {
            var statement = original.Statements[i];
            foreach (var inserted in plan.Before(statement))
            {
                Add(inserted);
            }

            if (!plan.Replaced.TryGetValue(statement, out var replacement))
            {
                var kept = current.Statements[i];
                if (carried.Count > 0)
                {
                    kept = kept.WithLeadingTrivia(carried.Concat(kept.GetLeadingTrivia()));
                    carried.Clear();
                }

                // The former first statement gets the block's spacing when something now comes before it.
                if (i == 0)
                {
                    Add(kept);
                }
                else
                {
                    statements.Add(kept);
                }
            }
            else if (replacement.Statements is null)
            {
                // Removed: its comments and directives survive, on lines of their own, on whatever follows.
                carried.AddRange(Comments(statement, plan.NewLine));
            }
            else if (replacement.AsIs)
            {
                statements.Add(replacement.Statements[0]);
            }
            else
            {
                var news = replacement.Statements;
                for (var j = 0; j < news.Count; j++)
                {
                    var added = news[j];
                    if (j == 0)
                    {
                        // In the replaced statement's place: its blank line and comments, then the generated code at column 0.
                        var leading = carried.Concat(statement.GetLeadingTrivia()).ToList();
                        carried.Clear();
                        while (leading.Count > 0 && leading[leading.Count - 1].IsKind(SyntaxKind.WhitespaceTrivia))
                        {
                            leading.RemoveAt(leading.Count - 1);
                        }

                        added = added.WithLeadingTrivia(leading.Concat(added.GetLeadingTrivia()));
                        statements.Add(added.WithAdditionalAnnotations(Formatter.Annotation));
                    }
                    else
                    {
                        Add(added);
                    }

                    if (j == news.Count - 1)
                    {
                        statements[statements.Count - 1] = statements[statements.Count - 1].WithTrailingTrivia(statement.GetTrailingTrivia());
                    }
                }
            }

            foreach (var inserted in plan.After(statement))
            {
                Add(inserted);
            }
        }

        var block = current.WithStatements(SyntaxFactory.List(statements));
        if (carried.Count > 0)
        {
            block = block.WithCloseBraceToken(block.CloseBraceToken.WithLeadingTrivia(carried.Concat(block.CloseBraceToken.LeadingTrivia)));
        }

        if (original.Statements.Count == 0 && statements.Count > 0)
        {
            // `{ }` on one line becomes a block on its own lines; comments inside the braces are kept.
            var open = block.OpenBraceToken;
            if (!open.TrailingTrivia.Any(t => t.IsKind(SyntaxKind.EndOfLineTrivia)))
            {
                block = block.WithOpenBraceToken(open.WithTrailingTrivia(open.TrailingTrivia.Where(t => !t.IsKind(SyntaxKind.WhitespaceTrivia)).Append(newLine)));
            }

            if (block.CloseBraceToken.LeadingTrivia.All(t => t.IsKind(SyntaxKind.WhitespaceTrivia)))
            {
                block = block.WithCloseBraceToken(block.CloseBraceToken.WithLeadingTrivia().WithAdditionalAnnotations(Formatter.Annotation));
            }
        }

        return block;
    }

    /// <summary><c>protected override void Down(MigrationBuilder migrationBuilder)</c> with the statements, after a blank line.</summary>
    private static MemberDeclarationSyntax NewDown(FixPlan plan, List<StatementSyntax> statements)
    {
        var method = (MethodDeclarationSyntax)SyntaxFactory.ParseMemberDeclaration(
            "protected override void Down(MigrationBuilder migrationBuilder)" + plan.NewLine + "{" + plan.NewLine + "}" + plan.NewLine)!;
        var body = method.Body!.WithStatements(SyntaxFactory.List(statements.Select((s, i) => i == 0 ? s : s.WithLeadingTrivia(s.GetLeadingTrivia().Insert(0, SyntaxFactory.EndOfLine(plan.NewLine))))));
        return method.WithBody(body)
            .WithLeadingTrivia(SyntaxFactory.EndOfLine(plan.NewLine))
            .WithAdditionalAnnotations(Formatter.Annotation);
    }

    private static bool StartsWithBlankLine(StatementSyntax statement) =>
        statement.GetLeadingTrivia() is { Count: > 0 } leading && leading[0].IsKind(SyntaxKind.EndOfLineTrivia);

    private static IEnumerable<SyntaxTrivia> Comments(StatementSyntax statement, string newLine)
    {
        var indent = statement.GetLeadingTrivia().LastOrDefault(t => t.IsKind(SyntaxKind.WhitespaceTrivia));
        foreach (var trivia in statement.GetLeadingTrivia().Concat(statement.GetTrailingTrivia()))
        {
            if (trivia.IsDirective)
            {
                yield return trivia;
            }
            else if (trivia.IsKind(SyntaxKind.SingleLineCommentTrivia) || trivia.IsKind(SyntaxKind.MultiLineCommentTrivia))
            {
                if (indent != default)
                {
                    yield return indent;
                }

                yield return trivia;
                yield return SyntaxFactory.EndOfLine(newLine);
            }
        }
    }
}
