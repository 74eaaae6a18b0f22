using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Text;
using MigrationAnalyzers.Configuration;
using K = MigrationAnalyzers.Model.MigrationOperationKind;

namespace MigrationAnalyzers.Sql;

/// <summary>
/// Reads SQL statements as the <c>MigrationBuilder</c> operations they are, so raw SQL takes part in
/// pairing, schema state and the Up-safety rules like the equivalent call (SPEC §3 "Raw SQL is part of
/// the migration"). The common single-statement forms of SQL Server, PostgreSQL, SQLite and MySQL:
/// <list type="bullet">
/// <item><c>ALTER TABLE t ADD [COLUMN] c type …</c>, <c>DROP [COLUMN] c</c>, <c>ALTER [COLUMN] c …</c>,
/// <c>MODIFY</c>/<c>CHANGE</c> (MySQL), <c>ADD [CONSTRAINT n] PRIMARY KEY|UNIQUE|FOREIGN KEY|CHECK …</c>,
/// <c>DROP CONSTRAINT n</c>, <c>RENAME TO n</c>, <c>RENAME [COLUMN] a TO b</c>, <c>SET SCHEMA s</c>;</item>
/// <item><c>CREATE [UNIQUE] INDEX n ON t (…)</c>, <c>DROP INDEX [IF EXISTS] n [ON t]</c>, <c>ALTER INDEX a RENAME TO b</c>;</item>
/// <item><c>CREATE TABLE</c>, <c>DROP TABLE a, b</c>, <c>RENAME TABLE a TO b</c>, <c>EXEC sp_rename …</c>,
/// sequences, <c>COMMENT ON</c>;</item>
/// <item>data: <c>INSERT</c> → InsertData, <c>UPDATE</c> → UpdateData, <c>DELETE</c>/<c>TRUNCATE</c> → DeleteData on the target table.</item>
/// </list>
/// Provider-aware where the dialects differ: a bare <c>ALTER TABLE t DROP x</c> drops a constraint on
/// SQL Server and a column elsewhere; <c>DROP INDEX a.b</c> is table.index on SQL Server and
/// schema.index elsewhere. What it cannot read is reported as <see cref="SqlStatementOperations.Unread"/>
/// or <see cref="SqlStatementOperations.IsOpaque"/>, never guessed. Never throws.
/// </summary>
internal static class SqlOperationReader
{
    private const int MaxNesting = 4;

    private static readonly ImmutableArray<K> AnyConstraintDrop =
        ImmutableArray.Create(K.DropForeignKey, K.DropPrimaryKey, K.DropUniqueConstraint, K.DropCheckConstraint);

    private static readonly ImmutableArray<K> ColumnOrConstraintDrop =
        ImmutableArray.Create(K.DropColumn, K.DropForeignKey, K.DropPrimaryKey, K.DropUniqueConstraint, K.DropCheckConstraint);

    /// <summary>Words that end a column's type and begin its constraints.</summary>
    private static readonly ISet<string> ColumnConstraintWords = Set(
        "NOT", "NULL", "DEFAULT", "CONSTRAINT", "PRIMARY", "UNIQUE", "REFERENCES", "CHECK", "COLLATE", "IDENTITY",
        "GENERATED", "AUTO_INCREMENT", "AUTOINCREMENT", "AS", "ON", "COMMENT", "SPARSE", "ROWGUIDCOL", "FILESTREAM",
        "CHARSET", "USING", "FIRST", "AFTER", "WITH", "MASKED", "ENCRYPTED", "INVISIBLE", "VISIBLE", "STORAGE", "COMPRESSION");

    /// <summary>ALTER TABLE actions that change nothing a migration operation describes (triggers, checking, ownership).</summary>
    private static readonly ISet<string> NeutralActions = Set("ENABLE", "DISABLE", "OWNER", "NOCHECK", "CHECK", "VALIDATE", "REPLICA", "CLUSTER");

    /// <summary>Every statement of <paramref name="script"/> that runs now (a routine's body does not), read in order.</summary>
    public static ImmutableArray<SqlStatementOperations> Read(SqlScript script, DatabaseProvider provider) =>
        Read(script, provider, nesting: 0);

    /// <summary>The operations of one statement.</summary>
    public static SqlStatementOperations Read(SqlStatement statement, DatabaseProvider provider) =>
        Read(statement, provider, nesting: 0);

    private static ImmutableArray<SqlStatementOperations> Read(SqlScript script, DatabaseProvider provider, int nesting)
    {
        var result = ImmutableArray.CreateBuilder<SqlStatementOperations>();
        foreach (var statement in script.AllStatements)
        {
            if (!statement.IsRoutineDefinition)
            {
                result.Add(Read(statement, provider, nesting));
            }
        }

        return result.ToImmutable();
    }

    private static SqlStatementOperations Read(SqlStatement statement, DatabaseProvider provider, int nesting)
    {
        var reading = new Reading(statement, provider);
        try
        {
            reading.Run(nesting);
        }
        catch (Exception exception) when (exception is IndexOutOfRangeException or ArgumentException or InvalidOperationException)
        {
            // Unusual token sequences must never break a rule: what was not read is opaque.
            reading.Opaque = true;
        }

        return reading.ToResult();
    }

