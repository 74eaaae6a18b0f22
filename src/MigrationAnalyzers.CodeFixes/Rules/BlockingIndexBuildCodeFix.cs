using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using MigrationAnalyzers.CodeFixes.Generation;
using MigrationAnalyzers.Model;
using MigrationAnalyzers.Rules;

namespace MigrationAnalyzers.CodeFixes.Rules;

/// <summary>
/// MIG061 fix: appends the provider's non-blocking annotation to the <c>CreateIndex</c> chain the
/// way EF scaffolds annotations (<c>.Annotation("Npgsql:CreatedConcurrently", true)</c> on its own
/// line), or turns an explicit <c>false</c> into <c>true</c>. Nothing else is needed for the
/// migration transaction: Npgsql generates the CONCURRENTLY command with
/// <c>TransactionSuppressed</c>, and EF's migrator commits the open transaction before running it.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(BlockingIndexBuildCodeFix)), Shared]
public sealed class BlockingIndexBuildCodeFix : MigrationCodeFix
{
    public const string EquivalenceKey = "MIG061.NonBlockingAnnotation";

    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(RuleIdentifiers.BlockingIndexBuild);

    private protected override string Key => EquivalenceKey;

    /// <summary>The fix's title; SQL Server's says which editions can run it (the fix fails the migration on the others).</summary>
    internal static string Title(string annotation) => annotation == BlockingIndexBuildRule.SqlServerOnline
        ? $"Build the index online ({annotation}; {BlockingIndexBuildRule.SqlServerOnlineEditions})"
        : $"Build the index without blocking writes ({annotation})";

    private protected override string Title(Diagnostic diagnostic) => Title(diagnostic.Properties[BlockingIndexBuildRule.AnnotationProperty]!);

    /// <summary>The rule names the provider's annotation; without it there is nothing to write.</summary>
    private protected override string RequiredProperty => BlockingIndexBuildRule.AnnotationProperty;

    private protected override void Plan(FixTarget target, FixPlan plan)
    {
        var annotation = target.Property(BlockingIndexBuildRule.AnnotationProperty)!;
        if (target.Migration.Up.Operations.FirstOrDefault(o => o.Kind == MigrationOperationKind.CreateIndex && o.Syntax.Span == target.Span) is not { } operation ||
            operation.StatementExpression is not ExpressionSyntax expression ||
            FixPlan.StatementOf(operation) is not { } statement)
        {
            return;
        }

        var explicitFalse = operation.Annotations.FirstOrDefault(a => !a.IsOld && a.Name == annotation && a.Value.AsBool() == false);
        if (explicitFalse?.Value.Syntax is ExpressionSyntax falseValue)
        {
            plan.ReplaceAsIs(statement, statement.ReplaceNode(falseValue, SyntaxFactory.LiteralExpression(SyntaxKind.TrueLiteralExpression).WithTriviaFrom(falseValue)));
            return;
        }

        // The chain grows by one line, one level below the statement, as EF writes annotations.
        var text = expression.WithoutTrivia().ToFullString() + plan.NewLine + EfCallWriter.IndentationOf(statement) + "    .Annotation(" + CSharpLiterals.Render(annotation) + ", true)";
        plan.ReplaceAsIs(statement, statement.ReplaceNode(expression, SyntaxFactory.ParseExpression(text).WithTriviaFrom(expression)));
    }
}
