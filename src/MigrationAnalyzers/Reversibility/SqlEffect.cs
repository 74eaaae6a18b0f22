using System;
using System.Collections.Generic;
using MigrationAnalyzers.Sql;

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
/// What a <c>Sql(…)</c> does as far as rollback cares, read statement by statement through the one SQL
/// tokenizer (<see cref="SqlScript"/>): comments, strings, quoted identifiers, dollar bodies and
/// T-SQL batches are never mistaken for statements.
/// </summary>
internal static class SqlEffects
{
    /// <summary>Statements that change neither schema nor rows: queries, settings, control flow, maintenance.</summary>
    private static readonly ISet<string> Neutral = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "SELECT", "SET", "PRINT", "DECLARE", "IF", "ELSE", "ELSIF", "ELSEIF", "BEGIN", "END", "WHILE", "ANALYZE", "VACUUM",
        "REINDEX", "COMMIT", "ROLLBACK", "PRAGMA", "USE", "RAISERROR", "RAISE", "THROW", "RETURN", "DO", "LOCK", "WAITFOR",
        "GO", "CHECKPOINT", "SAVEPOINT", "RELEASE", "DISCARD", "RESET", "NOTIFY", "LISTEN",
    };

    public static SqlEffect Classify(string sql) => Classify(SqlScript.Parse(sql));

    public static SqlEffect Classify(SqlScript script)
    {
        var effect = SqlEffect.None;
        foreach (var statement in script.AllStatements)
        {
            effect |= Classify(statement);
        }

        return effect;
    }

    private static SqlEffect Classify(SqlStatement statement)
    {
        // A session's temporary table and EF's own history rows are no schema a rollback restores.
        if (statement.IsTemporary || statement.Target is { } target && (target.IsTemporary || IsHistoryTable(target)))
        {
            return SqlEffect.None;
        }

        return statement.Kind switch
        {
            SqlStatementKind.Ddl => statement.Keyword == "TRUNCATE" ? SqlEffect.RowChange : SqlEffect.Schema,
            SqlStatementKind.Insert or SqlStatementKind.Delete or SqlStatementKind.Merge => SqlEffect.RowChange,
            SqlStatementKind.Update => SqlEffect.Backfill,
            SqlStatementKind.Select => SqlEffect.None,
            _ => statement.Keyword.Length == 0 || Neutral.Contains(statement.Keyword) ? SqlEffect.None : SqlEffect.Unknown,
        };
    }

    /// <summary>EF's <c>__EFMigrationsHistory</c> (or a renamed one, which keeps the prefix by convention).</summary>
    private static bool IsHistoryTable(SqlName table) =>
        table.Name?.StartsWith("__EFMigrationsHistory", StringComparison.OrdinalIgnoreCase) == true;
}