    private static ISet<string> Set(params string[] words) => new HashSet<string>(words, StringComparer.OrdinalIgnoreCase);

    /// <summary>The reading of one statement: a cursor over its tokens and what was found.</summary>
    private sealed class Reading
    {
        private readonly SqlStatement _statement;
        private readonly ImmutableArray<SqlToken> _tokens;
        private readonly DatabaseProvider _provider;
        private readonly ImmutableArray<SqlOperation>.Builder _operations = ImmutableArray.CreateBuilder<SqlOperation>();
        private readonly ImmutableArray<SqlName>.Builder _unread = ImmutableArray.CreateBuilder<SqlName>();
        private readonly List<SqlStatementOperations> _nested = new();

        public Reading(SqlStatement statement, DatabaseProvider provider)
        {
            _statement = statement;
            _tokens = statement.Tokens;
            _provider = provider;
        }

        public bool Opaque { get; set; }

        public SqlStatementOperations ToResult()
        {
            foreach (var nested in _nested)
            {
                _operations.AddRange(nested.Operations);
                _unread.AddRange(nested.Unread);
                Opaque |= nested.IsOpaque;
            }

            return new SqlStatementOperations(_statement, _operations.ToImmutable(), _unread.ToImmutable(), Opaque);
        }

        public void Run(int nesting)
        {
            switch (_statement.Kind)
            {
                case SqlStatementKind.Insert:
                    Data(K.InsertData);
                    return;
                case SqlStatementKind.Update:
                    Data(K.UpdateData);
                    return;
                case SqlStatementKind.Delete:
                    Data(K.DeleteData);
                    return;
                case SqlStatementKind.Merge:
                    if (_statement.Target is { } merged)
                    {
                        Add(ImmutableArray.Create(K.InsertData, K.UpdateData, K.DeleteData), merged);
                    }

                    return;
                case SqlStatementKind.Ddl:
                    if (!_statement.IsRoutineDefinition)
                    {
                        Ddl();
                    }

                    return;
                case SqlStatementKind.Other:
                    Other(nesting);
                    return;
            }
        }

        private void Data(K kind)
        {
            // Rows are not schema: a data statement whose target is not read changes no table state.
            if (_statement.Target is { IsTemporary: false } target)
            {
                Add(ImmutableArray.Create(kind), target);
            }
        }

        private void Ddl()
        {
            switch (_statement.Keyword)
            {
                case "CREATE":
                    Create();
                    break;
                case "ALTER":
                    Alter();
                    break;
                case "DROP":
                    Drop();
                    break;
                case "TRUNCATE":
                    foreach (var table in _statement.Targets)
                    {
                        Add(ImmutableArray.Create(K.DeleteData), table);
                    }

                    break;
                case "RENAME":
                    RenameTables();
                    break;
                case "COMMENT":
                    Comment();
                    break;
                case "EXEC":
                case "EXECUTE":
                    SpRename();
                    break;
                default:
                    Opaque = true;
                    break;
            }
        }

        private void Create()
        {
            switch (_statement.ObjectKind)
            {
                case SqlObjectKind.Table:
                    if (!_statement.IsTemporary && Known(_statement.Target) is { } table)
                    {
                        var operation = Add(ImmutableArray.Create(K.CreateTable), table);
                        var open = IndexOfKind(FindWord("TABLE") + 1, SqlTokenKind.OpenParen);
                        operation.Columns = open < 0 ? ImmutableArray<string>.Empty : TableColumnNames(open);
                    }

                    break;
                case SqlObjectKind.Index:
                    CreateIndex();
                    break;
                case SqlObjectKind.Sequence:
                    Named(K.CreateSequence);
                    break;
                case SqlObjectKind.Schema:
                    Named(K.EnsureSchema);
                    break;
            }
        }

        private void Alter()
        {
            switch (_statement.ObjectKind)
            {
                case SqlObjectKind.Table:
                    AlterTable();
                    break;
                case SqlObjectKind.Index:
                    // ALTER INDEX [IF EXISTS] a RENAME TO b (PostgreSQL); REBUILD, SET (…) change no definition.
                    var i = SqlStatementReader.SkipIfExists(_tokens, 2);
                    if (SqlStatementReader.ReadName(_tokens, i, out var next) is { } index && At(next, "RENAME") && At(next + 1, "TO") &&
                        SqlStatementReader.ReadName(_tokens, next + 2, out _) is { Name: { } newName })
                    {
                        var operation = Add(ImmutableArray.Create(K.RenameIndex), null);
                        operation.Name = index.Name;
                        operation.IndexSchema = index.Schema;
                        operation.NewName = newName;
                    }

                    break;
                case SqlObjectKind.Sequence:
                    Named(K.AlterSequence);
                    break;
            }
        }

        private void Drop()
        {
            switch (_statement.ObjectKind)
            {
                case SqlObjectKind.Table:
                    foreach (var table in _statement.Targets)
                    {
                        if (!table.IsTemporary && !_statement.IsTemporary)
                        {
                            if (Known(table) is { } known)
                            {
                                Add(ImmutableArray.Create(K.DropTable), known).IsConditional = HasIfExists();
                            }
                        }
                    }

                    break;
                case SqlObjectKind.Index:
                    DropIndex();
                    break;
                case SqlObjectKind.Sequence:
                    Named(K.DropSequence);
                    break;
                case SqlObjectKind.Schema:
                    Named(K.DropSchema);
                    break;
            }
        }

