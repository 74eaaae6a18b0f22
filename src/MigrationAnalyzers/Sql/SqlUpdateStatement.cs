using System;
using System.Collections.Generic;
using System.Collections.Immutable;

namespace MigrationAnalyzers.Sql;

/// <summary>One <c>col = expression</c> of an UPDATE's SET list.</summary>
internal sealed class SqlAssignment
{
    public SqlAssignment(string column, ImmutableArray<string> sourceIdentifiers)
    {
        Column = column;
        SourceIdentifiers = sourceIdentifiers;
    }

    /// <summary>The assigned column (unquoted; a <c>t.col</c> target reads as <c>col</c>).</summary>
    public string Column { get; }

    /// <summary>Every identifier the expression mentions (words and quoted names; string literals excluded).</summary>
    public ImmutableArray<string> SourceIdentifiers { get; }

    public bool Mentions(string identifier)
    {
        foreach (var source in SourceIdentifiers)
        {
            if (SqlUpdateStatement.NameEquals(source, identifier))
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>
/// The shape of an <c>UPDATE [ONLY] [schema.]table [[AS] alias] SET a = expr, … [FROM|WHERE|…]</c>
/// statement, read from tokens: enough to see which column of which table a backfill writes
/// and from what. Statements of other shapes (and SET lists it cannot split) are skipped.
/// </summary>
internal sealed class SqlUpdateStatement
{
    private static readonly string[] SetListEnd = { "FROM", "WHERE", "RETURNING", "OUTPUT", "ORDER", "LIMIT" };

    private SqlUpdateStatement(string? schema, string table, ImmutableArray<SqlAssignment> assignments)
    {
        Schema = schema;
        Table = table;
        Assignments = assignments;
    }

    public string? Schema { get; }

    public string Table { get; }

    public ImmutableArray<SqlAssignment> Assignments { get; }

    /// <summary>Unquoted names compare case-insensitively in every provider's default collation of identifiers we care about.</summary>
    public static bool NameEquals(string? a, string? b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    /// <summary>True when the statement updates <paramref name="table"/> (schema compared only when both name one).</summary>
    public bool Updates(string? schema, string table) =>
        NameEquals(Table, table) && (Schema is null || string.IsNullOrEmpty(schema) || NameEquals(Schema, schema));

    /// <summary>Every UPDATE statement of the SQL text, in order.</summary>
    public static ImmutableArray<SqlUpdateStatement> Parse(string sql)
    {
        var tokens = SqlTokenizer.Tokenize(sql);
        var result = ImmutableArray.CreateBuilder<SqlUpdateStatement>();
        for (var i = 0; i < tokens.Length; i++)
        {
            if (tokens[i].IsWord("UPDATE") && TryRead(tokens, i + 1) is { } statement)
            {
                result.Add(statement);
            }
        }

        return result.ToImmutable();
    }

    private static SqlUpdateStatement? TryRead(ImmutableArray<SqlToken> tokens, int i)
    {
        if (i < tokens.Length && tokens[i].IsWord("ONLY"))
        {
            i++;
        }

        var name = ReadQualifiedName(tokens, ref i);
        if (name.Count == 0 || name.Count > 3)
        {
            return null;
        }

        if (i < tokens.Length && tokens[i].IsWord("AS"))
        {
            i++;
        }

        if (i < tokens.Length && tokens[i].IsIdentifier && !tokens[i].IsWord("SET"))
        {
            i++; // alias
        }

        if (i >= tokens.Length || !tokens[i].IsWord("SET"))
        {
            return null;
        }

        var assignments = ReadAssignments(tokens, i + 1);
        var schema = name.Count >= 2 ? name[name.Count - 2] : null;
        return new SqlUpdateStatement(schema, name[name.Count - 1], assignments);
    }

    private static ImmutableArray<SqlAssignment> ReadAssignments(ImmutableArray<SqlToken> tokens, int i)
    {
        var assignments = ImmutableArray.CreateBuilder<SqlAssignment>();
        while (i < tokens.Length)
        {
            var target = ReadQualifiedName(tokens, ref i);
            if (target.Count == 0 || i >= tokens.Length || !tokens[i].IsSymbol('='))
            {
                // SET (a, b) = (…) or something unexpected: stop rather than guess.
                break;
            }

            i++;
            var sources = ImmutableArray.CreateBuilder<string>();
            var depth = 0;
            for (; i < tokens.Length; i++)
            {
                var token = tokens[i];
                if (token.IsSymbol('('))
                {
                    depth++;
                }
                else if (token.IsSymbol(')'))
                {
                    depth--;
                }
                else if (depth <= 0 && (token.IsSymbol(',') || token.IsSymbol(';') || IsSetListEnd(token)))
                {
                    break;
                }
                else if (token.IsIdentifier)
                {
                    sources.Add(token.Text);
                }
            }

            assignments.Add(new SqlAssignment(target[target.Count - 1], sources.ToImmutable()));
            if (i >= tokens.Length || !tokens[i].IsSymbol(','))
            {
                break;
            }

            i++;
        }

        return assignments.ToImmutable();
    }

    private static bool IsSetListEnd(SqlToken token)
    {
        foreach (var word in SetListEnd)
        {
            if (token.IsWord(word))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary><c>a</c>, <c>"s"."t"</c>, <c>[db].[dbo].[t]</c>: the parts, unquoted; empty when no name starts at <paramref name="i"/>.</summary>
    private static List<string> ReadQualifiedName(ImmutableArray<SqlToken> tokens, ref int i)
    {
        var parts = new List<string>();
        while (i < tokens.Length && tokens[i].IsIdentifier)
        {
            parts.Add(tokens[i].Text);
            i++;
            if (i + 1 < tokens.Length && tokens[i].IsSymbol('.') && tokens[i + 1].IsIdentifier)
            {
                i++;
                continue;
            }

            break;
        }

        return parts;
    }
}
