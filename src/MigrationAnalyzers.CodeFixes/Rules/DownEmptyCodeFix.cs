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
using MigrationAnalyzers.Rules;

namespace MigrationAnalyzers.CodeFixes.Rules;

/// <summary>MIG041: fills the empty Down with the inverse of every Up operation, in reverse order; comments in it stay.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(DownEmptyCodeFix)), Shared]
public sealed class DownEmptyCodeFix : ReversibilityCodeFix
{
    public const string Key = "MIG041.GenerateDown";

    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(RuleIdentifiers.DownEmpty);

    private protected override string Title => "Write Down as the inverse of Up";

    private protected override string EquivalenceKey => Key;

    private protected override void Edit(MigrationDocument document, IReadOnlyList<Diagnostic> diagnostics, Dictionary<SyntaxNode, SyntaxNode> replacements, CancellationToken cancellationToken)
    {
        var down = document.Migration.Down;
        if (down.Declaration is not MethodDeclarationSyntax { Body: { } body } declaration || declaration.SyntaxTree != document.Root.SyntaxTree ||
            !down.IsEmpty || DownWriter.GenerateDown(DownWriter.Context(document, cancellationToken)) is not { Count: > 0 } calls)
        {
            return;
        }

        var newLine = EfCallWriter.NewLineOf(document.Root);
        var indent = EfCallWriter.IndentationOf(declaration);
        var statements = DownWriter.Statements(calls, DownWriter.Receiver(declaration), indent + "    ", newLine);

        // `{ }` on one line becomes a block on its own lines; comments inside the braces are kept.
        var open = body.OpenBraceToken;
        if (!open.TrailingTrivia.Any(t => t.IsKind(SyntaxKind.EndOfLineTrivia)))
        {
            open = open.WithTrailingTrivia(open.TrailingTrivia.Where(t => !t.IsKind(SyntaxKind.WhitespaceTrivia)).Append(SyntaxFactory.EndOfLine(newLine)));
        }

        var close = body.CloseBraceToken;
        if (close.LeadingTrivia.All(t => t.IsKind(SyntaxKind.WhitespaceTrivia)))
        {
            close = close.WithLeadingTrivia(SyntaxFactory.Whitespace(indent));
        }

        replacements[body] = body.WithOpenBraceToken(open).WithStatements(SyntaxFactory.List(statements)).WithCloseBraceToken(close);
    }
}
