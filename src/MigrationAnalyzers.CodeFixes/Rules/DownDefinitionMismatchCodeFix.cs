using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using MigrationAnalyzers.CodeFixes.Generation;
using MigrationAnalyzers.Reversibility;
using MigrationAnalyzers.Rules;

namespace MigrationAnalyzers.CodeFixes.Rules;

/// <summary>
/// MIG045: rewrites the Down operation into the exact inverse of the Up operation it undoes (the
/// old definition from Up's <c>old…</c> values or the schema history); offered only when that is fully known.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(DownDefinitionMismatchCodeFix)), Shared]
public sealed class DownDefinitionMismatchCodeFix : ReversibilityCodeFix
{
    public const string Key = "MIG045.RestoreOldDefinition";

    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(RuleIdentifiers.DownDefinitionMismatch);

    private protected override string Title => "Restore the old definition";

    private protected override string EquivalenceKey => Key;

    private protected override void Edit(MigrationDocument document, IReadOnlyList<Diagnostic> diagnostics, Dictionary<SyntaxNode, SyntaxNode> replacements, CancellationToken cancellationToken)
    {
        var context = DownWriter.Context(document, cancellationToken);
        var pairing = ReversibilityPairing.For(context);
        var newLine = EfCallWriter.NewLineOf(document.Root);
        foreach (var diagnostic in diagnostics)
        {
            if (document.FindOperation(diagnostic.Location.SourceSpan, inDown: true) is not { } down ||
                down.StatementExpression.SyntaxTree != document.Root.SyntaxTree ||
                pairing.UpOf(down) is not { } up || DownWriter.InverseOf(context, up) is not { FollowUps.IsEmpty: true } call ||
                down.StatementExpression.FirstAncestorOrSelf<StatementSyntax>() is not { } statement)
            {
                continue;
            }

            var receiver = down.Syntax is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access }
                ? access.Expression.ToString()
                : "migrationBuilder";
            var expression = SyntaxFactory.ParseExpression(DownWriter.Code(call, receiver, EfCallWriter.IndentationOf(statement), newLine))
                .WithTriviaFrom(down.StatementExpression);
            replacements[down.StatementExpression] = expression;
        }
    }
}
