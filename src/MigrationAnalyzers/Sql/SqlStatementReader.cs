using System;
using System.Collections.Immutable;
using System.Linq;

namespace MigrationAnalyzers.Sql;

/// <summary>
/// Splits a token stream into statements and classifies each one. Statement boundaries: <c>;</c>,
/// <c>GO</c> lines, and (for T-SQL and PL/pgSQL, where statements need no <c>;</c>) a statement verb
/// after BEGIN/THEN/ELSE/LOOP or after an IF condition, or an unambiguous statement opening such as
/// <c>DELETE FROM</c>, <c>DROP TABLE</c>, <c>INSERT INTO</c>, <c>UPDATE t SET</c>. A routine definition
/// without a quoted body (T-SQL <c>CREATE PROCEDURE … AS BEGIN … END</c>) runs to the end of its batch.
/// </summary>
internal static class SqlStatementReader
{
    private const int MaxNesting = 4;

    public static SqlScript ReadScript(string text, int nesting)
    {
        var tokens = SqlTokenizer.Tokenize(text);
        var statements = ImmutableArray.CreateBuilder<SqlStatement>();
        var separators = ImmutableArray.CreateBuilder<SqlToken>();
        var batchStart = 0;
        for (var i = 0; i <= tokens.Length; i++)
        {
            if (i == tokens.Length)
            {
                ReadBatch(tokens, batchStart, i, nesting, statements);
            }
            else if (IsBatchSeparator(tokens, i, out var next))
            {
                ReadBatch(tokens, batchStart, i, nesting, statements);
                separators.Add(tokens[i]);
                batchStart = next;
                i = next - 1;
            }
        }

        return new SqlScript(text, tokens, statements.ToImmutable(), separators.ToImmutable());
    }

    /// <summary>A name at <paramref name="index"/>: identifier-like parts joined by dots (<c>tempdb..#t</c> too).</summary>
    public static SqlName? ReadName(ImmutableArray<SqlToken> tokens, int index, out int next)
    {
        next = index;
        if (index >= tokens.Length || !tokens[index].IsIdentifierLike)
        {
            return null;
        }

        var parts = ImmutableArray.CreateBuilder<string?>();
        var i = index;
        while (i < tokens.Length)
        {
            if (tokens[i].Kind == SqlTokenKind.Dot)
            {
                parts.Add(string.Empty);
                i++;
                continue;
            }

            if (!tokens[i].IsIdentifierLike)
            {
                break;
            }

            parts.Add(tokens[i].Kind == SqlTokenKind.Placeholder ? null : tokens[i].Value);
            i++;
            if (i < tokens.Length && tokens[i].Kind == SqlTokenKind.Dot && i + 1 < tokens.Length &&
                (tokens[i + 1].IsIdentifierLike || tokens[i + 1].Kind == SqlTokenKind.Dot))
            {
                i++;
                continue;
            }

            break;
        }

        next = i;
        var first = tokens[index];
        var last = tokens[i - 1];
        return new SqlName(parts.ToImmutable(), first.Source.Substring(first.Start, last.End - first.Start));
    }

    /// <summary>A line that is <c>GO</c> (optionally <c>GO 5</c>), case-insensitive.</summary>
    private static bool IsBatchSeparator(ImmutableArray<SqlToken> tokens, int i, out int next)
    {
        next = i + 1;
        if (!tokens[i].Is("GO") || !tokens[i].IsFirstOnLine)
        {
            return false;
        }

        if (i + 1 == tokens.Length || tokens[i + 1].IsFirstOnLine)
        {
            return true;
        }

        next = i + 2;
        return tokens[i + 1].Kind == SqlTokenKind.Number && (i + 2 == tokens.Length || tokens[i + 2].IsFirstOnLine);
    }