        /// <summary>Sequences and schemas: named objects without a table.</summary>
        private void Named(K kind)
        {
            foreach (var target in _statement.Targets)
            {
                if (target.Name is null)
                {
                    Opaque = true;
                    continue;
                }

                var operation = Add(ImmutableArray.Create(kind), null);
                operation.Name = target.Name;
                operation.IndexSchema = kind is K.EnsureSchema or K.DropSchema ? null : target.Schema;
            }
        }

        /// <summary>CREATE [UNIQUE] [CLUSTERED|NONCLUSTERED] INDEX [CONCURRENTLY] [IF NOT EXISTS] [name] ON [ONLY] t [USING m] (…) [INCLUDE (…)] [WHERE …].</summary>
        private void CreateIndex()
        {
            var unique = false;
            var i = 1;
            while (i < _tokens.Length && !_tokens[i].Is("INDEX"))
            {
                unique |= _tokens[i].Is("UNIQUE");
                i++;
            }

            i++;
            var concurrent = At(i, "CONCURRENTLY");
            i = SqlStatementReader.SkipIfExists(_tokens, concurrent ? i + 1 : i);
            SqlName? name = null;
            if (!At(i, "ON"))
            {
                name = SqlStatementReader.ReadName(_tokens, i, out i);
            }

            if (!At(i, "ON"))
            {
                Opaque = true;
                return;
            }

            var table = SqlStatementReader.ReadName(_tokens, SqlStatementReader.Skip(_tokens, i + 1, "ONLY"), out i);
            if (Known(table) is not { } known)
            {
                return;
            }

            if (At(i, "USING"))
            {
                i += 2;
            }

            var operation = Add(ImmutableArray.Create(K.CreateIndex), known);
            operation.Name = name?.Name;
            operation.IsUnique = unique;
            operation.IsConcurrent = concurrent;
            operation.IsConditional = HasIfExists();
            operation.Columns = i < _tokens.Length && _tokens[i].Kind == SqlTokenKind.OpenParen ? ColumnList(i) : default;
            operation.HasFilter = FindWordAtDepth("WHERE", i) >= 0;
        }

        /// <summary>DROP INDEX [CONCURRENTLY] [IF EXISTS] n [, …] [ON t]; SQL Server's DROP INDEX t.n.</summary>
        private void DropIndex()
        {
            var i = SqlStatementReader.Skip(_tokens, 2, "CONCURRENTLY");
            var conditional = At(i, "IF");
            i = SqlStatementReader.SkipIfExists(_tokens, i);
            var names = new List<SqlName>();
            while (SqlStatementReader.ReadName(_tokens, i, out var next) is { } name)
            {
                names.Add(name);
                i = next;
                if (i < _tokens.Length && _tokens[i].Kind == SqlTokenKind.Comma)
                {
                    i++;
                    continue;
                }

                break;
            }

            SqlName? onTable = null;
            if (At(i, "ON"))
            {
                onTable = SqlStatementReader.ReadName(_tokens, i + 1, out _);
                if (Known(onTable) is null)
                {
                    return;
                }
            }

            foreach (var name in names)
            {
                if (name.Name is null)
                {
                    Opaque = true;
                    continue;
                }

                SqlName? table = onTable;
                string? indexSchema = null;
                if (onTable is null && name.Parts.Length >= 2)
                {
                    if (_provider == DatabaseProvider.SqlServer)
                    {
                        table = Prefix(name);
                    }
                    else if (_provider != DatabaseProvider.Unknown || name.Parts.Length >= 3)
                    {
                        indexSchema = name.Schema;
                    }
                }

                var operation = Add(ImmutableArray.Create(K.DropIndex), table);
                operation.Name = name.Name;
                operation.IndexSchema = indexSchema;
                operation.IsConditional = conditional;
            }
        }

        private void AlterTable()
        {
            var i = SqlStatementReader.Skip(_tokens, SqlStatementReader.SkipIfExists(_tokens, 2), "ONLY");
            var table = SqlStatementReader.ReadName(_tokens, i, out i);
            if (Known(table) is not { } known)
            {
                return;
            }

            if (i < _tokens.Length && _tokens[i].Text == "*")
            {
                i++;
            }

            var depth = _tokens[0].Depth;
            var mode = string.Empty;
            while (i < _tokens.Length)
            {
                var end = i;
                while (end < _tokens.Length && !(_tokens[end].Kind == SqlTokenKind.Comma && _tokens[end].Depth == depth))
                {
                    end++;
                }

                mode = Action(known, i, end, mode);
                i = end + 1;
            }
        }

