using System.Collections.Immutable;
using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
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
public sealed class DownDefinitionMismatchCodeFix : MigrationCodeFix
{
    public const string EquivalenceKey = "MIG045.RestoreOldDefinition";

    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(RuleIdentifiers.DownDefinitionMismatch);

    private protected override string Title(Diagnostic diagnostic) => "Restore the old definition";

    private protected override string Key => EquivalenceKey;

    private protected override void Plan(FixTarget target, FixPlan plan)
    {
        var context = target.Context;
        if (target.Operation(inDown: true) is not { } down ||
            FixPlan.StatementOf(down) is not { } statement || statement.SyntaxTree != target.Document.Root.SyntaxTree ||
            ReversibilityPairing.For(context).UpOf(down) is not { } up || DownWriter.InverseOf(context, up) is not { FollowUps.IsEmpty: true } call)
        {
            return;
        }

        var receiver = down.Syntax is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access }
            ? access.Expression.ToString()
            : "migrationBuilder";
        plan.Replace(statement, new[] { plan.Statement(DownWriter.Code(call, receiver, string.Empty, plan.NewLine) + ";") });
    }
}