    private static void ReadBatch(ImmutableArray<SqlToken> tokens, int start, int end, int nesting, ImmutableArray<SqlStatement>.Builder statements)
    {
        var segmentStart = start;
        while (segmentStart < end)
        {
            var segmentEnd = segmentStart;
            while (segmentEnd < end && tokens[segmentEnd].Kind != SqlTokenKind.Semicolon)
            {
                segmentEnd++;
            }

            var statementStart = segmentStart;
            while (statementStart < segmentEnd)
            {
                if (IsRoutineStart(tokens, statementStart, segmentEnd))
                {
                    var routineEnd = HasQuotedBody(tokens, statementStart, segmentEnd) ? segmentEnd : end;
                    statements.Add(Classify(Slice(tokens, statementStart, routineEnd), nesting, isRoutine: true));
                    if (routineEnd == end)
                    {
                        return;
                    }

                    break;
                }

                var nextStart = FindNextStart(tokens, statementStart, segmentEnd);
                statements.Add(Classify(Slice(tokens, statementStart, nextStart), nesting, isRoutine: false));
                statementStart = nextStart;
            }

            segmentStart = segmentEnd + 1;
        }
    }

    private static ImmutableArray<SqlToken> Slice(ImmutableArray<SqlToken> tokens, int start, int end) =>
        ImmutableArray.Create(tokens, start, end - start);

    private static int FindNextStart(ImmutableArray<SqlToken> tokens, int start, int end)
    {
        var verb = tokens[start].Kind == SqlTokenKind.Word ? tokens[start].Value : string.Empty;
        if (SqlKeywords.NoSplitInside.Contains(verb))
        {
            return end;
        }

        var depth = tokens[start].Depth;
        for (var j = start + 1; j < end; j++)
        {
            if (tokens[j].Kind == SqlTokenKind.Word && tokens[j].Depth == depth && StartsStatement(tokens, start, j, end, verb))
            {
                return j;
            }
        }

        return end;
    }

    private static bool StartsStatement(ImmutableArray<SqlToken> tokens, int start, int j, int end, string verb)
    {
        var token = tokens[j];
        var previous = tokens[j - 1];
        if (token.IsIn(SqlKeywords.StatementVerbs) &&
            (previous.IsIn(SqlKeywords.BlockOpeners) || SqlKeywords.Conditionals.Contains(verb)))
        {
            return true;
        }

        if (previous.Kind is SqlTokenKind.Comma or SqlTokenKind.OpenParen || previous.IsIn(SqlKeywords.VerbGuards))
        {
            return false;
        }

        var next = j + 1 < end ? tokens[j + 1] : default;
        switch (token.Value.ToUpperInvariant())
        {
            case "DELETE":
                return next.Is("FROM") || next.Is("TOP");
            case "TRUNCATE":
                return next.Is("TABLE");
            case "DROP":
                // Inside ALTER TABLE, DROP is an action unless it drops a whole object (DROP INDEX is MySQL's action);
                // inside other ALTERs (ALTER PUBLICATION p DROP TABLE t) it always belongs to the ALTER.
                return string.Equals(verb, "ALTER", StringComparison.OrdinalIgnoreCase)
                    ? tokens[start + 1].Is("TABLE") && next.IsIn(SqlKeywords.DropObjects) && !next.Is("INDEX")
                    : next.IsIn(SqlKeywords.DropObjects);
            case "INSERT":
                return next.Is("INTO");
            case "UPDATE":
                return ReadName(tokens, j + 1, out var afterName) is not null && afterName < end && tokens[afterName].Is("SET");
            case "CREATE":
                return next.IsIn(SqlKeywords.CreateObjects);
            case "ALTER":
                return next.IsIn(SqlKeywords.AlterObjects);
            case "BEGIN":
                return next.Is("TRAN") || next.Is("TRANSACTION") || next.Is("TRY") || next.Is("CATCH") || next.Is("DISTRIBUTED");
            case "COMMIT":
            case "ROLLBACK":
                return next.Is("TRAN") || next.Is("TRANSACTION");
            case "EXEC":
            case "EXECUTE":
                return j + 1 < end && !next.Is("FUNCTION") && !next.Is("PROCEDURE") && !next.Is("AS") &&
                    !string.Equals(verb, "CREATE", StringComparison.OrdinalIgnoreCase);
            default:
                return false;
        }
    }

