using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using MigrationAnalyzers.CodeFixes.Generation;
using MigrationAnalyzers.Model;
using MigrationAnalyzers.Rules;
using MigrationAnalyzers.Sql;

namespace MigrationAnalyzers.CodeFixes.Rules;

/// <summary>
/// MIG005 fix: the narrowing <c>AlterColumn</c> becomes expand/contract — add <c>&lt;column&gt;_new</c>
/// nullable with the target definition, copy the values with an explicit <c>CAST</c> (where a value
/// that does not fit now shows up, reviewable), drop the old column, rename the new one, and
/// <c>AlterColumn</c> it to NOT NULL when the target is. Down's matching <c>AlterColumn</c> (back to the
/// old definition) becomes the exact inverse of those steps in reverse order (rename back to
/// <c>&lt;column&gt;_new</c>, re-add the old column, cast the values back, drop <c>&lt;column&gt;_new</c>),
/// so the reversibility rules (MIG042/MIG043/MIG045) pair every step and report nothing.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(NarrowingAlterColumnCodeFix)), Shared]
public sealed class NarrowingAlterColumnCodeFix : MigrationCodeFix
{
    public const string EquivalenceKey = "MIG005.ExpandContract";

    // Definition arguments the new column repeats (nullable and defaults are set by the steps).
    private static readonly string[] DefinitionArguments =
    {
        "type", "unicode", "maxLength", "fixedLength", "precision", "scale", "collation", "comment",
    };

    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(RuleIdentifiers.NarrowingAlterColumn);

    private protected override string Key => EquivalenceKey;

    private protected override string Title(Diagnostic diagnostic) =>
        diagnostic.Properties.ContainsKey(NarrowingAlterColumnRule.LengthNarrowingProperty)
            ? "Rewrite as expand/contract (new column, explicit cast that truncates longer values, drop, rename)"
            : "Rewrite as expand/contract (new column, explicit cast, drop, rename)";

    private protected override void Plan(FixTarget target, FixPlan plan)
    {
        var document = target.Document;
        var cancellationToken = target.Context.CancellationToken;
        var up = target.Operation();
        if (up is not { Kind: MigrationOperationKind.AlterColumn, Table: { } table, Name: { } column } ||
            FixPlan.StatementOf(up) is not { } upStatement ||
            Rewrite(document, up, "_new", plan.NewLine, cancellationToken) is not { } upCode)
        {
            return;
        }

        plan.Replace(upStatement, plan.Statements(upCode));
        var down = document.Migration.Down.Operations.FirstOrDefault(o =>
            o.Kind == MigrationOperationKind.AlterColumn && o.IsTable(up.Schema, table) && o.Name == column && !o.HasUnknownArguments);
        if (down is not null && FixPlan.StatementOf(down) is { } downStatement &&
            Inverse(document, up, down, plan.NewLine, cancellationToken) is { } downCode)
        {
            plan.Replace(downStatement, plan.Statements(downCode));
        }
    }

