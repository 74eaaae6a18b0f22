using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using MigrationAnalyzers.Model;
using MigrationAnalyzers.Rules;

namespace MigrationAnalyzers.CodeFixes.Generation;

/// <summary>
/// The frame of a fix that rewrites operations of a migration: loads each diagnostic's migration
/// from the shared catalog, gives the fix the same <see cref="MigrationRuleContext"/> the rules
/// see, collects every edit in one <see cref="StatementEditor"/> and applies them once. One
/// diagnostic (the light bulb) and Fix All (all of a document's diagnostics) go through here.
/// </summary>
internal static class MigrationFix
{
    public static async Task<Document> ApplyAsync(
        Document document,
        IEnumerable<Diagnostic> diagnostics,
        Action<MigrationDocument, MigrationRuleContext, Diagnostic, StatementEditor> edit,
        CancellationToken cancellationToken)
    {
        var (root, editor) = await CollectAsync(document, diagnostics, edit, cancellationToken).ConfigureAwait(false);
        return root is null || !editor.HasEdits ? document : document.WithSyntaxRoot(editor.Apply(root));
    }

    /// <summary>The edits the fix would make, without applying them (a fix with none registers no action).</summary>
    public static async Task<(SyntaxNode? Root, StatementEditor Editor)> CollectAsync(
        Document document,
        IEnumerable<Diagnostic> diagnostics,
        Action<MigrationDocument, MigrationRuleContext, Diagnostic, StatementEditor> edit,
        CancellationToken cancellationToken)
    {
        var editor = new StatementEditor();
        var contexts = new Dictionary<MigrationModel, MigrationRuleContext>();
        SyntaxNode? root = null;
        foreach (var diagnostic in diagnostics.OrderBy(d => d.Location.SourceSpan.Start))
        {
            if (await MigrationDocument.LoadAsync(document, diagnostic.Location.SourceSpan, cancellationToken).ConfigureAwait(false) is not { } migration)
            {
                continue;
            }

            root = migration.Root;
            if (!contexts.TryGetValue(migration.Migration, out var context))
            {
                context = new MigrationRuleContext(migration.Catalog, migration.Migration, migration.Options, static _ => { }, cancellationToken);
                contexts[migration.Migration] = context;
            }

            edit(migration, context, diagnostic, editor);
        }

        return (root, editor);
    }

    /// <summary>The builder parameter's name in Up or Down (<c>migrationBuilder</c> unless renamed).</summary>
    public static string Receiver(MethodOperations method) =>
        method.Declaration is MethodDeclarationSyntax { ParameterList.Parameters.Count: 1 } declaration
            ? declaration.ParameterList.Parameters[0].Identifier.ValueText
            : "migrationBuilder";

    /// <summary>The argument as C# source: its own expression when written, else the constant.</summary>
    public static string Source(ArgumentValue value) =>
        value.Syntax is { } syntax && value.Kind != ArgumentValueKind.Omitted ? syntax.ToString() : CSharpLiterals.Render(value.Constant);

    /// <summary>A type as C# source in the fixed document (nullable reference annotations dropped: <c>typeof</c> rejects them).</summary>
    public static string TypeName(ITypeSymbol type, SemanticModel model, int position)
    {
        if (type.IsReferenceType)
        {
            type = type.WithNullableAnnotation(NullableAnnotation.NotAnnotated);
        }

        return type.ToMinimalDisplayString(model, position);
    }

    /// <summary>Adds <c>schema:</c> when the operation names one (EF writes it after <c>name</c>).</summary>
    public static EfCallWriter Schema(this EfCallWriter writer, string parameter, ArgumentValue schema) =>
        schema.IsNull ? writer : writer.Argument(parameter, Source(schema));

    /// <summary><c>column: "A"</c> for one column, <c>columns: new[] { "A", "B" }</c> for several, as EF scaffolds.</summary>
    public static EfCallWriter ColumnList(this EfCallWriter writer, string single, string plural, IReadOnlyList<string> columns) =>
        columns.Count == 1 ? writer.Literal(single, columns[0]) : writer.Strings(plural, columns);
}