    /// <summary>CREATE [OR REPLACE | OR ALTER] / ALTER of a FUNCTION, PROCEDURE or TRIGGER.</summary>
    private static bool IsRoutineStart(ImmutableArray<SqlToken> tokens, int start, int end)
    {
        if (!tokens[start].Is("CREATE") && !tokens[start].Is("ALTER"))
        {
            return false;
        }

        var i = start + 1;
        if (i < end && tokens[i].Is("OR"))
        {
            i += 2;
        }

        return i < end && tokens[i].IsIn(SqlKeywords.Routines);
    }

    /// <summary>
    /// PostgreSQL routines quote their body (<c>AS $$…$$</c>, <c>AS '…'</c>) or call one
    /// (<c>EXECUTE FUNCTION f()</c>): they end at the <c>;</c>. T-SQL ones run to the end of the batch.
    /// </summary>
    private static bool HasQuotedBody(ImmutableArray<SqlToken> tokens, int start, int end)
    {
        for (var i = start; i < end; i++)
        {
            if (tokens[i].Kind == SqlTokenKind.DollarString ||
                (tokens[i].Is("AS") && i + 1 < end && tokens[i + 1].Kind == SqlTokenKind.String) ||
                (tokens[i].Is("EXECUTE") && i + 1 < end && (tokens[i + 1].Is("FUNCTION") || tokens[i + 1].Is("PROCEDURE"))))
            {
                return true;
            }
        }

        return false;
    }

    private static SqlStatement Classify(ImmutableArray<SqlToken> tokens, int nesting, bool isRoutine)
    {
        if (tokens.IsEmpty || tokens[0].Kind != SqlTokenKind.Word)
        {
            return new SqlStatement(tokens, string.Empty, SqlStatementKind.Other);
        }

        var verbIndex = 0;
        var keyword = tokens[0].Value.ToUpperInvariant();
        var cteNames = ImmutableArray<SqlName>.Empty;
        if (keyword == "WITH")
        {
            verbIndex = FindCteMainVerb(tokens, out cteNames);
            if (verbIndex < 0)
            {
                return new SqlStatement(tokens, keyword, SqlStatementKind.Other);
            }

            keyword = tokens[verbIndex].Value.ToUpperInvariant();
        }

        switch (keyword)
        {
            case "CREATE":
            case "ALTER":
            case "DROP":
                return ReadDdl(tokens, keyword, isRoutine);
            case "TRUNCATE":
                var truncate = new SqlStatement(tokens, keyword, SqlStatementKind.Ddl) { ObjectKind = SqlObjectKind.Table };
                var k = Skip(tokens, 1, "TABLE");
                truncate.Targets = ReadNames(tokens, Skip(tokens, k, "ONLY"), many: true);
                return truncate;
            case "RENAME":
                return new SqlStatement(tokens, keyword, SqlStatementKind.Ddl) { ObjectKind = ObjectKindOf(tokens, 1) };
            case "COMMENT":
                var on = IndexOf(tokens, 1, "ON");
                return new SqlStatement(tokens, keyword, SqlStatementKind.Ddl) { ObjectKind = on < 0 ? SqlObjectKind.Other : ObjectKindOf(tokens, on + 1) };
            case "EXEC":
            case "EXECUTE":
                // EXEC sp_rename 'dbo.T.Old', 'New', 'COLUMN' is how T-SQL renames.
                var isRename = ReadName(tokens, 1, out _)?.Name?.Equals("sp_rename", StringComparison.OrdinalIgnoreCase) == true;
                return new SqlStatement(tokens, keyword, isRename ? SqlStatementKind.Ddl : SqlStatementKind.Other) { ObjectKind = isRename ? SqlObjectKind.Other : SqlObjectKind.None };
            case "DO":
                return ReadDo(tokens, nesting);
            case "SELECT":
                return new SqlStatement(tokens, keyword, SqlStatementKind.Select) { Sources = ReadSources(tokens, verbIndex) };
            case "INSERT":
            case "MERGE":
                var insert = new SqlStatement(tokens, keyword, keyword == "INSERT" ? SqlStatementKind.Insert : SqlStatementKind.Merge);
                var target = ReadName(tokens, Skip(tokens, SkipTop(tokens, verbIndex + 1), "INTO"), out var afterTarget);
                insert.Targets = target is null ? ImmutableArray<SqlName>.Empty : ImmutableArray.Create(target);
                insert.Sources = ReadSources(tokens, afterTarget);
                return insert;
            case "UPDATE":
                return ReadUpdate(tokens, verbIndex);
            case "DELETE":
                return ReadDelete(tokens, verbIndex, cteNames);
            default:
                return new SqlStatement(tokens, keyword, SqlStatementKind.Other);
        }
    }

