namespace MigrationAnalyzers.Sql;

/// <summary>What a statement does, as far as rules need to know.</summary>
internal enum SqlStatementKind
{
    /// <summary>Anything else: control flow, <c>SET</c>, <c>EXEC</c> of a procedure, <c>DO</c> (see its <c>Body</c>), GRANT…</summary>
    Other,

    /// <summary>Changes schema: CREATE, ALTER, DROP, TRUNCATE, RENAME, COMMENT ON, <c>EXEC sp_rename</c>.</summary>
    Ddl,

    Insert,
    Update,
    Delete,
    Select,
    Merge,
}

/// <summary>The object kind of a DDL statement (<c>DROP TABLE</c> → <see cref="Table"/>).</summary>
internal enum SqlObjectKind
{
    None,
    Table,
    Column,
    Schema,
    Database,
    View,
    Index,
    Sequence,
    Function,
    Procedure,
    Trigger,
    Type,
    Constraint,
    Extension,
    Other,
}
