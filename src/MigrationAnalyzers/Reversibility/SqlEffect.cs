using System;
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

    /// <summary>A statement the classifier does not recognise (procedural blocks, calls).</summary>
    Unknown = 8,
}

/// <summary>
/// The Reversibility rules' view of a SQL text, read through the one SQL reader
/// (<see cref="SqlScript"/>): each top-level statement's kind and verb.
/// </summary>
internal static class SqlEffects
{
    public static SqlEffect Classify(string sql)
    {
        var effect = SqlEffect.None;
        foreach (var statement in SqlScript.Parse(sql).Statements)
        {
            if (statement.Tokens.IsEmpty)
            {
                continue;
            }

            effect |= statement.Kind switch
            {
                SqlStatementKind.Ddl when statement.Keyword == "TRUNCATE" => SqlEffect.RowChange,
                SqlStatementKind.Ddl => SqlEffect.Schema,
                SqlStatementKind.Insert or SqlStatementKind.Delete or SqlStatementKind.Merge => SqlEffect.RowChange,
                SqlStatementKind.Update => SqlEffect.Backfill,
                SqlStatementKind.Select => SqlEffect.None,
                _ => statement.Keyword switch
                {
                    "COPY" => SqlEffect.RowChange,
                    "SET" or "PRINT" or "GO" or "ANALYZE" or "VACUUM" => SqlEffect.None,
                    _ => SqlEffect.Unknown,
                },
            };
        }

        return effect;
    }
}
