using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
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
public sealed class BlockingIndexBuildCodeFix : CodeFixProvider
{
    public const string EquivalenceKey = "MIG061.NonBlockingAnnotation";

    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(RuleIdentifiers.BlockingIndexBuild);

    public override FixAllProvider GetFixAllProvider() =>
        FixAllProvider.Create(async (context, document, diagnostics) => await FixAsync(document, diagnostics, context.CancellationToken).ConfigureAwait(false));

    public override Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (var diagnostic in context.Diagnostics)
        {
            if (diagnostic.Properties.TryGetValue(BlockingIndexBuildRule.AnnotationProperty, out var annotation) && annotation is not null)
            {
                context.RegisterCodeFix(
                    CodeAction.Create(
                        Title(annotation),
                        cancellationToken => FixAsync(context.Document, ImmutableArray.Create(diagnostic), cancellationToken),
                        EquivalenceKey),
                    diagnostic);
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>The fix's title; SQL Server's says which editions can run it (the fix fails the migration on the others).</summary>
    internal static string Title(string annotation) => annotation == BlockingIndexBuildRule.SqlServerOnline
        ? $"Build the index online ({annotation}; {BlockingIndexBuildRule.SqlServerOnlineEditions})"
        : $"Build the index without blocking writes ({annotation})";

    private static async Task<Document> FixAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        foreach (var diagnostic in diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(BlockingIndexBuildRule.AnnotationProperty, out var annotation) || annotation is null ||
                await MigrationDocument.LoadAsync(document, diagnostic.Location.SourceSpan, cancellationToken).ConfigureAwait(false) is not { } migration ||
                migration.Migration.Up.Operations.FirstOrDefault(o => o.Kind == MigrationOperationKind.CreateIndex && o.Syntax.Span == diagnostic.Location.SourceSpan) is not { } operation ||
                operation.StatementExpression is not ExpressionSyntax expression)
            {
                continue;
            }

            var explicitFalse = operation.Annotations.FirstOrDefault(a => !a.IsOld && a.Name == annotation && a.Value.AsBool() == false);
            if (explicitFalse?.Value.Syntax is ExpressionSyntax falseValue)
            {
                editor.ReplaceNode(falseValue, SyntaxFactory.LiteralExpression(SyntaxKind.TrueLiteralExpression).WithTriviaFrom(falseValue));
                continue;
            }

            var statement = expression.FirstAncestorOrSelf<StatementSyntax>();
            var indent = statement is null ? string.Empty : EfCallWriter.IndentationOf(statement);
            var newLine = EfCallWriter.NewLineOf(expression);
            var text = expression.WithoutTrivia().ToFullString() + newLine + indent + "    .Annotation(" + CSharpLiterals.Render(annotation) + ", true)";
            editor.ReplaceNode(expression, SyntaxFactory.ParseExpression(text).WithTriviaFrom(expression));
        }

        return editor.GetChangedDocument();
    }
}