    /// <summary>
    /// Down's <c>AlterColumn</c> back to the old definition as the exact inverse of the rewritten Up, in
    /// reverse order (what MIG042/MIG043/MIG045 pair): (AlterColumn back to nullable →) rename the column
    /// back to <c>&lt;column&gt;_new</c> → re-add the column with its old definition → copy the values back
    /// with a <c>CAST</c> → drop <c>&lt;column&gt;_new</c>.
    /// </summary>
    private static string? Inverse(MigrationDocument document, MigrationOperation up, MigrationOperation down, string newLine, CancellationToken cancellationToken)
    {
        var provider = document.Provider;
        if (up is not { Column: { } target } ||
            down is not { Column: { } old, Table: { } table, Name: { } column } ||
            CallArguments.Target(up.Syntax) is not { TypeArgument: { } upClrType } ||
            CallArguments.Target(down.Syntax) is not { TypeArgument: { } clrType } call ||
            CallArguments.Read(up.Syntax, document.SemanticModel, cancellationToken) is not { } upArguments ||
            CallArguments.Read(down.Syntax, document.SemanticModel, cancellationToken) is not { } arguments ||
            StoreTypes.Of(old, provider) is not { } storeType)
        {
            return null;
        }

        var temporary = column + "_new";
        var location = arguments.Where(a => a.Name is "table" or "schema").ToList();
        var definition = arguments.Where(a => DefinitionArguments.Contains(a.Name)).ToList();
        var upDefinition = upArguments.Where(a => DefinitionArguments.Contains(a.Name)).ToList();
        var (annotations, _) = AnnotationCalls(down, newLine);
        var (upAnnotations, _) = AnnotationCalls(up, newLine);
        var code = new StringBuilder();

        if (target.IsNullable == false)
        {
            // Undoes Up's last step, the AlterColumn to NOT NULL.
            var relax = new EfCallWriter(call.Receiver, "AlterColumn", upClrType).Literal("name", column);
            location.Concat(upDefinition).ToList().ForEach(a => relax.Argument(a.Name, a.Expression));
            relax.Argument("nullable", "true");
            relax.Argument("oldClrType", "typeof(" + upClrType + ")");
            upDefinition.ForEach(a => relax.Argument("old" + char.ToUpperInvariant(a.Name[0]) + a.Name.Substring(1), a.Expression));
            code.Append(relax.ToCode(string.Empty, newLine)).Append(upAnnotations).Append(upAnnotations.Replace(".Annotation(", ".OldAnnotation("))
                .Append(';').Append(newLine).Append(newLine);
        }

        var rename = new EfCallWriter(call.Receiver, "RenameColumn").Literal("name", column);
        location.Where(a => a.Name == "table").ToList().ForEach(a => rename.Argument(a.Name, a.Expression));
        rename.Literal("newName", temporary);
        location.Where(a => a.Name == "schema").ToList().ForEach(a => rename.Argument(a.Name, a.Expression));

        // The column comes back with its old definition; a NOT NULL one without a default gets the
        // placeholder EF's own scaffolding writes, for the rows the table has (the copy overwrites it).
        var defaults = arguments.Where(a => a.Name is "defaultValue" or "defaultValueSql" or "computedColumnSql" or "stored").ToList();
        var placeholder = old.IsNullable == false && defaults.Count == 0 ? Inverses.PlaceholderDefault(old.ClrType) : null;
        var notNullLater = old.IsNullable == false && defaults.Count == 0 && placeholder is null;
        var add = new EfCallWriter(call.Receiver, "AddColumn", clrType).Literal("name", column);
        location.Concat(definition).ToList().ForEach(a => add.Argument(a.Name, a.Expression));
        add.Argument("nullable", old.IsNullable == false && !notNullLater ? "false" : "true");
        defaults.ForEach(a => add.Argument(a.Name, a.Expression));
        if (placeholder is not null)
        {
            add.Argument("defaultValue", placeholder.Kind == InverseArgumentKind.Code ? placeholder.Code! : CSharpLiterals.Render(placeholder.Constant));
        }

        var value = "CAST(" + SqlQuoting.Identifier(provider, temporary) + " AS " + storeType + ")";
        if (old.IsNullable == false && target.IsNullable != false && NotNullBackfill.ValueFor(old) is { } fallback)
        {
            // NULLs the new column allowed go back into a NOT NULL column: they get the default, as the MIG022 fix does.
            value = "COALESCE(" + value + ", " + SqlLiterals.Render(fallback, provider) + ")";
        }

        var sql = "UPDATE " + SqlQuoting.Table(provider, down.Schema, table) + " SET " + SqlQuoting.Identifier(provider, column) + " = " + value;
        var copy = new EfCallWriter(call.Receiver, "Sql").Literal("sql", sql);

        var drop = new EfCallWriter(call.Receiver, "DropColumn").Literal("name", temporary);
        location.ForEach(a => drop.Argument(a.Name, a.Expression));

        code.Append(rename.ToCode(string.Empty, newLine)).Append(';').Append(newLine).Append(newLine)
            .Append(add.ToCode(string.Empty, newLine)).Append(annotations).Append(';').Append(newLine).Append(newLine)
            .Append("// Values of ").Append(temporary).Append(" are converted back to ").Append(storeType)
            .Append(" into ").Append(column).Append('.').Append(newLine)
            .Append(copy.ToCode(string.Empty, newLine)).Append(';').Append(newLine).Append(newLine)
            .Append(drop.ToCode(string.Empty, newLine)).Append(';');
        if (notNullLater)
        {
            var notNull = new EfCallWriter(call.Receiver, "AlterColumn", clrType).Literal("name", column);
            location.Concat(definition).ToList().ForEach(a => notNull.Argument(a.Name, a.Expression));
            notNull.Argument("nullable", "false");
            notNull.Argument("oldClrType", "typeof(" + clrType + ")");
            definition.ForEach(a => notNull.Argument("old" + char.ToUpperInvariant(a.Name[0]) + a.Name.Substring(1), a.Expression));
            notNull.Argument("oldNullable", "true");
            code.Append(newLine).Append(newLine).Append(notNull.ToCode(string.Empty, newLine))
                .Append(annotations).Append(annotations.Replace(".Annotation(", ".OldAnnotation(")).Append(';');
        }

        return code.ToString();
    }

