using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
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
public sealed class ForeignKeyWithoutIndexCodeFix : MigrationCodeFix
{
    public const string EquivalenceKey = "MIG060.CreateIndex";

    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(RuleIdentifiers.ForeignKeyWithoutIndex);

    private protected override string Key => EquivalenceKey;

    private protected override string Title(Diagnostic diagnostic) =>
        $"Create index '{diagnostic.Properties[ForeignKeyWithoutIndexRule.IndexNameProperty]}' for the foreign key";

    /// <summary>The rule names the index as EF would; without the name there is nothing to write.</summary>
    private protected override string RequiredProperty => ForeignKeyWithoutIndexRule.IndexNameProperty;

    private protected override void Plan(FixTarget target, FixPlan plan)
    {
        var indexName = target.Property(ForeignKeyWithoutIndexRule.IndexNameProperty)!;
        if (FindForeignKey(target.Migration, target.Span) is not { Table: { } table } foreignKey)
        {
            return;
        }

        var keyOperation = foreignKey.Parent ?? foreignKey;
        if (keyOperation.StatementExpression.FirstAncestorOrSelf<ExpressionStatementSyntax>() is not { Parent: BlockSyntax } keyStatement ||
            Receiver(keyOperation) is not { } receiver)
        {
            return;
        }

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

        plan.InsertAfter(AfterIndexesOfTable(target.Migration, keyStatement, foreignKey.Schema, table), new[] { plan.Statement(create) });
        AddDropIndex(target.Migration, foreignKey, indexName, plan);
    }

    /// <summary>DropIndex after Down's DropForeignKey of that key, else first in Down; none when Down drops the table.</summary>
    private static void AddDropIndex(MigrationModel migration, MigrationOperation foreignKey, string indexName, FixPlan plan)
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
            plan.InsertAfter(anchor, new[] { plan.Statement(drop) });
            return;
        }

        // First in Down; several in the order of their keys, as when fixed one by one.
        if (body.Statements.Count > 0)
        {
            plan.InsertBefore(body.Statements[0], new[] { plan.Statement(drop) });
        }
        else
        {
            plan.PrependToDown(migration, new[] { plan.Statement(drop) });
        }
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
}
