using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using MigrationAnalyzers.CodeFixes.Generation;
using MigrationAnalyzers.Model;
using MigrationAnalyzers.Reversibility;
using MigrationAnalyzers.Rules;

namespace MigrationAnalyzers.CodeFixes.Rules;

/// <summary>
/// MIG042: inserts the missing inverse into Down at its mirrored position: Down undoes Up in
/// reverse order, so the inverse of Up operation i goes right after the inverse of the nearest later
/// Up operation, else right before the inverse of the nearest earlier one, else at the end.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(UpOperationNotRevertedCodeFix)), Shared]
public sealed class UpOperationNotRevertedCodeFix : ReversibilityCodeFix
{
    public const string Key = "MIG042.InsertInverse";

    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(RuleIdentifiers.UpOperationNotReverted);

    private protected override string Title => "Add the inverse to Down";

    private protected override string EquivalenceKey => Key;

    private protected override void Edit(MigrationDocument document, IReadOnlyList<Diagnostic> diagnostics, Dictionary<SyntaxNode, SyntaxNode> replacements, CancellationToken cancellationToken)
    {
        if (document.Migration.Down.Declaration is not MethodDeclarationSyntax { Body: { Statements.Count: > 0 } body } down ||
            down.SyntaxTree != document.Root.SyntaxTree)
        {
            return;
        }

        var context = DownWriter.Context(document, cancellationToken);
        var pairing = ReversibilityPairing.For(context);
        var before = new Dictionary<StatementSyntax, List<(int Index, InverseCall Call)>>();
        var after = new Dictionary<StatementSyntax, List<(int Index, InverseCall Call)>>();
        var atEnd = new List<(int Index, InverseCall Call)>();
        foreach (var diagnostic in diagnostics)
        {
            var up = document.FindOperation(diagnostic.Location.SourceSpan);
            var index = up is null ? -1 : pairing.Up.IndexOf(up);
            if (index < 0 || DownWriter.InverseOf(context, up!) is not { } call)
            {
                continue;
            }

            if (Anchor(pairing, body, index, later: true) is { } next)
            {
                Add(after, next, (index, call));
            }
            else if (Anchor(pairing, body, index, later: false) is { } previous)
            {
                Add(before, previous, (index, call));
            }
            else
            {
                atEnd.Add((index, call));
            }
        }

        if (before.Count + after.Count + atEnd.Count == 0)
        {
            return;
        }

        var newLine = EfCallWriter.NewLineOf(document.Root);
        var indent = EfCallWriter.IndentationOf(body.Statements[0]);
        var receiver = DownWriter.Receiver(down);

        // EF separates operations by a blank line; a Down written compactly stays compact.
        var spaced = body.Statements.Count < 2 || body.Statements.Skip(1).Any(StartsWithBlankLine);
        var statements = new List<StatementSyntax>();
        void Insert(List<(int Index, InverseCall Call)>? calls)
        {
            // Several inverses at one place: the later Up operation is undone first.
            foreach (var (_, call) in (calls ?? new()).OrderByDescending(c => c.Index))
            {
                statements.AddRange(DownWriter.StatementsOf(call, receiver, indent, newLine, blankLineBefore: spaced));
            }
        }

        foreach (var statement in body.Statements)
        {
            Insert(before.TryGetValue(statement, out var ahead) ? ahead : null);
            statements.Add(statement);
            Insert(after.TryGetValue(statement, out var behind) ? behind : null);
        }

        Insert(atEnd);

        // No blank line before the first statement; the statement that was first gets the block's spacing.
        statements[0] = statements[0].WithLeadingTrivia(statements[0].GetLeadingTrivia().SkipWhile(t => t.IsKind(SyntaxKind.EndOfLineTrivia)));
        var formerFirst = statements.IndexOf(body.Statements[0]);
        if (spaced && formerFirst > 0 && !StartsWithBlankLine(statements[formerFirst]))
        {
            statements[formerFirst] = statements[formerFirst].WithLeadingTrivia(statements[formerFirst].GetLeadingTrivia().Insert(0, SyntaxFactory.EndOfLine(newLine)));
        }

        replacements[body] = body.WithStatements(SyntaxFactory.List(statements));
    }

    private static bool StartsWithBlankLine(StatementSyntax statement) =>
        statement.GetLeadingTrivia() is { Count: > 0 } leading && leading[0].IsKind(SyntaxKind.EndOfLineTrivia);

    /// <summary>The Down statement undoing the nearest later (or earlier) Up operation that Down already undoes.</summary>
    private static StatementSyntax? Anchor(ReversibilityPairing pairing, BlockSyntax body, int index, bool later)
    {
        for (var j = later ? index + 1 : index - 1; j >= 0 && j < pairing.Up.Length; j += later ? 1 : -1)
        {
            if (pairing.DownOf(pairing.Up[j]) is { } inverse && DownWriter.TopLevelStatement(inverse, body) is { } statement)
            {
                return statement;
            }
        }

        return null;
    }

    private static void Add(Dictionary<StatementSyntax, List<(int Index, InverseCall Call)>> anchors, StatementSyntax statement, (int, InverseCall) call)
    {
        if (!anchors.TryGetValue(statement, out var list))
        {
            list = new List<(int Index, InverseCall Call)>();
            anchors[statement] = list;
        }

        list.Add(call);
    }
}
