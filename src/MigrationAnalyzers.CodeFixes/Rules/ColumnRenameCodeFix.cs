using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using MigrationAnalyzers.CodeFixes.Generation;
using MigrationAnalyzers.Model;
using MigrationAnalyzers.Rules;
using MigrationAnalyzers.Schema;

namespace MigrationAnalyzers.CodeFixes.Rules;

/// <summary>
/// MIG003 fix: the <c>DropColumn</c> + <c>AddColumn</c> pair becomes <c>RenameColumn</c> (plus an
/// <c>AlterColumn</c> from the old definition to the new one when they differ), at the earlier
/// of the two positions; Down's drop/add of the same columns becomes the inverse rename (and
/// <c>AlterColumn</c> back). The pair is the one <see cref="RenameDetection"/> found, so the fix
/// and the rule never disagree.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ColumnRenameCodeFix)), Shared]
public sealed class ColumnRenameCodeFix : MigrationCodeFix
{
    public const string EquivalenceKey = "MIG003.RenameColumn";

    // EF's AlterColumn/AddColumn definition parameters, in the order EF's scaffolder writes them.
    private static readonly string[] DefinitionArguments =
    {
        "type", "unicode", "maxLength", "fixedLength", "precision", "scale", "rowVersion",
        "nullable", "defaultValue", "defaultValueSql", "computedColumnSql", "stored", "comment", "collation",
    };

    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(RuleIdentifiers.ColumnRename);

    private protected override string Title(Diagnostic diagnostic) => "Rewrite as RenameColumn (keeps the data)";

    private protected override string Key => EquivalenceKey;

    private protected override void Plan(FixTarget target, FixPlan plan)
    {
        var (document, context) = (target.Document, target.Context);
        var diagnostic = target.Diagnostic;
        ColumnRename? rename = null;
        foreach (var candidate in RenameDetection.For(context).Columns)
        {
            if (candidate.Drop.Syntax.Span == diagnostic.Location.SourceSpan && candidate.Drop.Syntax.SyntaxTree == document.Root.SyntaxTree)
            {
                rename = candidate;
            }
        }

        if (rename is null ||
            FixPlan.StatementOf(rename.Drop) is not { } dropStatement ||
            FixPlan.StatementOf(rename.Add) is not { } addStatement ||
            plan.IsEdited(dropStatement) || plan.IsEdited(addStatement))
        {
            return;
        }

        var position = dropStatement.SpanStart;
        var up = MigrationFix.Receiver(context.Migration.Up);
        var first = rename.DropIndex < rename.AddIndex ? dropStatement : addStatement;
        plan.Replace(first, Calls(document, up, rename.Drop, rename.OldName, rename.NewName, rename.OldDefinition, rename.NewDefinition, rename.DefinitionChanged, position));
        plan.Remove(first == dropStatement ? addStatement : dropStatement);

        EditDown(document, context, rename, plan, position);
    }

    /// <summary>
    /// Down as EF scaffolded it drops the new column and re-adds the old one: the first of the two
    /// becomes the inverse rename, the other goes. A Down without either gets the inverse at its start.
    /// </summary>
    private static void EditDown(MigrationDocument document, MigrationRuleContext context, ColumnRename rename, FixPlan plan, int position)
    {
        var down = context.Migration.Down;
        if (down.Declaration is not MethodDeclarationSyntax { Body: not null } || down.HasUnknown)
        {
            return;
        }

        ExpressionStatementSyntax? first = null;
        var found = new List<ExpressionStatementSyntax>();
        foreach (var operation in down.Operations)
        {
            var matches = operation.IsTable(rename.Schema, rename.Table) && context.MayRun(operation) &&
                ((operation.Kind == MigrationOperationKind.DropColumn && operation.Name == rename.NewName) ||
                 (operation.Kind == MigrationOperationKind.AddColumn && operation.Name == rename.OldName));
            if (matches && FixPlan.StatementOf(operation) is { } statement && !plan.IsEdited(statement))
            {
                first ??= statement;
                found.Add(statement);
            }
        }

        var calls = Calls(document, MigrationFix.Receiver(down), rename.Drop, rename.NewName, rename.OldName, rename.NewDefinition, rename.OldDefinition, rename.DefinitionChanged, position);
        if (first is null)
        {
            plan.PrependToDown(context.Migration, calls.Select(plan.Statement));
            return;
        }

        plan.Replace(first, calls);
        foreach (var statement in found)
        {
            if (statement != first)
            {
                plan.Remove(statement);
            }
        }
    }

    /// <summary><c>RenameColumn(from → to)</c>, then <c>AlterColumn</c> to <paramref name="to"/>'s definition when it changes.</summary>
    private static List<EfCallWriter> Calls(
        MigrationDocument document,
        string receiver,
        MigrationOperation tableOperation,
        string fromName,
        string toName,
        ColumnDefinition fromDefinition,
        ColumnDefinition toDefinition,
        bool changed,
        int position)
    {
        var calls = new List<EfCallWriter>
        {
            new EfCallWriter(receiver, "RenameColumn")
                .Literal("name", fromName)
                .Schema("schema", tableOperation["schema"])
                .Argument("table", MigrationFix.Source(tableOperation["table"]))
                .Literal("newName", toName),
        };
        if (!changed || toDefinition.ClrType is null || fromDefinition.ClrType is null)
        {
            return calls;
        }

        var alter = new EfCallWriter(receiver, "AlterColumn", MigrationFix.TypeName(toDefinition.ClrType, document.SemanticModel, position))
            .Literal("name", toName)
            .Schema("schema", tableOperation["schema"])
            .Argument("table", MigrationFix.Source(tableOperation["table"]));
        Definition(alter, toDefinition, fromDefinition, prefix: string.Empty);
        alter.Argument("oldClrType", "typeof(" + MigrationFix.TypeName(fromDefinition.ClrType, document.SemanticModel, position) + ")");
        Definition(alter, fromDefinition, toDefinition, prefix: "old");
        calls.Add(alter);
        return calls;
    }

    /// <summary>
    /// One side of the AlterColumn: every definition argument written on <paramref name="column"/>
    /// (<c>nullable</c> always, as EF does). A <c>defaultValue</c> is carried only when both sides
    /// have one: EF puts a placeholder default on every NOT NULL AddColumn for existing rows, which
    /// a rename must not turn into a real default.
    /// </summary>
    private static void Definition(EfCallWriter writer, ColumnDefinition column, ColumnDefinition other, string prefix)
    {
        foreach (var argument in DefinitionArguments)
        {
            var name = prefix.Length == 0 ? argument : prefix + char.ToUpperInvariant(argument[0]) + argument.Substring(1);
            var value = column[argument];
            if (argument == "nullable")
            {
                writer.Literal(name, column.IsNullable == true);
            }
            else if (argument == "defaultValue")
            {
                if (!value.IsNull && !other.DefaultValue.IsNull)
                {
                    writer.Argument(name, MigrationFix.Source(value));
                }
            }
            else if (!value.IsOmitted)
            {
                writer.Argument(name, MigrationFix.Source(value));
            }
        }
    }
}
