using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
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
/// MIG044: reorders Down so every operation runs after the ones it depends on (one reorder fixes
/// every MIG044 of the migration). Blank-line layout stays by position; comments move with their statement.
/// Offered only when every statement of Down is one of its operations.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(DownOrderCodeFix)), Shared]
public sealed class DownOrderCodeFix : MigrationCodeFix
{
    public const string EquivalenceKey = "MIG044.Reorder";

    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(RuleIdentifiers.DownOrder);

    private protected override string Title(Diagnostic diagnostic) => "Reorder Down by dependencies";

    private protected override string Key => EquivalenceKey;

    private protected override void Plan(FixTarget target, FixPlan plan)
    {
        var (document, context) = (target.Document, target.Context);
        var pairing = ReversibilityPairing.For(context);
        if (!pairing.IsJudged || document.Migration.Down.Declaration is not MethodDeclarationSyntax { Body: { } body } down ||
            down.SyntaxTree != document.Root.SyntaxTree || body.Statements.Count == 0 || plan.IsEdited(body.Statements[0]) || body.Statements.Count != pairing.Down.Length ||
            pairing.Down.Length != document.Migration.Down.Operations.Length)
        {
            return;
        }

        var statementOf = new Dictionary<MigrationOperation, StatementSyntax>();
        foreach (var operation in pairing.Down)
        {
            if (DownWriter.TopLevelStatement(operation, body) is not { } statement)
            {
                return;
            }

            statementOf[operation] = statement;
        }

        var afterUp = context.UpStateBefore(document.Migration.Up.Operations.Length);
        if (DownOrder.Reordered(pairing.Down, afterUp, pairing) is not { } order ||
            order.SequenceEqual(pairing.Down))
        {
            return;
        }

        // Blank lines stay where they were (by position); a statement's comments move with it.
        for (var i = 0; i < order.Count; i++)
        {
            var own = statementOf[order[i]].GetLeadingTrivia().SkipWhile(t => t.IsKind(SyntaxKind.EndOfLineTrivia));
            var blankLine = body.Statements[i].GetLeadingTrivia().TakeWhile(t => t.IsKind(SyntaxKind.EndOfLineTrivia));
            plan.ReplaceAsIs(body.Statements[i], statementOf[order[i]].WithLeadingTrivia(blankLine.Concat(own)));
        }
    }
}
