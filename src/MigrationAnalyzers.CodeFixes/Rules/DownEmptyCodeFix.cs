using System.Collections.Immutable;
using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using MigrationAnalyzers.CodeFixes.Generation;
using MigrationAnalyzers.Rules;

namespace MigrationAnalyzers.CodeFixes.Rules;

/// <summary>MIG041: fills the empty Down with the inverse of every Up operation, in reverse order; comments in it stay.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(DownEmptyCodeFix)), Shared]
public sealed class DownEmptyCodeFix : MigrationCodeFix
{
    public const string EquivalenceKey = "MIG041.GenerateDown";

    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(RuleIdentifiers.DownEmpty);

    private protected override string Title(Diagnostic diagnostic) => "Write Down as the inverse of Up";

    private protected override string Key => EquivalenceKey;

    private protected override void Plan(FixTarget target, FixPlan plan)
    {
        var down = target.Migration.Down;
        if (down.Declaration is not MethodDeclarationSyntax { Body: not null } declaration || declaration.SyntaxTree != target.Document.Root.SyntaxTree ||
            !down.IsEmpty || plan.PrependsToDown(target.Migration) || DownWriter.GenerateDown(target.Context) is not { Count: > 0 } calls)
        {
            return;
        }

        // Comments in the empty body stay (after the generated statements).
        plan.PrependToDown(target.Migration, DownWriter.Statements(calls, MigrationFix.Receiver(down), plan));
    }
}
