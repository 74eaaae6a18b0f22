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
public sealed class BlockingIndexBuildCodeFix : MigrationCodeFix
{
    public const string EquivalenceKey = "MIG061.NonBlockingAnnotation";

    public const string SqlEquivalenceKey = "MIG061.ConcurrentSql";

    internal const string SqlTitle = "Build the index concurrently (CREATE INDEX CONCURRENTLY, suppressTransaction: true)";

    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(RuleIdentifiers.BlockingIndexBuild);

    private protected override string Key => EquivalenceKey;

    private protected override string KeyOf(Diagnostic diagnostic) => IsSqlForm(diagnostic) ? SqlEquivalenceKey : EquivalenceKey;

    /// <summary>The fix's title; SQL Server's says which editions can run it (the fix fails the migration on the others).</summary>
    internal static string Title(string annotation) => annotation == BlockingIndexBuildRule.SqlServerOnline
        ? $"Build the index online ({annotation}; {BlockingIndexBuildRule.SqlServerOnlineEditions})"
        : $"Build the index without blocking writes ({annotation})";

    private protected override string Title(Diagnostic diagnostic) =>
        IsSqlForm(diagnostic) ? SqlTitle : Title(diagnostic.Properties[BlockingIndexBuildRule.AnnotationProperty]!);

    /// <summary>
    /// The rule names the provider's annotation for a <c>CreateIndex</c>, or marks a <c>Sql</c> call whose
    /// one statement the fix can rewrite; without either there is nothing to write.
    /// </summary>
    private protected override bool CanFix(Diagnostic diagnostic) =>
        IsSqlForm(diagnostic) ||
        (diagnostic.Properties.TryGetValue(BlockingIndexBuildRule.AnnotationProperty, out var annotation) && annotation is not null);

    private static bool IsSqlForm(Diagnostic diagnostic) => diagnostic.Properties.ContainsKey(BlockingIndexBuildRule.SqlFixableProperty);

    private protected override void Plan(FixTarget target, FixPlan plan)
    {
        if (IsSqlForm(target.Diagnostic))
        {
            PlanSql(target, plan);
            return;
        }

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

    /// <summary>
    /// <c>Sql("CREATE INDEX ix ON t (c)")</c> → <c>Sql("CREATE INDEX CONCURRENTLY ix ON t (c)", suppressTransaction: true)</c>.
    /// Only a constant string literal is rewritten (the literal keeps its verbatim or regular form).
    /// </summary>
    private static void PlanSql(FixTarget target, FixPlan plan)
    {
        if (target.Migration.Up.Operations.FirstOrDefault(o => o.Kind == MigrationOperationKind.Sql && o.Syntax.Span == target.Span) is not
                { SqlText: { } text, Syntax: InvocationExpressionSyntax invocation } operation ||
            FixPlan.StatementOf(operation) is not { } statement ||
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
        plan.ReplaceAsIs(statement, statement.ReplaceNode(invocation.ArgumentList, invocation.ArgumentList.WithArguments(arguments)));
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
