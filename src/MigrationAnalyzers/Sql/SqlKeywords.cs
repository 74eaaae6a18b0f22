using System;
using System.Collections.Generic;

namespace MigrationAnalyzers.Sql;

/// <summary>The keyword sets the statement reader works with (case-insensitive).</summary>
internal static class SqlKeywords
{
    /// <summary>Words that begin a statement in one of the dialects (T-SQL and PL/pgSQL control flow included).</summary>
    public static readonly ISet<string> StatementVerbs = Set(
        "SELECT", "INSERT", "UPDATE", "DELETE", "MERGE", "CREATE", "ALTER", "DROP", "TRUNCATE", "EXEC", "EXECUTE",
        "DECLARE", "SET", "IF", "WHILE", "BEGIN", "PRINT", "RAISERROR", "RAISE", "THROW", "RETURN", "PERFORM", "FOR",
        "FOREACH", "GRANT", "REVOKE", "DENY", "WITH", "CALL", "COMMIT", "ROLLBACK", "RENAME", "COMMENT", "ANALYZE",
        "VACUUM", "REINDEX", "CLUSTER", "LOCK", "USE", "WAITFOR", "GOTO", "BREAK", "CONTINUE", "EXIT", "DO", "REFRESH");

    /// <summary>After these a new statement starts (BEGIN … END blocks, IF … THEN, ELSE, LOOP).</summary>
    public static readonly ISet<string> BlockOpeners = Set("BEGIN", "THEN", "ELSE", "LOOP");

    /// <summary>Conditional statements whose body (T-SQL: without THEN) starts at the next statement verb.</summary>
    public static readonly ISet<string> Conditionals = Set("IF", "WHILE", "ELSIF", "ELSEIF");

    /// <summary>Statements inside which verbs are privileges, merge actions or the CTE's main statement.</summary>
    public static readonly ISet<string> NoSplitInside = Set("GRANT", "REVOKE", "DENY", "WITH", "MERGE");

    /// <summary>A verb after these words is part of the statement (trigger events, ON DELETE, DO UPDATE…).</summary>
    public static readonly ISet<string> VerbGuards = Set("ON", "BEFORE", "AFTER", "OR", "OF", "FOR", "INSTEAD", "DO", "AND", "TO", "BY", "EACH", "ALSO");

    public static readonly ISet<string> DropObjects = Set(
        "TABLE", "SCHEMA", "DATABASE", "VIEW", "INDEX", "PROCEDURE", "PROC", "FUNCTION", "TRIGGER", "SEQUENCE",
        "TYPE", "MATERIALIZED", "EXTENSION", "SYNONYM", "DOMAIN");

    public static readonly ISet<string> CreateObjects = Set(
        "TABLE", "INDEX", "UNIQUE", "VIEW", "PROCEDURE", "PROC", "FUNCTION", "TRIGGER", "SCHEMA", "SEQUENCE", "TYPE",
        "OR", "CLUSTERED", "NONCLUSTERED", "EXTENSION", "MATERIALIZED", "TEMP", "TEMPORARY", "UNLOGGED", "DOMAIN");

    public static readonly ISet<string> AlterObjects = Set(
        "TABLE", "INDEX", "VIEW", "PROCEDURE", "PROC", "FUNCTION", "SCHEMA", "SEQUENCE", "DATABASE", "TYPE");

    public static readonly ISet<string> Routines = Set("PROCEDURE", "PROC", "FUNCTION", "TRIGGER");

    /// <summary>Words between CREATE/ALTER/DROP and the object kind.</summary>
    public static readonly ISet<string> ObjectModifiers = Set(
        "OR", "REPLACE", "ALTER", "TEMP", "TEMPORARY", "UNLOGGED", "GLOBAL", "LOCAL", "UNIQUE", "CLUSTERED",
        "NONCLUSTERED", "MATERIALIZED", "RECURSIVE");

    public static readonly ISet<string> RowVerbs = Set("SELECT", "INSERT", "UPDATE", "DELETE", "MERGE");

    /// <summary>What can follow <c>ALTER TABLE … DROP</c> other than a column.</summary>
    public static readonly ISet<string> NonColumnDrops = Set(
        "CONSTRAINT", "INDEX", "KEY", "PRIMARY", "FOREIGN", "CHECK", "PERIOD", "SYSTEM", "PARTITION", "DEFAULT",
        "TRIGGER", "ROW", "EXPRESSION", "IDENTITY", "NOT", "UNIQUE", "FULLTEXT", "SPATIAL");

    /// <summary>Where an UPDATE's SET list or a DELETE's target ends.</summary>
    public static readonly ISet<string> ClauseEnds = Set("FROM", "WHERE", "RETURNING", "OUTPUT", "OPTION", "LIMIT", "ORDER");

    /// <summary>Words that begin an ALTER TABLE action (anything else after a comma continues <c>DROP COLUMN a, b</c>).</summary>
    public static readonly ISet<string> AlterTableActions = Set(
        "ADD", "ALTER", "DROP", "RENAME", "SET", "RESET", "ENABLE", "DISABLE", "OWNER", "INHERIT", "NO", "VALIDATE",
        "CLUSTER", "REPLICA", "OF", "NOT", "FORCE", "ATTACH", "DETACH", "WITH", "CHECK", "NOCHECK", "SWITCH", "REBUILD",
        "MODIFY", "CHANGE", "CONSTRAINT", "COLUMN");

    public static readonly ISet<string> Temporary = Set("TEMP", "TEMPORARY");

    private static ISet<string> Set(params string[] words) => new HashSet<string>(words, StringComparer.OrdinalIgnoreCase);
}
