using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using MigrationAnalyzers.Model;

namespace MigrationAnalyzers.CodeFixes.Generation;

/// <summary>
/// The source text fixes copy into the calls they write: the builder's name, an argument as
/// written, a type as it reads at that place, EF's schema and column-list arguments.
/// </summary>
internal static class MigrationFix
{
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