        /// <summary>One comma-separated ALTER TABLE action; returns the mode a T-SQL continuation (<c>ADD a int, b int</c>) carries on.</summary>
        private string Action(SqlName table, int i, int end, string mode)
        {
            if (At(i, "WITH") && (At(i + 1, "CHECK") || At(i + 1, "NOCHECK")))
            {
                i += 2;
            }

            if (i >= end)
            {
                Unread(table);
                return string.Empty;
            }

            var first = _tokens[i];
            if (first.Is("ADD"))
            {
                Add(table, i + 1, end);
                return "ADD";
            }

            if (first.Is("DROP"))
            {
                return DropAction(table, i + 1, end);
            }

            if (first.Is("ALTER"))
            {
                AlterColumn(table, SqlStatementReader.Skip(_tokens, i + 1, "COLUMN"), end);
                return string.Empty;
            }

            if (first.Is("MODIFY"))
            {
                ColumnDefinition(ImmutableArray.Create(K.AlterColumn), table, SqlStatementReader.Skip(_tokens, i + 1, "COLUMN"), end);
                return string.Empty;
            }

            if (first.Is("CHANGE"))
            {
                Change(table, SqlStatementReader.Skip(_tokens, i + 1, "COLUMN"), end);
                return string.Empty;
            }

            if (first.Is("RENAME"))
            {
                Rename(table, i + 1, end);
                return string.Empty;
            }

            if (first.Is("SET") && At(i + 1, "SCHEMA") && SqlStatementReader.ReadName(_tokens, i + 2, out _) is { Name: { } schema })
            {
                var move = Add(ImmutableArray.Create(K.RenameTable), table);
                move.NewName = table.Name;
                move.NewSchema = schema;
                return string.Empty;
            }

            if (first.IsIn(NeutralActions))
            {
                return string.Empty;
            }

            if (mode == "ADD" && (first.IsIdentifierLike || first.Is("CONSTRAINT")))
            {
                Add(table, i, end);
                return mode;
            }

            if (mode == "DROP COLUMN" && (first.Is("COLUMN") || first.IsIdentifierLike))
            {
                DropColumn(table, SqlStatementReader.Skip(_tokens, i, "COLUMN"));
                return mode;
            }

            Unread(table);
            return string.Empty;
        }

        private void Add(SqlName table, int i, int end)
        {
            if (At(i, "COLUMN"))
            {
                ColumnDefinition(ImmutableArray.Create(K.AddColumn), table, SqlStatementReader.SkipIfExists(_tokens, i + 1), end);
                return;
            }

            if (At(i, "CONSTRAINT") && SqlStatementReader.ReadName(_tokens, i + 1, out var body) is { } name)
            {
                Constraint(table, name.Name, body, end);
                return;
            }

            if (At(i, "PRIMARY") || At(i, "FOREIGN") || At(i, "UNIQUE") || At(i, "CHECK") || At(i, "INDEX") || At(i, "KEY"))
            {
                Constraint(table, null, i, end);
                return;
            }

            if (i < end && _tokens[i].IsIdentifierLike && !_tokens[i].IsIn(SqlKeywords.AlterTableActions) && !_tokens[i].IsIn(SqlKeywords.NonColumnDrops))
            {
                ColumnDefinition(ImmutableArray.Create(K.AddColumn), table, i, end);
                return;
            }

            Unread(table);
        }

        /// <summary>PRIMARY KEY (…), UNIQUE (…), FOREIGN KEY (…) REFERENCES p (…), CHECK (…), DEFAULT x FOR c, MySQL's INDEX n (…).</summary>
        private void Constraint(SqlName table, string? name, int i, int end)
        {
            SqlOperation operation;
            if (At(i, "PRIMARY") && At(i + 1, "KEY"))
            {
                operation = Add(ImmutableArray.Create(K.AddPrimaryKey), table);
                operation.IsUnique = true;
            }
            else if (At(i, "UNIQUE") && (At(i + 1, "INDEX") || At(i + 1, "KEY")) || At(i, "INDEX") || At(i, "KEY"))
            {
                // MySQL: ADD [UNIQUE] INDEX|KEY [n] (…) creates an index.
                operation = Add(ImmutableArray.Create(K.CreateIndex), table);
                operation.IsUnique = At(i, "UNIQUE");
                var at = At(i, "UNIQUE") ? i + 2 : i + 1;
                if (at < end && _tokens[at].IsIdentifierLike)
                {
                    name ??= SqlStatementReader.ReadName(_tokens, at, out _)?.Name;
                }
            }
            else if (At(i, "UNIQUE"))
            {
                operation = Add(ImmutableArray.Create(K.AddUniqueConstraint), table);
                operation.IsUnique = true;
            }
            else if (At(i, "FOREIGN") && At(i + 1, "KEY"))
            {
                operation = Add(ImmutableArray.Create(K.AddForeignKey), table);
                var references = FindWord("REFERENCES", i, end);
                if (references > 0 && SqlStatementReader.ReadName(_tokens, references + 1, out var afterPrincipal) is { } principal)
                {
                    operation.PrincipalTable = principal;
                    operation.PrincipalColumns = afterPrincipal < end && _tokens[afterPrincipal].Kind == SqlTokenKind.OpenParen
                        ? ColumnList(afterPrincipal)
                        : ImmutableArray<string>.Empty;
                }
            }
            else if (At(i, "CHECK"))
            {
                operation = Add(ImmutableArray.Create(K.AddCheckConstraint), table);
            }
            else if (At(i, "DEFAULT") && FindWord("FOR", i, end) is var forIndex && forIndex > 0 &&
                     SqlStatementReader.ReadName(_tokens, forIndex + 1, out _) is { Name: { } column })
            {
                // SQL Server: a default constraint is part of the column's definition.
                operation = Add(ImmutableArray.Create(K.AlterColumn), table);
                operation.Name = column;
                operation.Column = new SqlColumnDefinition { Default = Slice(i + 1, forIndex) };
                return;
            }
            else
            {
                Unread(table);
                return;
            }

            operation.Name = name;
            if (operation.Kind != K.AddCheckConstraint)
            {
                var open = IndexOfKind(i, SqlTokenKind.OpenParen, end);
                operation.Columns = open < 0 ? ImmutableArray<string>.Empty : ColumnList(open);
            }
        }

