using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using MigrationAnalyzers.Model;

namespace MigrationAnalyzers.CodeFixes.Generation;

/// <summary>
/// Collects statement-level edits on one syntax tree (replace an operation's statement by
/// several generated ones, remove one, insert at the start of a method) and applies them in one
/// pass, so a Fix All of many diagnostics is a single consistent rewrite. Trivia is kept: the
/// replaced statement's leading trivia (comments, blank line) goes to the first new statement,
/// its trailing trivia to the last; a removed statement's comments move to the next statement.
/// Generated statements are separated by a blank line, as EF scaffolds them.
/// </summary>
internal sealed class StatementEditor
{
    private readonly Dictionary<StatementSyntax, List<EfCallWriter>?> _edits = new();
    private readonly Dictionary<BlockSyntax, List<EfCallWriter>> _prepends = new();

    /// <summary>The statement of a top-level operation of a block body; null when it is anything else (expression body, helper, nested expression).</summary>
    public static ExpressionStatementSyntax? StatementOf(MigrationOperation operation) =>
        operation.StatementExpression.Parent is ExpressionStatementSyntax { Parent: BlockSyntax } statement && !operation.FromHelper
            ? statement
            : null;

    public bool HasEdits => _edits.Count > 0 || _prepends.Count > 0;

    /// <summary>True when the statement is already replaced or removed by another edit.</summary>
    public bool IsEdited(StatementSyntax statement) => _edits.ContainsKey(statement);

    /// <summary>Replaces <paramref name="statement"/> with the generated calls.</summary>
    public void Replace(StatementSyntax statement, IEnumerable<EfCallWriter> calls) => _edits[statement] = calls.ToList();

    public void Remove(StatementSyntax statement) => _edits[statement] = null;

    /// <summary>
    /// Inserts the generated calls at the start of <paramref name="body"/>, before calls prepended
    /// earlier: Down undoes Up in reverse order, and Fix All then equals fixing one by one.
    /// </summary>
    public void Prepend(BlockSyntax body, IEnumerable<EfCallWriter> calls)
    {
        if (!_prepends.TryGetValue(body, out var list))
        {
            list = new List<EfCallWriter>();
            _prepends[body] = list;
        }

        list.InsertRange(0, calls);
    }

    public SyntaxNode Apply(SyntaxNode root)
    {
        var blocks = _edits.Keys.Select(s => (BlockSyntax)s.Parent!).Concat(_prepends.Keys).Distinct().ToList();
        if (blocks.Count == 0)
        {
            return root;
        }

        var newLine = EfCallWriter.NewLineOf(root);
        return root.ReplaceNodes(blocks, (original, rewritten) => Rewrite(original, rewritten, newLine));
    }

    private SyntaxNode Rewrite(BlockSyntax original, BlockSyntax rewritten, string newLine)
    {
        var statements = new List<StatementSyntax>();
        var indent = original.Statements.Count > 0
            ? EfCallWriter.IndentationOf(original.Statements[0])
            : EfCallWriter.IndentationOf(original) + "    ";
        if (_prepends.TryGetValue(original, out var prepended))
        {
            statements.AddRange(Generate(prepended, indent, newLine, leading: null, trailing: null));
        }

        var carried = new List<SyntaxTrivia>();
        for (var i = 0; i < original.Statements.Count; i++)
        {
            var statement = original.Statements[i];
            var current = rewritten.Statements[i];
            if (!_edits.TryGetValue(statement, out var calls))
            {
                if (statements.Count > 0 && prepended is not null && i == 0)
                {
                    current = current.WithLeadingTrivia(current.GetLeadingTrivia().Insert(0, SyntaxFactory.EndOfLine(newLine)));
                }

                statements.Add(carried.Count == 0 ? current : current.WithLeadingTrivia(carried.Concat(current.GetLeadingTrivia())));
                carried.Clear();
                continue;
            }

            if (calls is null)
            {
                // Removed: its comments and directives survive, on lines of their own, on whatever follows.
                carried.AddRange(Comments(statement, newLine));
                continue;
            }

            var leading = carried.Concat(statement.GetLeadingTrivia()).ToList();
            carried.Clear();
            statements.AddRange(Generate(calls, EfCallWriter.IndentationOf(statement), newLine, leading, statement.GetTrailingTrivia()));
        }

        var closeBrace = original.CloseBraceToken;
        if (carried.Count > 0)
        {
            closeBrace = closeBrace.WithLeadingTrivia(carried.Concat(closeBrace.LeadingTrivia));
        }

        return rewritten.WithStatements(SyntaxFactory.List(statements)).WithCloseBraceToken(closeBrace);
    }

    private static IEnumerable<StatementSyntax> Generate(List<EfCallWriter> calls, string indent, string newLine, List<SyntaxTrivia>? leading, SyntaxTriviaList? trailing)
    {
        for (var i = 0; i < calls.Count; i++)
        {
            var statement = calls[i].ToStatement(indent, newLine);
            if (i == 0 && leading is not null)
            {
                statement = statement.WithLeadingTrivia(leading);
            }
            else if (i > 0)
            {
                statement = statement.WithLeadingTrivia(statement.GetLeadingTrivia().Insert(0, SyntaxFactory.EndOfLine(newLine)));
            }

            if (i == calls.Count - 1 && trailing is not null)
            {
                statement = statement.WithTrailingTrivia(trailing.Value);
            }

            yield return statement;
        }
    }

    private static IEnumerable<SyntaxTrivia> Comments(StatementSyntax statement, string newLine)
    {
        var indent = SyntaxFactory.Whitespace(EfCallWriter.IndentationOf(statement));
        foreach (var trivia in statement.GetLeadingTrivia().Concat(statement.GetTrailingTrivia()))
        {
            if (trivia.IsDirective)
            {
                yield return trivia;
            }
            else if (trivia.IsKind(SyntaxKind.SingleLineCommentTrivia) || trivia.IsKind(SyntaxKind.MultiLineCommentTrivia))
            {
                yield return indent;
                yield return trivia;
                yield return SyntaxFactory.EndOfLine(newLine);
            }
        }
    }
}
