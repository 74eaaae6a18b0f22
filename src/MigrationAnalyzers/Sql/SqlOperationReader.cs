using System;
using System.Collections.Generic;
using System.Collections.Immutable;
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
internal static partial class SqlOperationReader
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
    private sealed partial class Reading
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
    }
}
