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
using MigrationAnalyzers.Sql;

namespace MigrationAnalyzers.CodeFixes.Rules;

/// <summary>
/// MIG061 fix: appends the provider's non-blocking annotation to the <c>CreateIndex</c> chain the
/// way EF scaffolds annotations (<c>.Annotation("Npgsql:CreatedConcurrently", true)</c> on its own
/// line), or turns an explicit <c>false</c> into <c>true</c>. Nothing else is needed for the
/// migration transaction: Npgsql generates the CONCURRENTLY command with
/// <c>TransactionSuppressed</c>, and EF's migrator commits the open transaction before running it.
/// For a PostgreSQL <c>CREATE INDEX</c> in a <c>Sql</c> call of its own, writes <c>CONCURRENTLY</c> after
/// <c>INDEX</c> and <c>suppressTransaction: true</c> on the call: EF then runs the statement outside the
/// migration's transaction, as PostgreSQL requires.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(BlockingIndexBuildCodeFix)), Shared]
public sealed class BlockingIndexBuildCodeFix : CodeFixProvider
{
    public const string EquivalenceKey = "MIG061.NonBlockingAnnotation";

    public const string SqlEquivalenceKey = "MIG061.ConcurrentSql";

    internal const string SqlTitle = "Build the index concurrently (CREATE INDEX CONCURRENTLY, suppressTransaction: true)";

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
            else if (diagnostic.Properties.ContainsKey(BlockingIndexBuildRule.SqlFixableProperty))
            {
                context.RegisterCodeFix(
                    CodeAction.Create(
                        SqlTitle,
                        cancellationToken => FixAsync(context.Document, ImmutableArray.Create(diagnostic), cancellationToken),
                        SqlEquivalenceKey),
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
            if (diagnostic.Properties.ContainsKey(BlockingIndexBuildRule.SqlFixableProperty))
            {
                if (await MigrationDocument.LoadAsync(document, diagnostic.Location.SourceSpan, cancellationToken).ConfigureAwait(false) is { } sqlMigration)
                {
                    FixSql(editor, sqlMigration, diagnostic);
                }

                continue;
            }

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

    /// <summary>
    /// <c>Sql("CREATE INDEX ix ON t (c)")</c> → <c>Sql("CREATE INDEX CONCURRENTLY ix ON t (c)", suppressTransaction: true)</c>.
    /// Only a constant string literal is rewritten (the literal keeps its verbatim or regular form).
    /// </summary>
    private static void FixSql(DocumentEditor editor, MigrationDocument migration, Diagnostic diagnostic)
    {
        if (migration.Migration.Up.Operations.FirstOrDefault(o => o.Kind == MigrationOperationKind.Sql && o.Syntax.Span == diagnostic.Location.SourceSpan) is not
                { SqlText: { } text, Syntax: InvocationExpressionSyntax invocation } ||
            invocation.ArgumentList.Arguments.FirstOrDefault(a => a.NameColon is null || a.NameColon.Name.Identifier.Text == "sql") is not
                { Expression: LiteralExpressionSyntax literal } ||
            !literal.IsKind(SyntaxKind.StringLiteralExpression) ||
            SqlScript.Parse(text).Statements is not { Length: 1 } statements ||
            IndexWordEnd(statements[0]) is not { } insertAt)
        {
            return;
        }

        var concurrent = text.Insert(insertAt, " CONCURRENTLY");
        var rendered = literal.Token.Text.StartsWith("@", System.StringComparison.Ordinal) || concurrent.Contains("\n")
            ? "@\"" + concurrent.Replace("\"", "\"\"") + "\""
            : CSharpLiterals.Render(concurrent);
        var sqlArgument = invocation.ArgumentList.Arguments.First(a => a.Expression == literal);
        var arguments = invocation.ArgumentList.Arguments.Replace(
            sqlArgument, sqlArgument.WithExpression(SyntaxFactory.ParseExpression(rendered).WithTriviaFrom(literal)));

        // suppressTransaction: the named argument, or the second positional one.
        var suppress = arguments.FirstOrDefault(a => a.NameColon?.Name.Identifier.Text == "suppressTransaction") ??
            (arguments.Count > 1 && arguments[1].NameColon is null ? arguments[1] : null);
        var trueLiteral = SyntaxFactory.LiteralExpression(SyntaxKind.TrueLiteralExpression);
        arguments = suppress is null
            ? arguments.Add(SyntaxFactory.Argument(SyntaxFactory.NameColon("suppressTransaction"), default, trueLiteral))
            : arguments.Replace(suppress, suppress.WithExpression(trueLiteral.WithTriviaFrom(suppress.Expression)));
        editor.ReplaceNode(invocation.ArgumentList, invocation.ArgumentList.WithArguments(arguments));
    }

    /// <summary>Where CONCURRENTLY goes: after <c>INDEX</c> (<c>CREATE [UNIQUE] INDEX [CONCURRENTLY] [IF NOT EXISTS] name</c>).</summary>
    private static int? IndexWordEnd(SqlStatement statement)
    {
        foreach (var token in statement.Tokens)
        {
            if (token.Is("INDEX"))
            {
                return token.End;
            }
        }

        return null;
    }
}