    /// <summary>Up's AlterColumn as add → cast copy → drop → rename (→ NOT NULL).</summary>
    private static string? Rewrite(MigrationDocument document, MigrationOperation alter, string suffix, string newLine, CancellationToken cancellationToken)
    {
        var provider = document.Provider;
        if (alter is not { Column: { } target, OldColumn: { } source, Table: { } table, Name: { } column } ||
            CallArguments.Target(alter.Syntax) is not { TypeArgument: { } clrType } call ||
            CallArguments.Read(alter.Syntax, document.SemanticModel, cancellationToken) is not { } arguments ||
            StoreTypes.Of(target, provider) is not { } storeType)
        {
            return null;
        }

        var temporary = column + suffix;
        var location = arguments.Where(a => a.Name is "table" or "schema").ToList();
        var definition = arguments.Where(a => DefinitionArguments.Contains(a.Name)).ToList();
        var (annotations, _) = AnnotationCalls(alter, newLine);

        var add = new EfCallWriter(call.Receiver, "AddColumn", clrType).Literal("name", temporary);
        location.Concat(definition).ToList().ForEach(a => add.Argument(a.Name, a.Expression));
        add.Argument("nullable", "true");

        var quotedColumn = SqlQuoting.Identifier(provider, column);
        var value = "CAST(" + quotedColumn + " AS " + storeType + ")";
        var tightens = target.IsNullable == false && source.IsNullable != false;
        if (tightens && NotNullBackfill.ValueFor(target) is { } fallback)
        {
            // The old column allowed NULLs the new one does not: they get the default, as the MIG022 fix does.
            value = "COALESCE(" + value + ", " + SqlLiterals.Render(fallback, provider) + ")";
        }

        var sql = "UPDATE " + SqlQuoting.Table(provider, alter.Schema, table) + " SET " + SqlQuoting.Identifier(provider, temporary) + " = " + value;
        var copy = new EfCallWriter(call.Receiver, "Sql").Literal("sql", sql);

        var drop = new EfCallWriter(call.Receiver, "DropColumn").Literal("name", column);
        location.ForEach(a => drop.Argument(a.Name, a.Expression));

        var rename = new EfCallWriter(call.Receiver, "RenameColumn").Literal("name", temporary);
        location.Where(a => a.Name == "table").ToList().ForEach(a => rename.Argument(a.Name, a.Expression));
        rename.Literal("newName", column);
        location.Where(a => a.Name == "schema").ToList().ForEach(a => rename.Argument(a.Name, a.Expression));

        var code = new StringBuilder()
            .Append(add.ToCode(string.Empty, newLine)).Append(annotations).Append(';').Append(newLine).Append(newLine)
            .Append("// Existing values of ").Append(column).Append(" are converted to ").Append(storeType)
            .Append(" into ").Append(temporary).Append(": check the values that do not fit before deploying.").Append(newLine)
            .Append(copy.ToCode(string.Empty, newLine)).Append(';').Append(newLine).Append(newLine)
            .Append(drop.ToCode(string.Empty, newLine)).Append(';').Append(newLine).Append(newLine)
            .Append(rename.ToCode(string.Empty, newLine)).Append(';');
        if (target.IsNullable == false)
        {
            var notNull = new EfCallWriter(call.Receiver, "AlterColumn", clrType).Literal("name", column);
            location.Concat(definition).ToList().ForEach(a => notNull.Argument(a.Name, a.Expression));
            notNull.Argument("nullable", "false");
            arguments.Where(a => a.Name is "defaultValue" or "defaultValueSql" or "computedColumnSql" or "stored").ToList()
                .ForEach(a => notNull.Argument(a.Name, a.Expression));
            notNull.Argument("oldClrType", "typeof(" + clrType + ")");
            definition.ForEach(a => notNull.Argument("old" + char.ToUpperInvariant(a.Name[0]) + a.Name.Substring(1), a.Expression));
            notNull.Argument("oldNullable", "true");
            code.Append(newLine).Append(newLine).Append(notNull.ToCode(string.Empty, newLine))
                .Append(annotations).Append(annotations.Replace(".Annotation(", ".OldAnnotation(")).Append(';');
        }

        return code.ToString();
    }

    /// <summary>The <c>.Annotation(…)</c> calls of the chain (new side), as written, and the <c>.OldAnnotation(…)</c> ones.</summary>
    private static (string Annotations, string OldAnnotations) AnnotationCalls(MigrationOperation operation, string newLine)
    {
        var annotations = new StringBuilder();
        var old = new StringBuilder();
        var node = operation.Syntax;
        while (node.Parent is MemberAccessExpressionSyntax { Name.Identifier.ValueText: var name } member &&
            member.Parent is InvocationExpressionSyntax invocation)
        {
            var target = name == "OldAnnotation" ? old : annotations;
            target.Append(newLine).Append("    .").Append(name).Append(invocation.ArgumentList);
            node = invocation;
        }

        return (annotations.ToString(), old.ToString());
    }
}
