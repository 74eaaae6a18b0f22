using System.Collections.Generic;
using MigrationAnalyzers.Model;
using MigrationAnalyzers.Schema;

namespace MigrationAnalyzers.Reversibility;

/// <summary>
/// Names one table carries within a migration: <c>RenameTable(A → B)</c> in Up makes A and B the
/// same table, so Down's <c>RenameIndex(table: "A")</c> can undo Up's <c>RenameIndex(table: "B")</c>.
/// </summary>
internal sealed class TableAliases
{
    private readonly Dictionary<TableKey, TableKey> _parent = new();

    public TableAliases(IEnumerable<MigrationOperation> operations)
    {
        foreach (var operation in operations)
        {
            if (operation.Kind == MigrationOperationKind.RenameTable && operation.Table is { } table && operation.NewName is { } newName)
            {
                // A null newSchema is the default schema to EF and "unchanged" to older code: alias both.
                var from = new TableKey(operation.Schema, table);
                Union(from, new TableKey(operation["newSchema"].AsString(), newName));
                Union(from, new TableKey(operation["newSchema"].AsString() ?? operation.Schema, newName));
            }
        }
    }

    private void Union(TableKey a, TableKey b)
    {
        var rootA = Root(a);
        var rootB = Root(b);
        if (!rootA.Equals(rootB))
        {
            _parent[rootA] = rootB;
        }
    }

    public bool Same(string? schemaA, string? tableA, string? schemaB, string? tableB)
    {
        if (tableA is null || tableB is null)
        {
            return false;
        }

        var a = new TableKey(schemaA, tableA);
        var b = new TableKey(schemaB, tableB);
        return a.Equals(b) || Root(a).Equals(Root(b));
    }

    public bool Same(MigrationOperation a, MigrationOperation b) => Same(a.Schema, a.Table, b.Schema, b.Table);

    private TableKey Root(TableKey key)
    {
        var current = key;
        for (var guard = 0; guard < 64 && _parent.TryGetValue(current, out var next); guard++)
        {
            current = next;
        }

        return current;
    }
}
