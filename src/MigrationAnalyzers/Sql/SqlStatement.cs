using System;
using System.Collections.Immutable;
using System.Text;

namespace MigrationAnalyzers.Sql;

/// <summary>
/// One statement of a SQL script, classified. Read by <see cref="SqlScript.Parse"/>; every property
/// is a fact read from tokens (never from text inside comments, strings or quoted identifiers).
/// </summary>
internal sealed class SqlStatement
{
    internal SqlStatement(ImmutableArray<SqlToken> tokens, string keyword, SqlStatementKind kind)
    {
        Tokens = tokens;
        Keyword = keyword;
        Kind = kind;
    }

    /// <summary>The statement's tokens (no terminating <c>;</c>).</summary>
    public ImmutableArray<SqlToken> Tokens { get; }

    /// <summary>The main verb, upper case (<c>DELETE</c>, <c>DROP</c>, <c>DO</c>…; the verb after a <c>WITH</c> CTE); empty when none.</summary>
    public string Keyword { get; }

    public SqlStatementKind Kind { get; }

    /// <summary>DDL: the object kind (<c>DROP SCHEMA</c> → Schema, <c>TRUNCATE</c> → Table, <c>ALTER TABLE</c> → Table).</summary>
    public SqlObjectKind ObjectKind { get; internal set; }

    /// <summary>
    /// The objects acted on: the dropped/truncated tables or schemas (several for <c>DROP TABLE a, b</c>),
    /// the created/altered object, the INSERT/UPDATE/DELETE target table.
    /// </summary>
    public ImmutableArray<SqlName> Targets { get; internal set; } = ImmutableArray<SqlName>.Empty;

    public SqlName? Target => Targets.IsEmpty ? null : Targets[0];

    /// <summary>Tables read by the statement: names after FROM / JOIN / USING at any depth (a DELETE's own target excluded).</summary>
    public ImmutableArray<SqlName> Sources { get; internal set; } = ImmutableArray<SqlName>.Empty;

    /// <summary>UPDATE / DELETE: a <c>WHERE</c> clause at statement level.</summary>
    public bool HasWhere { get; internal set; }

    /// <summary>
    /// DELETE with no WHERE, no JOIN, no <c>WHERE CURRENT OF</c>, not on one of its own CTEs: every row of
    /// <see cref="Target"/> goes.
    /// </summary>
    public bool DeletesAllRows { get; internal set; }

    /// <summary>ALTER TABLE: the columns of its <c>DROP [COLUMN]</c> actions.</summary>
    public ImmutableArray<SqlDroppedColumn> DroppedColumns { get; internal set; } = ImmutableArray<SqlDroppedColumn>.Empty;

    /// <summary>UPDATE: the <c>column = expression</c> pairs of its SET list.</summary>
    public ImmutableArray<SqlAssignment> Assignments { get; internal set; } = ImmutableArray<SqlAssignment>.Empty;

    /// <summary>CREATE/ALTER of a function, procedure or trigger: its body is a definition, not run now.</summary>
    public bool IsRoutineDefinition { get; internal set; }

    /// <summary>CREATE TEMP TABLE, DROP TEMPORARY TABLE (MySQL): a session-scoped object.</summary>
    public bool IsTemporary { get; internal set; }

    /// <summary>A PostgreSQL <c>DO</c> block: its body parsed as a script (it runs now); null otherwise.</summary>
    public SqlScript? Body { get; internal set; }

    /// <summary>The statement as written, trimmed.</summary>
    public string Text => Tokens.IsEmpty ? string.Empty : Tokens[0].Source.Substring(Tokens[0].Start, Tokens[Tokens.Length - 1].End - Tokens[0].Start);

    /// <summary>For messages: whitespace (comments included) collapsed, cut at <paramref name="maxLength"/> characters with an ellipsis.</summary>
    public string ShortText(int maxLength = 120)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < Tokens.Length; i++)
        {
            if (i > 0 && Tokens[i].Start > Tokens[i - 1].End && NeedsSpace(Tokens[i - 1], Tokens[i]))
            {
                builder.Append(' ');
            }

            builder.Append(Tokens[i].Text);
            if (builder.Length > maxLength)
            {
                break;
            }
        }

        if (builder.Length <= maxLength)
        {
            return builder.ToString();
        }

        return builder.ToString(0, Math.Max(1, maxLength - 1)).TrimEnd() + "…";
    }

    public override string ToString() => $"{Kind} {Keyword}: {ShortText()}";

    private static bool NeedsSpace(SqlToken previous, SqlToken next) =>
        previous.Kind is not (SqlTokenKind.OpenParen or SqlTokenKind.Dot) && next.Kind is not (SqlTokenKind.CloseParen or SqlTokenKind.Comma or SqlTokenKind.Dot);
}

/// <summary>A column dropped by <c>ALTER TABLE … DROP [COLUMN] c</c>.</summary>
internal sealed class SqlDroppedColumn
{
    public SqlDroppedColumn(SqlName name, bool isBare)
    {
        Name = name;
        IsBare = isBare;
    }

    public SqlName Name { get; }

    /// <summary>
    /// Written without the COLUMN keyword (<c>ALTER TABLE t DROP c</c>): a column on PostgreSQL, MySQL and
    /// SQLite, but a constraint on SQL Server.
    /// </summary>
    public bool IsBare { get; }
}

/// <summary>One <c>column = expression</c> of an UPDATE's SET list.</summary>
internal sealed class SqlAssignment
{
    public SqlAssignment(SqlName column, ImmutableArray<SqlToken> value)
    {
        Column = column;
        Value = value;
    }

    /// <summary>The assigned column (a <c>t.c</c> qualifier is kept in <see cref="SqlName.Parts"/>).</summary>
    public SqlName Column { get; }

    /// <summary>The expression's tokens.</summary>
    public ImmutableArray<SqlToken> Value { get; }

    /// <summary>The value is a bare column reference (<c>SET "New" = "Old"</c>, <c>SET New = t.Old</c>): its name; else null.</summary>
    public SqlName? ValueColumn => SqlStatementReader.ReadName(Value, 0, out var next) is { } name && next == Value.Length ? name : null;
}