    private static SqlStatement ReadDdl(ImmutableArray<SqlToken> tokens, string keyword, bool isRoutine)
    {
        var statement = new SqlStatement(tokens, keyword, SqlStatementKind.Ddl) { IsRoutineDefinition = isRoutine };
        var i = 1;
        while (i < tokens.Length && tokens[i].IsIn(SqlKeywords.ObjectModifiers))
        {
            statement.IsTemporary |= tokens[i].IsIn(SqlKeywords.Temporary);
            i++;
        }

        statement.ObjectKind = ObjectKindOf(tokens, i);
        i = Skip(tokens, SkipIfExists(tokens, Skip(tokens, i + 1, "CONCURRENTLY")), "ONLY");
        var many = keyword == "DROP";
        statement.Targets = ReadNames(tokens, i, many);
        ReadName(tokens, i, out var afterName);
        if (keyword == "ALTER" && statement.ObjectKind == SqlObjectKind.Table)
        {
            statement.DroppedColumns = ReadDroppedColumns(tokens, afterName);
        }

        if (keyword == "CREATE" && !isRoutine)
        {
            statement.Sources = ReadSources(tokens, afterName);
        }

        return statement;
    }

    private static SqlStatement ReadDo(ImmutableArray<SqlToken> tokens, int nesting)
    {
        var statement = new SqlStatement(tokens, "DO", SqlStatementKind.Other);
        foreach (var token in tokens)
        {
            if (token.Kind is SqlTokenKind.DollarString or SqlTokenKind.String)
            {
                // The body of a DO block runs now: its statements count like top-level ones.
                if (nesting < MaxNesting)
                {
                    statement.Body = ReadScript(token.Value, nesting + 1);
                }

                break;
            }
        }

        return statement;
    }

    private static SqlStatement ReadUpdate(ImmutableArray<SqlToken> tokens, int verbIndex)
    {
        var statement = new SqlStatement(tokens, "UPDATE", SqlStatementKind.Update);
        var target = ReadName(tokens, Skip(tokens, SkipTop(tokens, verbIndex + 1), "ONLY"), out var i);
        statement.Targets = target is null ? ImmutableArray<SqlName>.Empty : ImmutableArray.Create(target);
        var depth = tokens[verbIndex].Depth;
        statement.HasWhere = IndexOfAtDepth(tokens, i, "WHERE", depth) >= 0;
        statement.Sources = ReadSources(tokens, i);
        while (i < tokens.Length && !(tokens[i].Is("SET") && tokens[i].Depth == depth))
        {
            i++;
        }

        var assignments = ImmutableArray.CreateBuilder<SqlAssignment>();
        i++;
        while (i < tokens.Length && !(tokens[i].IsIn(SqlKeywords.ClauseEnds) && tokens[i].Depth == depth))
        {
            var end = i;
            while (end < tokens.Length && !(tokens[end].Depth == depth && (tokens[end].Kind == SqlTokenKind.Comma || tokens[end].IsIn(SqlKeywords.ClauseEnds))))
            {
                end++;
            }

            if (ReadName(tokens, i, out var afterColumn) is { } column && afterColumn < end && tokens[afterColumn].Text == "=")
            {
                assignments.Add(new SqlAssignment(column, Slice(tokens, afterColumn + 1, end)));
            }

            i = end < tokens.Length && tokens[end].Kind == SqlTokenKind.Comma ? end + 1 : end;
        }

        statement.Assignments = assignments.ToImmutable();
        return statement;
    }