        private string DropAction(SqlName table, int i, int end)
        {
            if (At(i, "COLUMN"))
            {
                DropColumn(table, i + 1);
                return "DROP COLUMN";
            }

            if (At(i, "CONSTRAINT"))
            {
                DropNamed(AnyConstraintDrop, table, i + 1);
                return string.Empty;
            }

            if (At(i, "PRIMARY") && At(i + 1, "KEY"))
            {
                Add(ImmutableArray.Create(K.DropPrimaryKey), table);
                return string.Empty;
            }

            if (At(i, "FOREIGN") && At(i + 1, "KEY"))
            {
                DropNamed(ImmutableArray.Create(K.DropForeignKey), table, i + 2);
                return string.Empty;
            }

            if (At(i, "INDEX") || At(i, "KEY"))
            {
                DropNamed(ImmutableArray.Create(K.DropIndex), table, i + 1);
                return string.Empty;
            }

            if (At(i, "CHECK"))
            {
                DropNamed(ImmutableArray.Create(K.DropCheckConstraint), table, i + 1);
                return string.Empty;
            }

            if (i < end && _tokens[i].IsIdentifierLike && !_tokens[i].IsIn(SqlKeywords.NonColumnDrops))
            {
                // A bare name: a constraint on SQL Server, a column elsewhere, either when the provider is not known.
                var kinds = _provider switch
                {
                    DatabaseProvider.SqlServer => AnyConstraintDrop,
                    DatabaseProvider.Unknown => ColumnOrConstraintDrop,
                    _ => ImmutableArray.Create(K.DropColumn),
                };
                DropNamed(kinds, table, i);
                return kinds[0] == K.DropColumn ? "DROP COLUMN" : string.Empty;
            }

            Unread(table);
            return string.Empty;
        }

        private void DropColumn(SqlName table, int i) => DropNamed(ImmutableArray.Create(K.DropColumn), table, i);

        private void DropNamed(ImmutableArray<K> kinds, SqlName table, int i)
        {
            var conditional = At(i, "IF");
            if (SqlStatementReader.ReadName(_tokens, SqlStatementReader.SkipIfExists(_tokens, i), out _) is not { Name: { } name })
            {
                Unread(table);
                return;
            }

            var operation = Add(kinds, table);
            operation.Name = name;
            operation.IsConditional = conditional;
        }

        /// <summary>
        /// ALTER [COLUMN] c: PostgreSQL's TYPE / SET DATA TYPE / SET|DROP NOT NULL / SET|DROP DEFAULT, SQL Server's
        /// full redefinition (<c>ALTER COLUMN c nvarchar(100) NOT NULL</c>).
        /// </summary>
        private void AlterColumn(SqlName table, int i, int end)
        {
            if (SqlStatementReader.ReadName(_tokens, i, out var next) is not { Name: { } column })
            {
                Unread(table);
                return;
            }

            var definition = new SqlColumnDefinition();
            if (At(next, "TYPE") || (At(next, "SET") && At(next + 1, "DATA") && At(next + 2, "TYPE")))
            {
                var start = At(next, "TYPE") ? next + 1 : next + 3;
                definition.StoreType = StoreType(start, end, out _);
            }
            else if (At(next, "SET") && At(next + 1, "NOT") && At(next + 2, "NULL"))
            {
                definition.IsNullable = false;
            }
            else if (At(next, "DROP") && At(next + 1, "NOT") && At(next + 2, "NULL"))
            {
                definition.IsNullable = true;
            }
            else if (At(next, "SET") && At(next + 1, "DEFAULT"))
            {
                definition.Default = Slice(next + 2, end);
            }
            else if (At(next, "DROP") && At(next + 1, "DEFAULT"))
            {
                definition.DropsDefault = true;
            }
            else if (next < end && _tokens[next].Kind == SqlTokenKind.Word && !_tokens[next].Is("SET") && !_tokens[next].Is("DROP") &&
                     !_tokens[next].Is("ADD") && !_tokens[next].Is("RESTART") && !_tokens[next].Is("RESET"))
            {
                // SQL Server: the column's whole new definition.
                definition = Definition(next, end);
            }

            var operation = Add(ImmutableArray.Create(K.AlterColumn), table);
            operation.Name = column;
            operation.Column = definition;
        }

