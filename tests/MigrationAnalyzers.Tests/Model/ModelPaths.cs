using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using MigrationAnalyzers.Model;

namespace MigrationAnalyzers.Tests.Model;

/// <summary>
/// The differential check of <see cref="OperationCollector"/>'s two paths: every Up and Down of a
/// compilation read from tokens (the fast path) and read through the compiler's binding only must
/// give the same operations. The verifiers run it on every test input that compiles.
/// </summary>
internal static class ModelPaths
{
    /// <summary>The first Up/Down whose two readings differ, with both readings; null when they all agree.</summary>
    public static string? FirstDifference(Compilation compilation)
    {
        if (EfTypes.TryCreate(compilation) is not { } types)
        {
            return null;
        }

        foreach (var tree in compilation.SyntaxTrees)
        {
            var model = compilation.GetSemanticModel(tree);
            foreach (var method in tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>())
            {
                if (method.Identifier.ValueText is not ("Up" or "Down") || method.ParameterList.Parameters.Count != 1 ||
                    model.GetDeclaredSymbol(method)?.ContainingType is not { } type || !types.IsMigrationClass(type))
                {
                    continue;
                }

                // Code that does not compile is read as unknown by both, in different shapes (an unknown
                // argument on the token path, an unknown call on the bound one): rules stay silent on either.
                if (model.GetDiagnostics(method.Span).Any(d => d.Severity == DiagnosticSeverity.Error))
                {
                    continue;
                }

                var tokens = Describe(new OperationCollector(types, CancellationToken.None).Collect(method));
                var bound = Describe(new OperationCollector(types, CancellationToken.None) { TokenPath = false }.Collect(method));
                if (tokens != bound)
                {
                    var tokenLines = tokens.Split('\n');
                    var boundLines = bound.Split('\n');
                    var line = Enumerable.Range(0, System.Math.Min(tokenLines.Length, boundLines.Length)).FirstOrDefault(i => tokenLines[i] != boundLines[i]);
                    return $"{type.Name}.{method.Identifier.ValueText} in {tree.FilePath}, operation line {line}:\n--- token path\n{tokenLines.ElementAtOrDefault(line)}\n--- bound path\n{boundLines.ElementAtOrDefault(line)}";
                }
            }
        }

        return null;
    }

    /// <summary>Everything a rule can read of the operations, one line per operation, nested ones indented.</summary>
    public static string Describe(IEnumerable<MigrationOperation> operations, string indent = "")
    {
        var lines = new List<string>();
        foreach (var operation in operations)
        {
            lines.Add(indent + string.Join(" | ",
                operation.Kind,
                operation.MethodName,
                operation.Syntax.Span,
                operation.StatementExpression.Span,
                operation.ClrType?.ToDisplayString() ?? "-",
                operation.Condition,
                operation.InLoop ? "loop" : "once",
                operation.FromHelper ? "helper" : "body",
                operation.HasUnknownArguments ? "unknown-args" : "known-args",
                operation.HasUnreadableTableBody ? "unreadable-body" : "body-ok",
                operation.SqlText ?? "-",
                operation.SqlTemplate ?? "-",
                Arguments(operation.Arguments.Select(a => (a.Key, a.Value))),
                Annotations(operation.Annotations),
                Column(operation.Column),
                Column(operation.OldColumn)));
            foreach (var column in operation.TableColumns)
            {
                lines.Add(indent + "  column " + Column(column));
            }

            if (!operation.Constraints.IsEmpty)
            {
                lines.Add(Describe(operation.Constraints, indent + "  "));
            }
        }

        return string.Join("\n", lines);
    }

    private static string Column(ColumnDefinition? column) =>
        column is null
            ? "-"
            : $"[{column.Name} {column.PropertyName} {column.ClrType?.ToDisplayString()} {column.Syntax.Span} {Annotations(column.Annotations)} " +
              Arguments(new[] { "type", "nullable", "maxLength", "precision", "scale", "unicode", "fixedLength", "defaultValue", "defaultValueSql", "computedColumnSql", "rowVersion" }
                  .Select(name => (name, column[name]))) + "]";

    private static string Annotations(IEnumerable<Annotation> annotations) =>
        string.Join(",", annotations.Select(a => (a.IsOld ? "old:" : string.Empty) + a.Name + "=" + Value(a.Value)));

    private static string Arguments(IEnumerable<(string Name, ArgumentValue Value)> arguments) =>
        "{" + string.Join(", ", arguments.OrderBy(a => a.Name, System.StringComparer.Ordinal).Select(a => a.Name + "=" + Value(a.Value))) + "}";

    private static string Value(ArgumentValue value) =>
        value.Kind + ":" + value + (value.Type is { } type ? ":" + type.ToDisplayString() : string.Empty) +
        (value.Elements.IsDefaultOrEmpty ? string.Empty : "[" + string.Join(";", value.Elements.Select(Value)) + "]");
}
