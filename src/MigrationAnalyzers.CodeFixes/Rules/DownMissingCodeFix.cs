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

/// <summary>MIG040: adds a Down override after Up with the inverse of every Up operation, in reverse order.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(DownMissingCodeFix)), Shared]
public sealed class DownMissingCodeFix : ReversibilityCodeFix
{
    public const string Key = "MIG040.GenerateDown";

    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(RuleIdentifiers.DownMissing);

    private protected override string Title => "Generate Down from the inverse of Up";

    private protected override string EquivalenceKey => Key;

    private protected override void Edit(MigrationDocument document, IReadOnlyList<Diagnostic> diagnostics, Dictionary<SyntaxNode, SyntaxNode> replacements, CancellationToken cancellationToken)
    {
        var context = DownWriter.Context(document, cancellationToken);
        if (document.Migration.Down.IsDeclared || DownWriter.GenerateDown(context) is not { } calls ||
            document.Root.FindNode(diagnostics[0].Location.SourceSpan).FirstAncestorOrSelf<ClassDeclarationSyntax>() is not { } type)
        {
            return;
        }

        var newLine = EfCallWriter.NewLineOf(document.Root);
        var up = document.Migration.Up.Declaration as MethodDeclarationSyntax;
        var anchor = up?.Parent == type ? up : null;
        var indent = anchor is not null ? EfCallWriter.IndentationOf(anchor) : EfCallWriter.IndentationOf(type) + "    ";
        var method = (MethodDeclarationSyntax)SyntaxFactory.ParseMemberDeclaration(
            indent + "protected override void Down(MigrationBuilder migrationBuilder)" + newLine + indent + "{" + newLine + indent + "}" + newLine)!;
        method = method
            .WithBody(method.Body!.WithStatements(SyntaxFactory.List(DownWriter.Statements(calls, "migrationBuilder", indent + "    ", newLine))))
            .WithLeadingTrivia(SyntaxFactory.EndOfLine(newLine), SyntaxFactory.Whitespace(indent));

        replacements[type] = anchor is not null
            ? type.InsertNodesAfter(anchor, new[] { method })
            : type.WithMembers(type.Members.Add(method));
    }
}