    private static SqlStatement ReadDelete(ImmutableArray<SqlToken> tokens, int verbIndex, ImmutableArray<SqlName> cteNames)
    {
        var statement = new SqlStatement(tokens, "DELETE", SqlStatementKind.Delete);
        var i = Skip(tokens, Skip(tokens, SkipTop(tokens, verbIndex + 1), "FROM"), "ONLY");
        var target = ReadName(tokens, i, out i);
        statement.Targets = target is null ? ImmutableArray<SqlName>.Empty : ImmutableArray.Create(target);
        var depth = tokens[verbIndex].Depth;
        statement.HasWhere = IndexOfAtDepth(tokens, i, "WHERE", depth) >= 0;
        statement.Sources = ReadSources(tokens, i);
        var joins = IndexOfAtDepth(tokens, i, "JOIN", depth) >= 0;
        var onCte = target is not null && cteNames.Any(cte => target.Matches(cte));
        statement.DeletesAllRows = target is not null && !statement.HasWhere && !joins && !onCte;
        return statement;
    }

    /// <summary>ALTER TABLE actions, comma-separated: <c>DROP [COLUMN] [IF EXISTS] c</c>, and T-SQL's <c>DROP COLUMN a, b</c>.</summary>
    private static ImmutableArray<SqlDroppedColumn> ReadDroppedColumns(ImmutableArray<SqlToken> tokens, int start)
    {
        var result = ImmutableArray.CreateBuilder<SqlDroppedColumn>();
        if (start >= tokens.Length)
        {
            return result.ToImmutable();
        }

        var depth = tokens[0].Depth;
        var inDropColumn = false;
        var i = start < tokens.Length && tokens[start].Text == "*" ? start + 1 : start;
        while (i < tokens.Length)
        {
            var actionEnd = i;
            while (actionEnd < tokens.Length && !(tokens[actionEnd].Kind == SqlTokenKind.Comma && tokens[actionEnd].Depth == depth))
            {
                actionEnd++;
            }

            var first = tokens[i];
            if (first.Is("DROP") && i + 1 < actionEnd)
            {
                var what = tokens[i + 1];
                inDropColumn = what.Is("COLUMN");
                if (inDropColumn || !what.IsIn(SqlKeywords.NonColumnDrops))
                {
                    var at = SkipIfExists(tokens, inDropColumn ? i + 2 : i + 1);
                    if (ReadName(tokens, at, out _) is { } column)
                    {
                        result.Add(new SqlDroppedColumn(column, isBare: !inDropColumn));
                    }
                }
            }
            else if (first.Is("COLUMN") || (inDropColumn && first.IsIdentifierLike && !first.IsIn(SqlKeywords.AlterTableActions)))
            {
                // T-SQL: DROP COLUMN a, b  /  DROP COLUMN a, COLUMN b
                inDropColumn = true;
                if (ReadName(tokens, SkipIfExists(tokens, first.Is("COLUMN") ? i + 1 : i), out _) is { } column)
                {
                    result.Add(new SqlDroppedColumn(column, isBare: false));
                }
            }
            else
            {
                inDropColumn = false;
            }

            i = actionEnd + 1;
        }

        return result.ToImmutable();
    }

    /// <summary>WITH a AS (…), b AS (…) VERB: the index of VERB (after a closing parenthesis), and the CTE names.</summary>
    private static int FindCteMainVerb(ImmutableArray<SqlToken> tokens, out ImmutableArray<SqlName> names)
    {
        var builder = ImmutableArray.CreateBuilder<SqlName>();
        var depth = tokens[0].Depth;
        var expectName = true;
        for (var i = 1; i < tokens.Length; i++)
        {
            var token = tokens[i];
            if (token.Depth != depth)
            {
                continue;
            }

            if (expectName && token.IsIdentifierLike && !token.Is("RECURSIVE"))
            {
                if (ReadName(tokens, i, out _) is { } name)
                {
                    builder.Add(name);
                }

                expectName = false;
            }
            else if (token.Kind == SqlTokenKind.Comma)
            {
                expectName = true;
            }
            else if (token.IsIn(SqlKeywords.RowVerbs) && tokens[i - 1].Kind == SqlTokenKind.CloseParen)
            {
                names = builder.ToImmutable();
                return i;
            }
        }

        names = builder.ToImmutable();
        return -1;
    }

