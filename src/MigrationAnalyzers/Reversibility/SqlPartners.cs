using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using MigrationAnalyzers.Configuration;
using MigrationAnalyzers.Model;
using MigrationAnalyzers.Sql;
using K = MigrationAnalyzers.Model.MigrationOperationKind;

namespace MigrationAnalyzers.Reversibility;

/// <summary>
/// The <c>Sql</c> of one Up or Down method read as operations (<see cref="SqlOperationReader"/>), so a
/// <c>Sql("ALTER TABLE … DROP COLUMN …")</c> in Down undoes an <c>AddColumn</c> in Up and the other way
/// round. Each SQL operation becomes a <see cref="MigrationOperation"/> of its kind located at its <c>Sql</c>
/// call, with the names spelled as the migration's <c>MigrationBuilder</c> calls spell them (SQL compares
/// names case-insensitively and writes the default schema, <c>dbo</c>/<c>public</c>, that EF leaves out).
/// What the reader could not read makes its table, or everything, unknown.
/// </summary>
internal sealed class SqlPartners
{
    private static readonly ImmutableHashSet<string> DefaultSchemas =
        ImmutableHashSet.Create(StringComparer.OrdinalIgnoreCase, "dbo", "public", "main");

    private readonly HashSet<MigrationOperation> _fromSql = new();

    private SqlPartners()
    {
    }

    /// <summary>The method's operations in order, each <c>Sql</c> replaced by the operations read from it.</summary>
    public ImmutableArray<MigrationOperation> Sequence { get; private set; }