        /// <summary>MySQL: CHANGE [COLUMN] old new definition — a rename when the names differ, and a redefinition.</summary>
        private void Change(SqlName table, int i, int end)
        {
            if (SqlStatementReader.ReadName(_tokens, i, out var next) is not { Name: { } oldName } ||
                SqlStatementReader.ReadName(_tokens, next, out var definitionStart) is not { Name: { } newName })
            {
                Unread(table);
                return;
            }

            if (!string.Equals(oldName, newName, StringComparison.OrdinalIgnoreCase))
            {
                var rename = Add(ImmutableArray.Create(K.RenameColumn), table);
                rename.Name = oldName;
                rename.NewName = newName;
            }

            var alter = Add(ImmutableArray.Create(K.AlterColumn), table);
            alter.Name = newName;
            alter.Column = Definition(definitionStart, end);
        }

        /// <summary>RENAME TO n | RENAME AS n | RENAME n (MySQL) | RENAME [COLUMN] a TO b | RENAME INDEX|KEY a TO b.</summary>
        private void Rename(SqlName table, int i, int end)
        {
            if (At(i, "TO") || At(i, "AS"))
            {
                RenameTable(table, i + 1);
                return;
            }

            var kind = At(i, "INDEX") || At(i, "KEY") ? K.RenameIndex : K.RenameColumn;
            if (At(i, "CONSTRAINT"))
            {
                Unread(table);
                return;
            }

            var at = kind == K.RenameIndex || At(i, "COLUMN") ? i + 1 : i;
            if (SqlStatementReader.ReadName(_tokens, at, out var next) is not { Name: { } from })
            {
                Unread(table);
                return;
            }

            if (!At(next, "TO"))
            {
                // MySQL: ALTER TABLE t RENAME n.
                if (next == end && kind == K.RenameColumn && at == i)
                {
                    RenameTable(table, i);
                    return;
                }

                Unread(table);
                return;
            }

            if (SqlStatementReader.ReadName(_tokens, next + 1, out _) is not { Name: { } to })
            {
                Unread(table);
                return;
            }

            var operation = Add(ImmutableArray.Create(kind), table);
            operation.Name = from;
            operation.NewName = to;
        }

        private void RenameTable(SqlName table, int i)
        {
            if (SqlStatementReader.ReadName(_tokens, i, out _) is not { Name: { } newName } target)
            {
                Unread(table);
                return;
            }

            var operation = Add(ImmutableArray.Create(K.RenameTable), table);
            operation.NewName = newName;
            operation.NewSchema = target.HasSchema ? target.Schema : null;
        }

        /// <summary>MySQL: RENAME TABLE a TO b [, c TO d].</summary>
        private void RenameTables()
        {
            if (!At(1, "TABLE"))
            {
                Opaque = true;
                return;
            }

            var i = 2;
            while (SqlStatementReader.ReadName(_tokens, i, out var next) is { } from && At(next, "TO"))
            {
                if (Known(from) is not { } known)
                {
                    return;
                }

                RenameTable(known, next + 1);
                SqlStatementReader.ReadName(_tokens, next + 1, out i);
                if (i >= _tokens.Length || _tokens[i].Kind != SqlTokenKind.Comma)
                {
                    return;
                }

                i++;
            }
        }

        /// <summary>COMMENT ON TABLE t / COMMENT ON COLUMN t.c (PostgreSQL): the table's or column's comment.</summary>
        private void Comment()
        {
            var on = FindWord("ON");
            if (on < 0 || SqlStatementReader.ReadName(_tokens, on + 2, out _) is not { } name)
            {
                return;
            }

            if (At(on + 1, "TABLE") && Known(name) is { } table)
            {
                Add(ImmutableArray.Create(K.AlterTable), table);
            }
            else if (At(on + 1, "COLUMN") && name.Parts.Length >= 2 && name.Name is { } column && Known(Prefix(name)) is { } owner)
            {
                Add(ImmutableArray.Create(K.AlterColumn), owner).Name = column;
            }
        }

        /// <summary>EXEC sp_rename 'schema.table[.column|.index]', 'new' [, 'COLUMN' | 'INDEX' | 'OBJECT'] (SQL Server).</summary>
        private void SpRename()
        {
            var arguments = new List<string>();
            foreach (var token in _tokens)
            {
                if (token.Kind == SqlTokenKind.String)
                {
                    arguments.Add(token.Value);
                }
                else if (token.Kind == SqlTokenKind.Placeholder)
                {
                    Opaque = true;
                    return;
                }
            }

            if (arguments.Count < 2 || SqlStatementReader.ReadName(SqlTokenizer.Tokenize(arguments[0]), 0, out _) is not { IsKnown: true } name)
            {
                Opaque = true;
                return;
            }

            var type = arguments.Count > 2 ? arguments[2].Trim().ToUpperInvariant() : "OBJECT";
            var newName = arguments[1].Trim().Trim('[', ']', '"');
            if (type is "COLUMN" or "INDEX")
            {
                if (name.Parts.Length < 2)
                {
                    Opaque = true;
                    return;
                }

                var operation = Add(ImmutableArray.Create(type == "COLUMN" ? K.RenameColumn : K.RenameIndex), Prefix(name));
                operation.Name = name.Name;
                operation.NewName = newName;
                return;
            }

            if (type is "OBJECT")
            {
                // A table, or a constraint: both are "objects" to sp_rename.
                var operation = Add(ImmutableArray.Create(K.RenameTable), name);
                operation.NewName = newName;
                return;
            }

            Opaque = true;
        }

