using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using MigrationAnalyzers.Model;

namespace MigrationAnalyzers.Sql;

/// <summary>
/// A SQL text split into classified statements: on <c>;</c> outside strings and comments, on <c>GO</c>
/// batch-separator lines, and between T-SQL statements written without <c>;</c>
/// (<c>IF OBJECT_ID(…) IS NOT NULL DROP TABLE x</c>, <c>BEGIN … END</c>). The one place rules read
/// <c>migrationBuilder.Sql(…)</c> text from.
/// </summary>
internal sealed class SqlScript
{
    private static readonly ConditionalWeakTable<MigrationOperation, SqlScript> Cache = new();

    internal SqlScript(string text, ImmutableArray<SqlToken> tokens, ImmutableArray<SqlStatement> statements, ImmutableArray<SqlToken> batchSeparators)
    {
        Text = text;
        Tokens = tokens;
        Statements = statements;
        BatchSeparators = batchSeparators;
    }

    public string Text { get; }

    public ImmutableArray<SqlToken> Tokens { get; }

    /// <summary>The top-level statements in order (a <c>DO</c> block's inner statements are in its <see cref="SqlStatement.Body"/>).</summary>
    public ImmutableArray<SqlStatement> Statements { get; }

    /// <summary>The <c>GO</c> tokens of lines that consist of <c>GO</c> (optionally a count), outside strings and comments.</summary>
    public ImmutableArray<SqlToken> BatchSeparators { get; }

    /// <summary>Every statement that runs now, in order: top-level ones and, after each <c>DO</c> block, those of its body.</summary>
    public IEnumerable<SqlStatement> AllStatements
    {
        get
        {
            foreach (var statement in Statements)
            {
                yield return statement;
                if (statement.Body is { } body)
                {
                    foreach (var inner in body.AllStatements)
                    {
                        yield return inner;
                    }
                }
            }
        }
    }

    /// <summary>Tokenizes and classifies <paramref name="text"/> (a <c>{0}</c> hole counts as an identifier). Never throws.</summary>
    public static SqlScript Parse(string text) => SqlStatementReader.ReadScript(text, nesting: 0);

    /// <summary>
    /// The script of a <c>Sql</c> operation, parsed once per operation: its constant text, else its template
    /// (interpolation holes as <c>{0}</c>…). Null when the SQL is not known (a method call, a resource):
    /// rules then stay silent.
    /// </summary>
    public static SqlScript? For(MigrationOperation operation)
    {
        if (operation.Kind != MigrationOperationKind.Sql || (operation.SqlText ?? operation.SqlTemplate) is not { } text)
        {
            return null;
        }

        return Cache.GetValue(operation, _ => Parse(text));
    }
}
