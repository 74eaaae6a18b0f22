using System.Collections.Immutable;
using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using MigrationAnalyzers.CodeFixes.Generation;
using MigrationAnalyzers.Rules;

namespace MigrationAnalyzers.CodeFixes.Rules;

/// <summary>MIG040: adds a Down override after Up with the inverse of every Up operation, in reverse order.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(DownMissingCodeFix)), Shared]
public sealed class DownMissingCodeFix : MigrationCodeFix
{
    public const string EquivalenceKey = "MIG040.GenerateDown";

    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(RuleIdentifiers.DownMissing);

    private protected override string Title(Diagnostic diagnostic) => "Generate Down from the inverse of Up";

    private protected override string Key => EquivalenceKey;

    private protected override void Plan(FixTarget target, FixPlan plan)
    {
        if (target.Migration.Down.IsDeclared ||
            target.Document.Root.FindNode(target.Span).FirstAncestorOrSelf<ClassDeclarationSyntax>() is not { } type ||
            plan.PrependsToDown(target.Migration, type) || DownWriter.GenerateDown(target.Context) is not { } calls)
        {
            return;
        }

        plan.PrependToDown(target.Migration, DownWriter.Statements(calls, "migrationBuilder", plan), type);
    }
}