        /// <summary>
        /// Statements that are neither DDL nor rows: control flow, SET, PRINT change nothing; a procedure call may
        /// change anything, except that <c>EXEC('…')</c>, <c>EXEC sp_executesql N'…'</c> and PL/pgSQL's
        /// <c>EXECUTE '…'</c> with one constant string run that string, read here as a script.
        /// </summary>
        private void Other(int nesting)
        {
            if (_statement.Keyword is not ("EXEC" or "EXECUTE" or "CALL"))
            {
                return;
            }

            var strings = new List<SqlToken>();
            foreach (var token in _tokens)
            {
                if (token.Kind is SqlTokenKind.String or SqlTokenKind.DollarString)
                {
                    strings.Add(token);
                }
                else if (token.Kind is SqlTokenKind.Operator or SqlTokenKind.Placeholder || (token.Kind == SqlTokenKind.Word && token.Value.StartsWith("@", StringComparison.Ordinal)))
                {
                    // Concatenated or parameterised dynamic SQL: not a constant.
                    Opaque = true;
                    return;
                }
            }

            var callee = SqlStatementReader.ReadName(_tokens, 1, out _)?.Name;
            var isDynamic = callee is null || string.Equals(callee, "sp_executesql", StringComparison.OrdinalIgnoreCase);
            if (!isDynamic || strings.Count != 1 || nesting >= MaxNesting)
            {
                Opaque = true;
                return;
            }

            _nested.AddRange(SqlOperationReader.Read(SqlScript.Parse(strings[0].Value), _provider, nesting + 1));
        }

        /// <summary>A column definition at <paramref name="i"/>: <c>name type [constraints]</c>.</summary>
        private void ColumnDefinition(ImmutableArray<K> kinds, SqlName table, int i, int end)
        {
            if (SqlStatementReader.ReadName(_tokens, i, out var next) is not { Name: { } column })
            {
                Unread(table);
                return;
            }

            var operation = Add(kinds, table);
            operation.Name = column;
            operation.Column = Definition(next, end);
            operation.IsConditional = At(i - 1, "EXISTS");
        }

        /// <summary>The type and constraints after a column's name.</summary>
        private SqlColumnDefinition Definition(int i, int end)
        {
            var definition = new SqlColumnDefinition { StoreType = StoreType(i, end, out var at) };
            var type = definition.StoreType?.ToLowerInvariant();
            definition.IsIdentity = type is "serial" or "bigserial" or "smallserial" or "serial4" or "serial8" or "serial2";
            var depth = i < _tokens.Length ? _tokens[i].Depth : 0;
            while (at < end)
            {
                var token = _tokens[at];
                if (token.Depth != depth)
                {
                    at++;
                    continue;
                }

                if (token.Is("NOT") && At(at + 1, "NULL"))
                {
                    definition.IsNullable = false;
                    at += 2;
                    continue;
                }

                if (token.Is("NULL"))
                {
                    definition.IsNullable ??= true;
                }
                else if (token.Is("DEFAULT"))
                {
                    var valueEnd = at + 1;
                    while (valueEnd < end && !(_tokens[valueEnd].Depth == depth && valueEnd > at + 1 && _tokens[valueEnd].IsIn(ColumnConstraintWords)))
                    {
                        valueEnd++;
                    }

                    definition.Default = Slice(at + 1, valueEnd);
                    at = valueEnd;
                    continue;
                }
                else if (token.Is("IDENTITY") || token.Is("AUTO_INCREMENT") || token.Is("AUTOINCREMENT"))
                {
                    definition.IsIdentity = true;
                }
                else if (token.Is("GENERATED"))
                {
                    var identity = FindWord("IDENTITY", at, end);
                    definition.IsIdentity |= identity > 0;
                    definition.IsComputed |= identity < 0;
                }
                else if (token.Is("AS") && at + 1 < end && _tokens[at + 1].Kind == SqlTokenKind.OpenParen)
                {
                    definition.IsComputed = true;
                }
                else if (token.Is("PRIMARY") && At(at + 1, "KEY"))
                {
                    definition.IsPrimaryKey = true;
                }

                at++;
            }

            return definition;
        }

        /// <summary>The type's tokens from <paramref name="i"/> up to the first constraint word, as one normalised string.</summary>
        private string? StoreType(int i, int end, out int next)
        {
            var builder = new StringBuilder();
            var depth = i < _tokens.Length ? _tokens[i].Depth : 0;
            next = i;
            while (next < end)
            {
                var token = _tokens[next];
                if (token.Depth == depth && token.Kind is not (SqlTokenKind.OpenParen or SqlTokenKind.CloseParen) &&
                    (token.IsIn(ColumnConstraintWords) || (token.Is("CHARACTER") && At(next + 1, "SET"))))
                {
                    break;
                }

                if (builder.Length > 0 && token.Kind is not (SqlTokenKind.OpenParen or SqlTokenKind.CloseParen or SqlTokenKind.Comma) &&
                    _tokens[next - 1].Kind is not (SqlTokenKind.OpenParen or SqlTokenKind.Comma))
                {
                    builder.Append(' ');
                }

                builder.Append(token.Kind == SqlTokenKind.QuotedIdentifier ? token.Value : token.Text);
                next++;
            }

            return builder.Length == 0 ? null : builder.ToString();
        }

