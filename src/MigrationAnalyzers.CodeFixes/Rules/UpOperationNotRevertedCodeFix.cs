using System.Collections.Immutable;
using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
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
public sealed class UpOperationNotRevertedCodeFix : MigrationCodeFix
{
    public const string EquivalenceKey = "MIG042.InsertInverse";

    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(RuleIdentifiers.UpOperationNotReverted);

    private protected override string Title(Diagnostic diagnostic) => "Add the inverse to Down";

    private protected override string Key => EquivalenceKey;

    private protected override void Plan(FixTarget target, FixPlan plan)
    {
        var down = target.Migration.Down;
        if (down.Declaration is not MethodDeclarationSyntax { Body: { Statements.Count: > 0 } body } declaration ||
            declaration.SyntaxTree != target.Document.Root.SyntaxTree)
        {
            return;
        }

        var context = target.Context;
        var pairing = ReversibilityPairing.For(context);
        var up = target.Operation();
        var index = up is null ? -1 : pairing.Up.IndexOf(up);
        if (index < 0 || DownWriter.InverseOf(context, up!) is not { } call)
        {
            return;
        }

        // Several inverses at one place: the later Up operation is undone first.
        var statements = DownWriter.StatementsOf(call, MigrationFix.Receiver(down), plan);
        if (Anchor(pairing, body, index, later: true) is { } next)
        {
            plan.InsertAfter(next, statements, order: -index);
        }
        else if (Anchor(pairing, body, index, later: false) is { } previous)
        {
            plan.InsertBefore(previous, statements, order: -index);
        }
        else
        {
            plan.InsertAfter(body.Statements[body.Statements.Count - 1], statements, order: -index);
        }
    }

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
}
