using System;
using System.Collections.Generic;
using System.Text;

namespace MigrationAnalyzers.Reversibility;

/// <summary>What a raw <c>Sql(…)</c> does to a database, as far as rollback cares.</summary>
[Flags]
internal enum SqlEffect
{
    None = 0,

    /// <summary>Changes rows that already exist (<c>UPDATE</c>): a backfill needs no inverse.</summary>
    Backfill = 1,

    /// <summary>Adds or removes rows (<c>INSERT</c>, <c>DELETE</c>, <c>MERGE</c>, <c>TRUNCATE</c>).</summary>
    RowChange = 2,

    /// <summary>Changes schema (<c>CREATE</c>, <c>ALTER</c>, <c>DROP</c>, <c>RENAME</c>, <c>sp_rename</c>…).</summary>
    Schema = 4,

    /// <summary>A statement the classifier does not recognise (procedural blocks, <c>WITH</c>, calls).</summary>
    Unknown = 8,
}

/// <summary>
/// A deliberately small SQL classifier for the Reversibility rules: strips comments and quoted
/// text, splits statements on <c>;</c> and reads each one's leading keyword. Private to this folder
/// so the full tokenizer (<c>src/MigrationAnalyzers/Sql/</c>) can replace it without touching the rules.
/// </summary>
internal static class SqlEffects
{
    public static SqlEffect Classify(string sql)
    {
        var effect = SqlEffect.None;
        foreach (var statement in Statements(sql))
        {
            var words = Words(statement, 3);
            if (words.Count == 0)
            {
                continue;
            }

            effect |= words[0] switch
            {
                "CREATE" or "ALTER" or "DROP" or "RENAME" or "COMMENT" => SqlEffect.Schema,
                "INSERT" or "DELETE" or "MERGE" or "TRUNCATE" or "COPY" => SqlEffect.RowChange,
                "UPDATE" => SqlEffect.Backfill,
                "SELECT" or "SET" or "PRINT" or "GO" or "ANALYZE" or "VACUUM" => SqlEffect.None,
                "EXEC" or "EXECUTE" when words.Count > 1 && words[1].EndsWith("SP_RENAME", StringComparison.Ordinal) => SqlEffect.Schema,
                _ => SqlEffect.Unknown,
            };
        }

        return effect;
    }

    /// <summary>Statements with comments removed and string literals / quoted identifiers blanked.</summary>
    private static IEnumerable<string> Statements(string sql)
    {
        var current = new StringBuilder();
        for (var i = 0; i < sql.Length; i++)
        {
            var c = sql[i];
            if (c == '-' && i + 1 < sql.Length && sql[i + 1] == '-')
            {
                while (i < sql.Length && sql[i] != '\n')
                {
                    i++;
                }

                current.Append(' ');
                continue;
            }

            if (c == '/' && i + 1 < sql.Length && sql[i + 1] == '*')
            {
                var end = sql.IndexOf("*/", i + 2, StringComparison.Ordinal);
                i = end < 0 ? sql.Length : end + 1;
                current.Append(' ');
                continue;
            }

            if (c == '$' && DollarTag(sql, i) is { } tag)
            {
                // PostgreSQL dollar quoting ($$…$$, $body$…$body$): a function or DO body is one opaque string.
                var end = sql.IndexOf(tag, i + tag.Length, StringComparison.Ordinal);
                i = end < 0 ? sql.Length : end + tag.Length - 1;
                current.Append(" x ");
                continue;
            }

            if (c is '\'' or '"' or '[' or '`')
            {
                var close = c == '[' ? ']' : c;
                i++;
                while (i < sql.Length && sql[i] != close)
                {
                    i++;
                }

                current.Append(" x ");
                continue;
            }

            if (c == ';')
            {
                yield return current.ToString();
                current.Clear();
                continue;
            }

            current.Append(c);
        }

        yield return current.ToString();
    }

    private static string? DollarTag(string sql, int start)
    {
        var i = start + 1;
        while (i < sql.Length && (char.IsLetterOrDigit(sql[i]) || sql[i] == '_'))
        {
            i++;
        }

        return i < sql.Length && sql[i] == '$' ? sql.Substring(start, i - start + 1) : null;
    }

    private static List<string> Words(string statement, int count)
    {
        var words = new List<string>(count);
        var i = 0;
        while (words.Count < count && i < statement.Length)
        {
            while (i < statement.Length && !IsWordChar(statement[i]))
            {
                i++;
            }

            var start = i;
            while (i < statement.Length && (IsWordChar(statement[i]) || statement[i] == '.'))
            {
                i++;
            }

            if (i > start)
            {
                words.Add(statement.Substring(start, i - start).ToUpperInvariant());
            }
        }

        return words;
    }

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c == '_';
}