        /// <summary>
        /// The plain column names inside the parentheses at <paramref name="open"/> (<c>(a, "b" DESC)</c>);
        /// default when an element is an expression (<c>lower(a)</c>, a MySQL prefix length).
        /// </summary>
        private ImmutableArray<string> ColumnList(int open)
        {
            var depth = _tokens[open].Depth + 1;
            var columns = ImmutableArray.CreateBuilder<string>();
            var i = open + 1;
            while (i < _tokens.Length && !(_tokens[i].Kind == SqlTokenKind.CloseParen && _tokens[i].Depth == depth - 1))
            {
                if (!_tokens[i].IsIdentifierLike || _tokens[i].Kind == SqlTokenKind.Placeholder)
                {
                    return default;
                }

                columns.Add(_tokens[i].Value);
                i++;

                // ASC, DESC, NULLS FIRST, COLLATE "C", an operator class: words that qualify the column.
                while (i < _tokens.Length && _tokens[i].Kind is SqlTokenKind.Word or SqlTokenKind.QuotedIdentifier && _tokens[i].Depth == depth)
                {
                    i++;
                }

                if (i < _tokens.Length && _tokens[i].Kind == SqlTokenKind.Comma && _tokens[i].Depth == depth)
                {
                    i++;
                }
                else if (!(i < _tokens.Length && _tokens[i].Kind == SqlTokenKind.CloseParen && _tokens[i].Depth == depth - 1))
                {
                    return default;
                }
            }

            return columns.ToImmutable();
        }

        /// <summary>The column names of a CREATE TABLE body (table constraints skipped).</summary>
        private ImmutableArray<string> TableColumnNames(int open)
        {
            var depth = _tokens[open].Depth + 1;
            var names = ImmutableArray.CreateBuilder<string>();
            var expectName = true;
            for (var i = open + 1; i < _tokens.Length && !(_tokens[i].Kind == SqlTokenKind.CloseParen && _tokens[i].Depth == depth - 1); i++)
            {
                var token = _tokens[i];
                if (token.Depth != depth)
                {
                    continue;
                }

                if (expectName && token.IsIdentifierLike &&
                    !(token.Is("CONSTRAINT") || token.Is("PRIMARY") || token.Is("FOREIGN") || token.Is("UNIQUE") || token.Is("CHECK") || token.Is("INDEX") || token.Is("KEY")))
                {
                    names.Add(token.Value);
                }

                expectName = token.Kind == SqlTokenKind.Comma;
            }

            return names.ToImmutable();
        }

        private SqlOperation Add(ImmutableArray<K> kinds, SqlName? table)
        {
            var operation = new SqlOperation(_statement, kinds, table);
            _operations.Add(operation);
            return operation;
        }

        private void Unread(SqlName table) => _unread.Add(table);

        /// <summary>The name when its table part is known; otherwise the statement is opaque (a hole names the table).</summary>
        private SqlName? Known(SqlName? name)
        {
            // $"ALTER TABLE \"{table}\" …": a hole inside a quoted name is a hole too.
            if (name?.Name is null || name.Name.IndexOf('{') >= 0 && name.Name.IndexOf('}') > name.Name.IndexOf('{'))
            {
                Opaque = true;
                return null;
            }

            return name;
        }

        private bool HasIfExists() => FindWord("IF") is var i && i > 0 && (At(i + 1, "EXISTS") || (At(i + 1, "NOT") && At(i + 2, "EXISTS")));

        private bool At(int i, string word) => i >= 0 && i < _tokens.Length && _tokens[i].Is(word);

        private int FindWord(string word, int start = 0, int end = int.MaxValue)
        {
            for (var i = Math.Max(start, 0); i < _tokens.Length && i < end; i++)
            {
                if (_tokens[i].Is(word))
                {
                    return i;
                }
            }

            return -1;
        }

        private int FindWordAtDepth(string word, int start)
        {
            var depth = _tokens.IsEmpty ? 0 : _tokens[0].Depth;
            for (var i = Math.Max(start, 0); i < _tokens.Length; i++)
            {
                if (_tokens[i].Depth == depth && _tokens[i].Is(word))
                {
                    return i;
                }
            }

            return -1;
        }

        private int IndexOfKind(int start, SqlTokenKind kind, int end = int.MaxValue)
        {
            for (var i = Math.Max(start, 0); i < _tokens.Length && i < end; i++)
            {
                if (_tokens[i].Kind == kind)
                {
                    return i;
                }
            }

            return -1;
        }

        private ImmutableArray<SqlToken> Slice(int start, int end) =>
            start >= end || start >= _tokens.Length ? ImmutableArray<SqlToken>.Empty : ImmutableArray.Create(_tokens, start, Math.Min(end, _tokens.Length) - start);

        /// <summary>Every part but the last: the table of <c>t.c</c>, the schema-qualified table of <c>s.t.c</c>.</summary>
        private static SqlName Prefix(SqlName name)
        {
            var parts = name.Parts.RemoveAt(name.Parts.Length - 1);
            var text = name.Text;
            var dot = text.LastIndexOf('.');
            return new SqlName(parts, dot > 0 ? text.Substring(0, dot) : text);
        }
    }
}
