using System.Collections.Generic;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using MigrationAnalyzers.Model;

namespace MigrationAnalyzers.Sql;

/// <summary>
/// Puts the C# expressions back into the <c>{0}</c> holes of a SQL template for messages:
/// <c>DELETE FROM {_schema}."Logs"</c> reads better than <c>DELETE FROM {0}."Logs"</c>. When the holes
/// cannot be matched to expressions one to one (a constant interpolation was inlined), a hole shows as <c>{…}</c>.
/// </summary>
internal static class SqlHoles
{
    private static readonly Regex Hole = new(@"\{(\d+)\}", RegexOptions.CultureInvariant);

    public static string Render(string sql, MigrationOperation operation)
    {
        if (operation.SqlText is not null || operation.SqlTemplate is not { } template || sql.IndexOf('{') < 0)
        {
            return sql;
        }

        var expressions = new List<string>();
        if (operation["sql"].Syntax is ExpressionSyntax argument)
        {
            Collect(argument, expressions);
        }

        if (expressions.Count != CountHoles(template))
        {
            expressions.Clear();
        }

        return Hole.Replace(sql, match =>
            int.TryParse(match.Groups[1].Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var index) && index < expressions.Count ? "{" + expressions[index] + "}" : "{…}");
    }

    private static int CountHoles(string template)
    {
        var count = 0;
        foreach (Match match in Hole.Matches(template))
        {
            if (int.TryParse(match.Groups[1].Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var index) && index + 1 > count)
            {
                count = index + 1;
            }
        }

        return count;
    }

    private static void Collect(ExpressionSyntax expression, List<string> expressions)
    {
        switch (expression)
        {
            case InterpolatedStringExpressionSyntax interpolated:
                foreach (var content in interpolated.Contents)
                {
                    if (content is InterpolationSyntax interpolation)
                    {
                        expressions.Add(interpolation.Expression.ToString());
                    }
                }

                break;
            case BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.AddExpression):
                Collect(binary.Left, expressions);
                Collect(binary.Right, expressions);
                break;
            case ParenthesizedExpressionSyntax parenthesized:
                Collect(parenthesized.Expression, expressions);
                break;
            case LiteralExpressionSyntax:
                break;
            default:
                expressions.Add(expression.ToString());
                break;
        }
    }
}
