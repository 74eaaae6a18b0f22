using System;
using System.Collections.Immutable;
using MigrationAnalyzers.Model;
using MigrationAnalyzers.Sql;

namespace MigrationAnalyzers.Schema;

/// <summary>
/// SPEC §3 "Moved data is not lost": evidence, read through the SQL reader, that an earlier <c>Sql</c>
/// of the same Up copied a table's rows or a column's values somewhere else (or cleared them) before
/// Up drops it. MIG001 and MIG002 stay silent on such drops.
/// </summary>
internal static class MovedData
{
    /// <summary>
    /// An earlier <c>Sql</c> reads the table's rows into another table: <c>INSERT INTO New … SELECT … FROM Old</c>,
    /// <c>MERGE … USING Old</c>, <c>SELECT … INTO New FROM Old</c>, <c>CREATE TABLE New AS SELECT … FROM Old</c>.
    /// </summary>
    public static bool IsTableCopiedBefore(MigrationFacts context, int beforeIndex, string? schema, string table)
    {
        foreach (var statement in EarlierStatements(context, beforeIndex))
        {
            var copies = statement.Kind is SqlStatementKind.Insert or SqlStatementKind.Merge or SqlStatementKind.Select ||
                (statement.Kind == SqlStatementKind.Ddl && statement.Keyword == "CREATE" && statement.ObjectKind == SqlObjectKind.Table);
            if (copies && Reads(statement, schema, table) && statement.Target?.Matches(schema, table) != true &&
                (statement.Kind != SqlStatementKind.Select || HasWord(statement.Tokens, "INTO")))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// An earlier <c>Sql</c> reads the column's values into something that stays: an UPDATE of the
    /// table that sets another column from it, an UPDATE of another table that reads it (SET value,
    /// FROM/JOIN), an INSERT/MERGE/SELECT INTO that reads the table and names the column (or <c>*</c>);
    /// or an unconditional <c>UPDATE table SET column = NULL</c>, after which there is nothing to lose.
    /// </summary>
    public static bool IsColumnPreservedBefore(MigrationFacts context, int beforeIndex, string? schema, string table, string column) =>
        IsColumnPreservedBy(EarlierStatements(context, beforeIndex), schema, table, column);

    /// <summary>
    /// <see cref="IsColumnPreservedBefore"/> over given statements: a drop inside a <c>Sql</c> call also
    /// counts the statements of the same call before it.
    /// </summary>
    public static bool IsColumnPreservedBy(System.Collections.Generic.IEnumerable<SqlStatement> statements, string? schema, string table, string column)
    {
        foreach (var statement in statements)
        {
            switch (statement.Kind)
            {
                case SqlStatementKind.Update when statement.Target?.Matches(schema, table) == true:
                    foreach (var assignment in statement.Assignments)
                    {
                        if (assignment.Column.Matches(null, column) && !statement.HasWhere && IsNull(assignment.Value))
                        {
                            return true;
                        }
                    }

                    // Another column of the table derived from this one (expand/contract's copy).
                    foreach (var assignment in statement.Assignments)
                    {
                        if (!assignment.Column.Matches(null, column) && Mentions(assignment.Value, column))
                        {
                            return true;
                        }
                    }

                    break;
                case SqlStatementKind.Update when Reads(statement, schema, table) && MentionsInValuesOrSources(statement, column):
                    return true;
                case SqlStatementKind.Insert or SqlStatementKind.Merge or SqlStatementKind.Select
                    when Reads(statement, schema, table) && (statement.Kind != SqlStatementKind.Select || HasWord(statement.Tokens, "INTO")) &&
                        (Mentions(statement.Tokens, column) || HasStar(statement.Tokens)):
                    return true;
            }
        }

        return false;
    }

    /// <summary>Every statement of the constant <c>Sql</c> operations of this Up before <paramref name="beforeIndex"/> that may run.</summary>
    private static System.Collections.Generic.IEnumerable<SqlStatement> EarlierStatements(MigrationFacts context, int beforeIndex)
    {
        var operations = context.Migration.Up.Operations;
        for (var i = 0; i < beforeIndex && i < operations.Length; i++)
        {
            if (operations[i] is { Kind: MigrationOperationKind.Sql, SqlText: not null } operation && context.MayRun(operation) &&
                SqlScript.For(operation) is { } script)
            {
                foreach (var statement in script.AllStatements)
                {
                    yield return statement;
                }
            }
        }
    }

    private static bool Reads(SqlStatement statement, string? schema, string table)
    {
        foreach (var source in statement.Sources)
        {
            if (source.Matches(schema, table))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// UPDATE of another table that reads this one (<c>UPDATE o SET x = t.c FROM t …</c>, a subquery):
    /// the column in a SET value, or in the FROM/JOIN/WHERE that matches rows by it.
    /// </summary>
    private static bool MentionsInValuesOrSources(SqlStatement statement, string column)
    {
        foreach (var assignment in statement.Assignments)
        {
            if (Mentions(assignment.Value, column))
            {
                return true;
            }
        }

        var tokens = statement.Tokens;
        var from = IndexOf(tokens, "FROM");
        var where = IndexOf(tokens, "WHERE");
        var start = from >= 0 ? from : where;
        return start >= 0 && Mentions(ImmutableArray.Create(tokens, start, tokens.Length - start), column);
    }

    private static bool Mentions(ImmutableArray<SqlToken> tokens, string column)
    {
        foreach (var token in tokens)
        {
            if (token.Kind is SqlTokenKind.Word or SqlTokenKind.QuotedIdentifier &&
                string.Equals(token.Value, column, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsNull(ImmutableArray<SqlToken> value) => value.Length == 1 && value[0].Is("NULL");

    private static bool HasStar(ImmutableArray<SqlToken> tokens)
    {
        foreach (var token in tokens)
        {
            if (token.Kind == SqlTokenKind.Operator && token.Text == "*")
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasWord(ImmutableArray<SqlToken> tokens, string word) => IndexOf(tokens, word) >= 0;

    private static int IndexOf(ImmutableArray<SqlToken> tokens, string word)
    {
        for (var i = 0; i < tokens.Length; i++)
        {
            if (tokens[i].Is(word) && tokens[i].Depth == tokens[0].Depth)
            {
                return i;
            }
        }

        return -1;
    }
}