    private static ImmutableArray<SqlName> ReadNames(ImmutableArray<SqlToken> tokens, int i, bool many)
    {
        var names = ImmutableArray.CreateBuilder<SqlName>();
        while (ReadName(tokens, i, out var next) is { } name)
        {
            names.Add(name);
            if (!many || next >= tokens.Length || tokens[next].Kind != SqlTokenKind.Comma)
            {
                break;
            }

            i = next + 1;
        }

        return names.ToImmutable();
    }

    /// <summary>Names after FROM / JOIN / USING (any depth) from <paramref name="start"/> on.</summary>
    private static ImmutableArray<SqlName> ReadSources(ImmutableArray<SqlToken> tokens, int start)
    {
        var sources = ImmutableArray.CreateBuilder<SqlName>();
        for (var i = Math.Max(start, 0); i < tokens.Length; i++)
        {
            if ((tokens[i].Is("FROM") || tokens[i].Is("JOIN") || tokens[i].Is("USING")) &&
                Skip(tokens, i + 1, "ONLY") is var at && ReadName(tokens, at, out _) is { } name)
            {
                sources.Add(name);
            }
        }

        return sources.ToImmutable();
    }

    private static SqlObjectKind ObjectKindOf(ImmutableArray<SqlToken> tokens, int i)
    {
        if (i >= tokens.Length || tokens[i].Kind != SqlTokenKind.Word)
        {
            return SqlObjectKind.Other;
        }

        return tokens[i].Value.ToUpperInvariant() switch
        {
            "TABLE" => SqlObjectKind.Table,
            "COLUMN" => SqlObjectKind.Column,
            "SCHEMA" => SqlObjectKind.Schema,
            "DATABASE" => SqlObjectKind.Database,
            "VIEW" => SqlObjectKind.View,
            "INDEX" => SqlObjectKind.Index,
            "SEQUENCE" => SqlObjectKind.Sequence,
            "FUNCTION" => SqlObjectKind.Function,
            "PROCEDURE" or "PROC" => SqlObjectKind.Procedure,
            "TRIGGER" => SqlObjectKind.Trigger,
            "TYPE" or "DOMAIN" => SqlObjectKind.Type,
            "CONSTRAINT" => SqlObjectKind.Constraint,
            "EXTENSION" => SqlObjectKind.Extension,
            _ => SqlObjectKind.Other,
        };
    }

    internal static int Skip(ImmutableArray<SqlToken> tokens, int i, string word) =>
        i < tokens.Length && tokens[i].Is(word) ? i + 1 : i;

    /// <summary>IF EXISTS / IF NOT EXISTS.</summary>
    internal static int SkipIfExists(ImmutableArray<SqlToken> tokens, int i) =>
        i < tokens.Length && tokens[i].Is("IF") ? Skip(tokens, Skip(tokens, i + 1, "NOT"), "EXISTS") : i;

    /// <summary>T-SQL TOP (n) [PERCENT].</summary>
    private static int SkipTop(ImmutableArray<SqlToken> tokens, int i)
    {
        if (i >= tokens.Length || !tokens[i].Is("TOP"))
        {
            return i;
        }

        i++;
        if (i < tokens.Length && tokens[i].Kind == SqlTokenKind.OpenParen)
        {
            var depth = tokens[i].Depth;
            i++;
            while (i < tokens.Length && !(tokens[i].Kind == SqlTokenKind.CloseParen && tokens[i].Depth == depth))
            {
                i++;
            }
        }

        return Skip(tokens, i + 1, "PERCENT");
    }

    private static int IndexOf(ImmutableArray<SqlToken> tokens, int start, string word)
    {
        for (var i = start; i < tokens.Length; i++)
        {
            if (tokens[i].Is(word))
            {
                return i;
            }
        }

        return -1;
    }

    private static int IndexOfAtDepth(ImmutableArray<SqlToken> tokens, int start, string word, int depth)
    {
        for (var i = Math.Max(start, 0); i < tokens.Length; i++)
        {
            if (tokens[i].Depth == depth && tokens[i].Is(word))
            {
                return i;
            }
        }

        return -1;
    }
}
