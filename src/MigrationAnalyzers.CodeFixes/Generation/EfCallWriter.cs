using System.Collections.Generic;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MigrationAnalyzers.CodeFixes.Generation;

/// <summary>
/// Writes a <c>migrationBuilder.X(…)</c> call the way EF's scaffolder does: named arguments,
/// one per line, indented one level below the statement. Fixes build every operation they
/// insert through this, so generated code looks the same whichever rule produced it.
/// </summary>
internal sealed class EfCallWriter
{
    private readonly string _receiver;
    private readonly string _method;
    private readonly string? _typeArgument;
    private readonly List<(string Name, string Expression)> _arguments = new();

    public EfCallWriter(string receiver, string method, string? typeArgument = null)
    {
        _receiver = receiver;
        _method = method;
        _typeArgument = typeArgument;
    }

    /// <summary>An argument as C# source (e.g. copied from the original operation's argument).</summary>
    public EfCallWriter Argument(string name, string expression)
    {
        _arguments.Add((name, expression));
        return this;
    }

    /// <summary>An argument from a constant value (string, bool, number, null).</summary>
    public EfCallWriter Literal(string name, object? value) => Argument(name, CSharpLiterals.Render(value));

    /// <summary><c>new[] { "a", "b" }</c>, as EF writes multi-column arguments.</summary>
    public EfCallWriter Strings(string name, IEnumerable<string> values) =>
        Argument(name, "new[] { " + string.Join(", ", values.Select(v => CSharpLiterals.Render(v))) + " }");

    /// <summary>The call text, its argument lines indented four spaces past <paramref name="indent"/>.</summary>
    public string ToCode(string indent, string newLine = "\n")
    {
        var code = new StringBuilder();
        code.Append(_receiver).Append('.').Append(_method);
        if (_typeArgument is not null)
        {
            code.Append('<').Append(_typeArgument).Append('>');
        }

        code.Append('(');
        for (var i = 0; i < _arguments.Count; i++)
        {
            code.Append(newLine).Append(indent).Append("    ")
                .Append(_arguments[i].Name).Append(": ").Append(_arguments[i].Expression)
                .Append(i == _arguments.Count - 1 ? string.Empty : ",");
        }

        return code.Append(')').ToString();
    }

    /// <summary>The call as a statement with the given indentation, ending with a newline.</summary>
    public StatementSyntax ToStatement(string indent, string newLine = "\n") =>
        SyntaxFactory.ParseStatement(indent + ToCode(indent, newLine) + ";" + newLine);

    /// <summary>The whitespace before <paramref name="node"/>'s line: what inserted statements reuse.</summary>
    public static string IndentationOf(SyntaxNode node)
    {
        var whitespace = node.GetLeadingTrivia().LastOrDefault(t => t.IsKind(SyntaxKind.WhitespaceTrivia));
        return whitespace == default ? string.Empty : whitespace.ToString();
    }

    /// <summary>The document's line ending, so fixes keep CRLF files CRLF.</summary>
    public static string NewLineOf(SyntaxNode node) =>
        node.SyntaxTree.GetText().ToString().Contains("\r\n") ? "\r\n" : "\n";
}
