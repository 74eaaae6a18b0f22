using System.Collections.Generic;
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
/// MIG060 fix: <c>CreateIndex</c> named as EF names it right after the foreign key's statement
/// (after the whole <c>CreateTable</c> for a table constraint), and its <c>DropIndex</c> in Down
/// right after the matching <c>DropForeignKey</c> — EF's own order, which also keeps MySQL-style
/// "index needed by a foreign key" errors away. When Down drops the table, no DropIndex is needed.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ForeignKeyWithoutIndexCodeFix)), Shared]
public sealed class ForeignKeyWithoutIndexCodeFix : CodeFixProvider
{
    public const string EquivalenceKey = "MIG060.CreateIndex";

    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(RuleIdentifiers.ForeignKeyWithoutIndex);

    public override FixAllProvider GetFixAllProvider() =>
        FixAllProvider.Create(async (context, document, diagnostics) => await FixAsync(document, diagnostics, context.CancellationToken).ConfigureAwait(false));

    public override Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(ForeignKeyWithoutIndexRule.IndexNameProperty, out var name) || name is null)
            {
                continue;
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    $"Create index '{name}' for the foreign key",
                    cancellationToken => FixAsync(context.Document, ImmutableArray.Create(diagnostic), cancellationToken),
                    EquivalenceKey),
                diagnostic);
        }

        return Task.CompletedTask;
    }

    private static async Task<Document> FixAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
        var upInsertions = new Dictionary<StatementSyntax, List<StatementSyntax>>();
        var downInsertions = new Dictionary<StatementSyntax, List<StatementSyntax>>();
        var downStarts = new Dictionary<BlockSyntax, List<StatementSyntax>>();

        foreach (var diagnostic in diagnostics.OrderBy(d => d.Location.SourceSpan.Start))
        {
            if (!diagnostic.Properties.TryGetValue(ForeignKeyWithoutIndexRule.IndexNameProperty, out var indexName) || indexName is null ||
                await MigrationDocument.LoadAsync(document, diagnostic.Location.SourceSpan, cancellationToken).ConfigureAwait(false) is not { } migration ||
                FindForeignKey(migration.Migration, diagnostic.Location.SourceSpan) is not { } foreignKey ||
                foreignKey.Table is not { } table)
            {
                continue;
            }

            var keyOperation = foreignKey.Parent ?? foreignKey;
            if (keyOperation.StatementExpression.FirstAncestorOrSelf<ExpressionStatementSyntax>() is not { } keyStatement ||
                Receiver(keyOperation) is not { } receiver)
            {
                continue;
            }

            var anchor = AfterIndexesOfTable(migration.Migration, keyStatement, foreignKey.Schema, table);
            var indent = EfCallWriter.IndentationOf(anchor);
            var newLine = EfCallWriter.NewLineOf(anchor);
            var create = new EfCallWriter(receiver, "CreateIndex").Literal("name", indexName);
            if (foreignKey.Schema is { } schema)
            {
                create.Literal("schema", schema);
            }

            create.Literal("table", table);
            if (foreignKey.Columns.Length == 1)
            {
                create.Literal("column", foreignKey.Columns[0]);
            }
            else
            {
                create.Strings("columns", foreignKey.Columns);
            }

            Add(upInsertions, anchor, create.ToStatement(indent, newLine).WithLeadingTrivia(SyntaxFactory.EndOfLine(newLine), SyntaxFactory.Whitespace(indent)));
            AddDropIndex(migration.Migration, foreignKey, indexName, downInsertions, downStarts);
        }

        foreach (var pair in upInsertions)
        {
            editor.InsertAfter(pair.Key, pair.Value);
        }

        foreach (var pair in downInsertions)
        {
            editor.InsertAfter(pair.Key, pair.Value);
        }

        foreach (var pair in downStarts)
        {
            var first = pair.Key.Statements.FirstOrDefault();
            if (first is not null)
            {
                editor.InsertBefore(first, pair.Value);
            }
            else
            {
                editor.ReplaceNode(pair.Key, pair.Key.AddStatements(pair.Value.ToArray()));
            }
        }

        return editor.GetChangedDocument();
    }

    /// <summary>DropIndex after Down's DropForeignKey of that key, else first in Down; none when Down drops the table.</summary>
    private static void AddDropIndex(
        MigrationModel migration,
        MigrationOperation foreignKey,
        string indexName,
        Dictionary<StatementSyntax, List<StatementSyntax>> downInsertions,
        Dictionary<BlockSyntax, List<StatementSyntax>> downStarts)
    {
        if (migration.Down.Declaration is not MethodDeclarationSyntax { Body: { } body } down ||
            down.ParameterList.Parameters.FirstOrDefault()?.Identifier.ValueText is not { Length: > 0 } receiver)
        {
            return; // no Down, or an expression body: MIG040/MIG041/MIG042 deal with Down
        }

        var table = foreignKey.Table!;
        var schema = foreignKey.Schema;
        var downOperations = migration.Down.Operations;
        if (downOperations.Any(o => o.Kind == MigrationOperationKind.DropTable && o.IsTable(schema, table)) ||
            downOperations.Any(o => o.Kind == MigrationOperationKind.DropIndex && o.Name == indexName))
        {
            return;
        }

        var drop = new EfCallWriter(receiver, "DropIndex").Literal("name", indexName);
        if (schema is not null)
        {
            drop.Literal("schema", schema);
        }

        drop.Literal("table", table);

        var dropForeignKey = downOperations.FirstOrDefault(o =>
            o.Kind == MigrationOperationKind.DropForeignKey && o.Name == foreignKey.Name && o.IsTable(schema, table));
        if (dropForeignKey?.StatementExpression.FirstAncestorOrSelf<ExpressionStatementSyntax>() is { } anchor && anchor.Parent == body)
        {
            var indent = EfCallWriter.IndentationOf(anchor);
            var newLine = EfCallWriter.NewLineOf(anchor);
            Add(downInsertions, anchor, drop.ToStatement(indent, newLine).WithLeadingTrivia(SyntaxFactory.EndOfLine(newLine), SyntaxFactory.Whitespace(indent)));
            return;
        }

        var first = body.Statements.FirstOrDefault();
        var firstIndent = first is not null ? EfCallWriter.IndentationOf(first) : EfCallWriter.IndentationOf(body.OpenBraceToken.Parent!) + "    ";
        if (first is null)
        {
            firstIndent = EfCallWriter.IndentationOf(down) + "    ";
        }

        var line = EfCallWriter.NewLineOf(body);
        var statement = drop.ToStatement(firstIndent, line);
        if (first is not null)
        {
            statement = statement.WithTrailingTrivia(SyntaxFactory.EndOfLine(line), SyntaxFactory.EndOfLine(line));
        }

        Add(downStarts, body, statement);
    }

    /// <summary>
    /// Skips the CreateIndex statements on the same table that directly follow the key's statement,
    /// so several fixes (one by one or Fix All) keep the keys' order.
    /// </summary>
    private static StatementSyntax AfterIndexesOfTable(MigrationModel migration, StatementSyntax anchor, string? schema, string table)
    {
        if (anchor.Parent is not BlockSyntax block)
        {
            return anchor;
        }

        var indexStatements = migration.Up.Operations
            .Where(o => o.Kind == MigrationOperationKind.CreateIndex && o.IsTable(schema, table))
            .Select(o => o.StatementExpression.FirstAncestorOrSelf<ExpressionStatementSyntax>())
            .ToList();
        var position = block.Statements.IndexOf(anchor);
        while (position + 1 < block.Statements.Count && indexStatements.Contains(block.Statements[position + 1]))
        {
            position++;
        }

        return block.Statements[position];
    }

    private static MigrationOperation? FindForeignKey(MigrationModel migration, Microsoft.CodeAnalysis.Text.TextSpan span)
    {
        foreach (var operation in migration.Up.Operations)
        {
            if (operation.Kind == MigrationOperationKind.AddForeignKey && operation.Syntax.Span == span)
            {
                return operation;
            }

            foreach (var constraint in operation.Constraints)
            {
                if (constraint.Kind == MigrationOperationKind.AddForeignKey && constraint.Syntax.Span == span)
                {
                    return constraint;
                }
            }
        }

        return null;
    }

    /// <summary>The builder expression the operation was called on (<c>migrationBuilder</c>, <c>b</c>…).</summary>
    private static string? Receiver(MigrationOperation operation) =>
        operation.Syntax is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } ? access.Expression.ToString() : null;

    private static void Add<TKey>(Dictionary<TKey, List<StatementSyntax>> map, TKey key, StatementSyntax statement)
        where TKey : notnull
    {
        if (!map.TryGetValue(key, out var list))
        {
            list = new List<StatementSyntax>();
            map[key] = list;
        }

        list.Add(statement);
    }
}
