using System.Collections.Immutable;
using MigrationAnalyzers.Model;

namespace MigrationAnalyzers.Sql;

/// <summary>
/// One change a SQL statement makes, as the <c>MigrationBuilder</c> call that would make it:
/// <c>ALTER TABLE "Posts" DROP COLUMN "Title"</c> is a <see cref="MigrationOperationKind.DropColumn"/>
/// of <c>Title</c> on <c>Posts</c>. Names are unquoted as written (<c>[x]</c>, <c>"x"</c>, <c>`x`</c>);
/// a part that is an interpolation hole is null. Read by <see cref="SqlOperationReader"/>.
/// </summary>
internal sealed class SqlOperation
{
    internal SqlOperation(SqlStatement statement, ImmutableArray<MigrationOperationKind> kinds, SqlName? table)
    {
        Statement = statement;
        Kinds = kinds;
        Table = table;
    }

    /// <summary>The statement the operation was read from.</summary>
    public SqlStatement Statement { get; }

    /// <summary>The operation kind; the first of <see cref="Kinds"/>.</summary>
    public MigrationOperationKind Kind => Kinds[0];

    /// <summary>
    /// Every kind the statement may be, when SQL does not tell them apart: <c>DROP CONSTRAINT x</c> drops a
    /// primary key, foreign key, unique or check constraint; a bare <c>ALTER TABLE t DROP x</c> of a provider
    /// that is not known is a column or a constraint. One kind for everything else.
    /// </summary>
    public ImmutableArray<MigrationOperationKind> Kinds { get; }

    /// <summary>
    /// The table acted on (for CreateTable/DropTable/RenameTable/AlterTable: the table itself); null when the
    /// SQL does not name it (PostgreSQL's <c>DROP INDEX ix</c>, <c>ALTER INDEX ix RENAME TO …</c>).
    /// </summary>
    public SqlName? Table { get; }

    /// <summary>The table's schema as written (null when not written or a hole).</summary>
    public string? Schema => Table?.Schema ?? IndexSchema;

    /// <summary>The table's name (null when not known).</summary>
    public string? TableName => Table?.Name;

    /// <summary>The column, index, constraint or sequence acted on (null for table operations and unnamed constraints).</summary>
    public string? Name { get; internal set; }

    /// <summary>Renames: the new name (RenameTable: the new table name).</summary>
    public string? NewName { get; internal set; }

    /// <summary>RenameTable moving the table to another schema (<c>ALTER TABLE t SET SCHEMA s</c>): that schema.</summary>
    public string? NewSchema { get; internal set; }

    /// <summary>An index named with a schema but no table (PostgreSQL <c>DROP INDEX s.ix</c>): that schema.</summary>
    public string? IndexSchema { get; internal set; }

    /// <summary>Index and key columns in order; default when an element is an expression, not a column.</summary>
    public ImmutableArray<string> Columns { get; internal set; } = ImmutableArray<string>.Empty;

    /// <summary>CREATE UNIQUE INDEX, and unique constraints and primary keys.</summary>
    public bool IsUnique { get; internal set; }

    /// <summary>CREATE INDEX … WHERE: a filtered (partial) index.</summary>
    public bool HasFilter { get; internal set; }

    /// <summary>CREATE/DROP INDEX CONCURRENTLY (PostgreSQL).</summary>
    public bool IsConcurrent { get; internal set; }

    /// <summary>IF EXISTS / IF NOT EXISTS: the statement is a no-op when the object is (not) there.</summary>
    public bool IsConditional { get; internal set; }

    /// <summary>AddForeignKey: the referenced table and columns.</summary>
    public SqlName? PrincipalTable { get; internal set; }

    public ImmutableArray<string> PrincipalColumns { get; internal set; } = ImmutableArray<string>.Empty;

    /// <summary>AddColumn / AlterColumn: what the statement says of the column's definition.</summary>
    public SqlColumnDefinition? Column { get; internal set; }

    public override string ToString() => $"{Kind} {Name} on {Table?.Text}";
}

/// <summary>
/// A column definition as SQL writes it (<c>"Rating" integer NOT NULL DEFAULT 0</c>), or what an
/// <c>ALTER COLUMN</c> action changes of it (<c>SET NOT NULL</c>: only <see cref="IsNullable"/> is known).
/// </summary>
internal sealed class SqlColumnDefinition
{
    /// <summary>The store type as written (<c>nvarchar(100)</c>, <c>character varying(200)</c>); null when not stated.</summary>
    public string? StoreType { get; internal set; }

    /// <summary>NOT NULL → false, NULL → true; null when the statement does not say (the provider's default applies).</summary>
    public bool? IsNullable { get; internal set; }

    /// <summary>A <c>DEFAULT</c> expression is given (or set); its tokens are in <see cref="Default"/>.</summary>
    public bool HasDefault => !Default.IsDefaultOrEmpty;

    public ImmutableArray<SqlToken> Default { get; internal set; }

    /// <summary><c>DROP DEFAULT</c> (an ALTER COLUMN action).</summary>
    public bool DropsDefault { get; internal set; }

    /// <summary>Computed: <c>AS (…)</c>, <c>GENERATED ALWAYS AS (…)</c>.</summary>
    public bool IsComputed { get; internal set; }

    /// <summary>Identity / auto-increment: <c>IDENTITY</c>, <c>GENERATED … AS IDENTITY</c>, <c>AUTO_INCREMENT</c>, <c>serial</c>.</summary>
    public bool IsIdentity { get; internal set; }

    public bool IsPrimaryKey { get; internal set; }
}

/// <summary>What <see cref="SqlOperationReader"/> read from one statement.</summary>
internal sealed class SqlStatementOperations
{
    internal SqlStatementOperations(SqlStatement statement, ImmutableArray<SqlOperation> operations, ImmutableArray<SqlName> unread, bool isOpaque)
    {
        Statement = statement;
        Operations = operations;
        Unread = unread;
        IsOpaque = isOpaque;
    }

    public SqlStatement Statement { get; }

    /// <summary>The operations, in the order the statement makes them (empty for SELECT, SET, a view, a function…).</summary>
    public ImmutableArray<SqlOperation> Operations { get; }

    /// <summary>
    /// Tables whose schema the statement changes in a way not read into <see cref="Operations"/>
    /// (<c>ALTER TABLE t ENABLE ROW LEVEL SECURITY</c>, a constraint rename, an unknown action): their state is unknown.
    /// </summary>
    public ImmutableArray<SqlName> Unread { get; }

    /// <summary>
    /// The statement may change schema that it does not name: a procedure call (<c>EXEC p</c>,
    /// <c>CALL p()</c>), dynamic SQL that is not a constant, DDL whose table is an interpolation hole.
    /// </summary>
    public bool IsOpaque { get; }

    /// <summary>Every change was read into <see cref="Operations"/>.</summary>
    public bool IsFullyRead => Unread.IsEmpty && !IsOpaque;
}