    /// <summary>Tables (lower-case name) whose state a statement changed in a way that was not read.</summary>
    public HashSet<string> UnknownTables { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>A <c>Sql</c> whose text is not known, or a statement that may change any table.</summary>
    public bool IsOpaque { get; private set; }

    public bool IsFromSql(MigrationOperation operation) => _fromSql.Contains(operation);

    /// <summary>Reads the <c>Sql</c> operations of <paramref name="operations"/> (those that run on the provider).</summary>
    public static SqlPartners Read(ImmutableArray<MigrationOperation> operations, DatabaseProvider provider, NameSpelling names)
    {
        var partners = new SqlPartners();
        var sequence = ImmutableArray.CreateBuilder<MigrationOperation>(operations.Length);
        foreach (var operation in operations)
        {
            if (operation.Kind != K.Sql)
            {
                sequence.Add(operation);
                continue;
            }

            if (SqlScript.For(operation) is not { } script)
            {
                partners.IsOpaque = true;
                continue;
            }

            // A Sql inside `if (ActiveProvider == …)` is written in that provider's dialect.
            var dialect = operation.Condition.Providers.Length == 1 ? operation.Condition.Providers[0] : provider;
            foreach (var statement in SqlOperationReader.Read(script, dialect))
            {
                partners.IsOpaque |= statement.IsOpaque;
                foreach (var table in statement.Unread)
                {
                    if (table.Name is { } name)
                    {
                        partners.UnknownTables.Add(name);
                    }
                }

                foreach (var read in statement.Operations)
                {
                    foreach (var kind in read.Kinds)
                    {
                        var converted = Convert(operation, read, kind, names);
                        partners._fromSql.Add(converted);
                        sequence.Add(converted);
                    }
                }
            }
        }

        partners.Sequence = sequence.ToImmutable();
        return partners;
    }

    private static MigrationOperation Convert(MigrationOperation sql, SqlOperation read, K kind, NameSpelling names)
    {
        var arguments = ImmutableDictionary.CreateBuilder<string, ArgumentValue>();
        var table = read.TableName is { } tableName ? names.Table(tableName) : null;
        var name = read.Name is { } objectName ? names.Object(objectName) : null;
        string? schema;
        if (table is null && name is not null && names.TableOfIndex(name) is { } indexTable)
        {
            // DROP INDEX ix (PostgreSQL, SQLite) names no table: the migration's own calls do.
            table = indexTable.Table;
            schema = indexTable.Schema;
        }
        else
        {
            schema = names.Schema(table, read.Schema);
        }

        if (kind is K.CreateTable or K.DropTable or K.RenameTable or K.AlterTable)
        {
            Set(arguments, "name", table);
        }
        else
        {
            Set(arguments, "table", table);
            Set(arguments, "name", kind is K.EnsureSchema or K.DropSchema ? read.Name : name);
        }

        Set(arguments, "schema", schema);
        if (read.NewName is { } newName)
        {
            Set(arguments, "newName", kind == K.RenameTable ? names.Table(newName) : names.Object(newName));
            Set(arguments, "newSchema", read.NewSchema is { } newSchema ? names.Schema(names.Table(newName), newSchema) : schema);
        }

        if (!read.Columns.IsDefaultOrEmpty)
        {
            var columns = ImmutableArray.CreateBuilder<ArgumentValue>(read.Columns.Length);
            foreach (var column in read.Columns)
            {
                columns.Add(new ArgumentValue(ArgumentValueKind.Constant, names.Object(column), null));
            }

            arguments["columns"] = new ArgumentValue(ArgumentValueKind.Array, null, null, columns.MoveToImmutable());
        }

        if (kind == K.CreateIndex)
        {
            arguments["unique"] = new ArgumentValue(ArgumentValueKind.Constant, read.IsUnique, null);
        }

        return new MigrationOperation(
            kind, "Sql", sql.Syntax, sql.StatementExpression, arguments.ToImmutable(), null,
            ImmutableArray<Annotation>.Empty, sql.Condition, sql.InLoop, sql.FromHelper);
    }

    private static void Set(ImmutableDictionary<string, ArgumentValue>.Builder arguments, string parameter, string? value)
    {
        if (value is not null)
        {
            arguments[parameter] = new ArgumentValue(ArgumentValueKind.Constant, value, null);
        }
    }

    /// <summary>
    /// How the migration's <c>MigrationBuilder</c> calls spell names: SQL's <c>posts</c>, <c>[Posts]</c> and
    /// <c>dbo.Posts</c> are EF's <c>"Posts"</c> without a schema when the calls say so.
    /// </summary>
    internal sealed class NameSpelling
    {
        private readonly Dictionary<string, string> _tables = new(StringComparer.OrdinalIgnoreCase);
        private readonly Dictionary<string, string> _objects = new(StringComparer.OrdinalIgnoreCase);
        private readonly Dictionary<string, HashSet<string?>> _schemas = new(StringComparer.OrdinalIgnoreCase);
        private readonly Dictionary<string, (string? Schema, string Table)> _indexTables = new(StringComparer.OrdinalIgnoreCase);

        public NameSpelling(IEnumerable<MigrationOperation> operations)
        {
            foreach (var operation in operations)
            {
                Learn(operation);
                foreach (var constraint in operation.Constraints)
                {
                    Learn(constraint);
                }
            }
        }

        public string Table(string name) => _tables.TryGetValue(name, out var spelled) ? spelled : name;

        public string Object(string name) => _objects.TryGetValue(name, out var spelled) ? spelled : name;

        public (string? Schema, string Table)? TableOfIndex(string index) =>
            _indexTables.TryGetValue(index, out var table) ? table : null;

        /// <summary>The schema the calls give <paramref name="table"/> when SQL's is unstated, the default one, or the same.</summary>
        public string? Schema(string? table, string? written)
        {
            if (table is null || !_schemas.TryGetValue(table, out var known) || known.Count != 1)
            {
                return written is not null && DefaultSchemas.Contains(written) ? null : written;
            }

            foreach (var schema in known)
            {
                if (written is null || DefaultSchemas.Contains(written) || string.Equals(schema, written, StringComparison.OrdinalIgnoreCase))
                {
                    return schema;
                }
            }

            return written;
        }

        private void Learn(MigrationOperation operation)
        {
            if (operation.Table is { } table)
            {
                _tables[table] = table;
                if (!_schemas.TryGetValue(table, out var schemas))
                {
                    schemas = new HashSet<string?>();
                    _schemas[table] = schemas;
                }

                schemas.Add(string.IsNullOrEmpty(operation.Schema) ? null : operation.Schema);
                if (operation.Kind is K.CreateIndex or K.DropIndex or K.RenameIndex && operation.Name is { } index)
                {
                    _indexTables[index] = (operation.Schema, table);
                    if (operation.NewName is { } renamed)
                    {
                        _indexTables[renamed] = (operation.Schema, table);
                    }
                }
            }

            if (operation.Kind == K.RenameTable && operation.NewName is { } newTable)
            {
                _tables[newTable] = newTable;
            }
            else
            {
                Remember(operation.Name);
                Remember(operation.NewName);
            }

            var columns = operation.Columns;
            if (!columns.IsDefault)
            {
                foreach (var column in columns)
                {
                    Remember(column);
                }
            }

            foreach (var column in operation.TableColumns)
            {
                Remember(column.Name);
            }
        }

        private void Remember(string? name)
        {
            if (name is not null)
            {
                _objects[name] = name;
            }
        }
    }
}
