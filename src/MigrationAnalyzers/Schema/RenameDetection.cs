using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using MigrationAnalyzers.Configuration;
using MigrationAnalyzers.Model;

namespace MigrationAnalyzers.Schema;

/// <summary>
/// The one place that decides whether a drop in Up is really a rename. MIG003/MIG004 report the
/// renames it finds, MIG001/MIG002 stay silent on the same drops (call <see cref="IsRenameDrop"/>),
/// and the code fixes rewrite exactly these pairs. Computed once per migration and provider.
/// <para>
/// Column rename: a <c>DropColumn</c> and an <c>AddColumn</c> on the same table in one Up, the
/// dropped column's definition known (<see cref="RenameSources"/>), the new column able to hold
/// every old value (<see cref="CanHold"/>, the one type service MIG005 uses too), and either it is
/// the only drop and the only add on that table, or the names are clearly similar
/// (<see cref="NameSimilarity"/>). Table rename: a <c>DropTable</c> and a <c>CreateTable</c> whose
/// column names are the same and each compatible.
/// </para>
/// Never a rename (the drop stays MIG001/MIG002, no fix is offered): anything with an unknown
/// name, loops, other providers' branches, a pair whose data an Up <c>Sql</c> already handles
/// (expand/contract copies, <c>INSERT … SELECT</c>), a new column whose name derives a value
/// from the old one (<c>Secret</c> → <c>SecretHash</c>, <see cref="NameSimilarity.IsDerivedName"/>),
/// a new foreign key the old column or table did not have (<see cref="RenameForeignKeys"/>).
/// </summary>
internal sealed class RenameDetection
{
    private readonly Dictionary<MigrationOperation, ColumnRename> _columnsByDrop = new();
    private readonly Dictionary<MigrationOperation, TableRename> _tablesByDrop = new();

    private RenameDetection(DatabaseProvider provider, ImmutableArray<ColumnRename> columns, ImmutableArray<TableRename> tables)
    {
        Provider = provider;
        Columns = columns;
        Tables = tables;
        foreach (var rename in columns)
        {
            _columnsByDrop[rename.Drop] = rename;
        }

        foreach (var rename in tables)
        {
            _tablesByDrop[rename.Drop] = rename;
        }
    }

    public DatabaseProvider Provider { get; }

    /// <summary>Column renames of the migration's Up, in the order of their drops.</summary>
    public ImmutableArray<ColumnRename> Columns { get; }

    /// <summary>Table renames of the migration's Up, in the order of their drops.</summary>
    public ImmutableArray<TableRename> Tables { get; }

    /// <summary>The renames of <paramref name="context"/>'s migration (cached per migration and provider).</summary>
    public static RenameDetection For(MigrationFacts context) =>
        // Which operations may run depends on the provider, hence one detection per provider.
        context.Catalog.Memo(
            (typeof(RenameDetection), context.Migration, context.Provider),
            () => new RenameDetection(context.Provider, FindColumnRenames(context), FindTableRenames(context)));

    /// <summary>The column rename whose <c>DropColumn</c> is <paramref name="dropColumn"/>, or null.</summary>
    public ColumnRename? ColumnRenameOf(MigrationOperation dropColumn) =>
        _columnsByDrop.TryGetValue(dropColumn, out var rename) ? rename : null;

    /// <summary>The table rename whose <c>DropTable</c> is <paramref name="dropTable"/>, or null.</summary>
    public TableRename? TableRenameOf(MigrationOperation dropTable) =>
        _tablesByDrop.TryGetValue(dropTable, out var rename) ? rename : null;

    /// <summary>True when this Up <c>DropColumn</c>/<c>DropTable</c> is half of a rename that MIG003/MIG004 report.</summary>
    public bool IsRenameDrop(MigrationOperation drop) => _columnsByDrop.ContainsKey(drop) || _tablesByDrop.ContainsKey(drop);

    /// <summary>
    /// The new column can hold every value of the old one as the same kind of data
    /// (<see cref="TypeCompatibility.KeepsEveryValue"/>: MIG005 reports no narrowing between
    /// them), nothing computed, no nullable → NOT NULL (existing NULLs).
    /// </summary>
    public static bool CanHold(ColumnDefinition oldColumn, ColumnDefinition newColumn, DatabaseProvider provider)
    {
        if (oldColumn.HasUnknownArguments || newColumn.HasUnknownArguments || oldColumn.ClrType is null || newColumn.ClrType is null ||
            !oldColumn.ComputedColumnSql.IsNull || !newColumn.ComputedColumnSql.IsNull || oldColumn.IsRowVersion != newColumn.IsRowVersion)
        {
            return false;
        }

        if (oldColumn.IsNullable != false && newColumn.IsNullable != true)
        {
            return false;
        }

        return TypeCompatibility.KeepsEveryValue(oldColumn, newColumn, provider);
    }

    private static ImmutableArray<ColumnRename> FindColumnRenames(MigrationFacts context)
    {
        var operations = context.Migration.Up.Operations;
        var byTable = new Dictionary<TableKey, (List<int> Drops, List<int> Adds, bool Unreadable)>();
        var unknownTable = false;
        for (var i = 0; i < operations.Length; i++)
        {
            var operation = operations[i];
            if (operation.Kind is not (MigrationOperationKind.DropColumn or MigrationOperationKind.AddColumn) || !context.MayRun(operation))
            {
                continue;
            }

            if (operation.Table is not { } table)
            {
                unknownTable = true;
                continue;
            }

            var key = new TableKey(operation.Schema, table);
            if (!byTable.TryGetValue(key, out var entry))
            {
                entry = (new List<int>(), new List<int>(), false);
            }

            if (operation.HasUnknownArguments || operation.InLoop || operation.Name is null || operation.Condition.RunsOn(context.Provider) is null ||
                (operation.Kind == MigrationOperationKind.AddColumn && operation.Column is null))
            {
                entry.Unreadable = true;
            }
            else
            {
                (operation.Kind == MigrationOperationKind.DropColumn ? entry.Drops : entry.Adds).Add(i);
            }

            byTable[key] = entry;
        }

        if (unknownTable || context.Migration.Up.HasUnknown)
        {
            return ImmutableArray<ColumnRename>.Empty;
        }

        var sqlOperations = RenameSources.SqlOperations(context);
        var result = new List<ColumnRename>();
        foreach (var entry in byTable.Values)
        {
            if (entry.Unreadable || entry.Drops.Count == 0 || entry.Adds.Count == 0)
            {
                continue;
            }

            var onlyPair = entry.Drops.Count == 1 && entry.Adds.Count == 1;
            var candidates = new List<(int Distance, int Drop, int Add, ColumnDefinition Old)>();
            foreach (var dropIndex in entry.Drops)
            {
                var drop = operations[dropIndex];
                if (RenameSources.OldColumnDefinition(context, drop, dropIndex) is not { } oldDefinition || RenameSources.IsHandledBySql(sqlOperations, drop.Name!, dropIndex))
                {
                    continue;
                }

                foreach (var addIndex in entry.Adds)
                {
                    var add = operations[addIndex];
                    if (add.Name == drop.Name || !CanHold(oldDefinition, add.Column!, context.Provider) || RenameSources.IsRenamedLater(operations, add, addIndex) ||
                        NameSimilarity.IsDerivedName(drop.Name!, add.Name!) ||
                        !RenameForeignKeys.Agree(context, new TableKey(drop.Schema, drop.Table!), drop.Name!, new TableKey(add.Schema, add.Table!), add.Name!))
                    {
                        continue;
                    }

                    if (NameSimilarity.Distance(drop.Name!, add.Name!) is { } distance)
                    {
                        candidates.Add((distance, dropIndex, addIndex, oldDefinition));
                    }
                    else if (onlyPair)
                    {
                        candidates.Add((int.MaxValue, dropIndex, addIndex, oldDefinition));
                    }
                }
            }

            result.AddRange(Match(candidates, operations));
        }

        result.Sort((a, b) => a.DropIndex.CompareTo(b.DropIndex));
        return result.ToImmutableArray();
    }

    /// <summary>Pairs by smallest name distance; a drop or add with two equally good partners stays unpaired.</summary>
    private static IEnumerable<ColumnRename> Match(List<(int Distance, int Drop, int Add, ColumnDefinition Old)> candidates, ImmutableArray<MigrationOperation> operations)
    {
        candidates.Sort((a, b) => a.Distance != b.Distance ? a.Distance.CompareTo(b.Distance) : a.Drop != b.Drop ? a.Drop.CompareTo(b.Drop) : a.Add.CompareTo(b.Add));
        var used = new HashSet<int>();
        foreach (var candidate in candidates)
        {
            if (used.Contains(candidate.Drop) || used.Contains(candidate.Add))
            {
                continue;
            }

            var ambiguous = candidates.Exists(c => c.Distance == candidate.Distance &&
                ((c.Drop == candidate.Drop && c.Add != candidate.Add && !used.Contains(c.Add)) ||
                 (c.Add == candidate.Add && c.Drop != candidate.Drop && !used.Contains(c.Drop))));
            used.Add(candidate.Drop);
            used.Add(candidate.Add);
            if (!ambiguous)
            {
                yield return new ColumnRename(operations[candidate.Drop], candidate.Drop, operations[candidate.Add], candidate.Add, candidate.Old);
            }
        }
    }

    private static ImmutableArray<TableRename> FindTableRenames(MigrationFacts context)
    {
        var operations = context.Migration.Up.Operations;
        if (context.Migration.Up.HasUnknown)
        {
            return ImmutableArray<TableRename>.Empty;
        }

        var sqlOperations = RenameSources.SqlOperations(context);
        var drops = new List<(int Index, ImmutableArray<ColumnDefinition> Columns)>();
        var creates = new List<int>();
        for (var i = 0; i < operations.Length; i++)
        {
            var operation = operations[i];
            if (operation.Kind is not (MigrationOperationKind.DropTable or MigrationOperationKind.CreateTable) || !context.MayRun(operation))
            {
                continue;
            }

            if (operation.Condition.RunsOn(context.Provider) is null || operation.InLoop || operation.HasUnknownArguments || operation.Table is null)
            {
                // A drop or create the model cannot read might be either half of any pair.
                return ImmutableArray<TableRename>.Empty;
            }

            if (RenameSources.IsHandledBySql(sqlOperations, operation.Table, operation.Kind == MigrationOperationKind.DropTable ? i : operations.Length))
            {
                continue;
            }

            if (operation.Kind == MigrationOperationKind.DropTable && RenameSources.OldTableColumns(context, operation, i) is { IsDefault: false } columns)
            {
                drops.Add((i, columns));
            }
            else if (operation.Kind == MigrationOperationKind.CreateTable)
            {
                creates.Add(i);
            }
        }

        var candidates = new List<(int Distance, int Drop, int Add, ImmutableArray<ColumnDefinition> Old)>();
        foreach (var (dropIndex, columns) in drops)
        {
            var drop = operations[dropIndex];
            foreach (var createIndex in creates)
            {
                var create = operations[createIndex];
                if (create.IsTable(drop.Schema, drop.Table!) ||
                    !SameColumns(context, new TableKey(drop.Schema, drop.Table!), columns, new TableKey(create.Schema, create.Table!), create.TableColumns))
                {
                    continue;
                }

                candidates.Add((NameSimilarity.Distance(drop.Table!, create.Table!) ?? 1000, dropIndex, createIndex, columns));
            }
        }

        var result = new List<TableRename>();
        foreach (var group in GroupUnambiguous(candidates))
        {
            result.Add(new TableRename(operations[group.Drop], group.Drop, operations[group.Add], group.Add, group.Old));
        }

        result.Sort((a, b) => a.DropIndex.CompareTo(b.DropIndex));
        return result.ToImmutableArray();
    }

    /// <summary>
    /// Table pairs: a drop with several matching creates (or the reverse) is paired with the most
    /// similar name only when that is strictly better than the others.
    /// </summary>
    private static IEnumerable<(int Drop, int Add, ImmutableArray<ColumnDefinition> Old)> GroupUnambiguous(
        List<(int Distance, int Drop, int Add, ImmutableArray<ColumnDefinition> Old)> candidates)
    {
        foreach (var candidate in candidates)
        {
            var better = candidates.Exists(c => !(c.Drop == candidate.Drop && c.Add == candidate.Add) &&
                (c.Drop == candidate.Drop || c.Add == candidate.Add) && c.Distance <= candidate.Distance);
            if (!better)
            {
                yield return (candidate.Drop, candidate.Add, candidate.Old);
            }
        }
    }

    /// <summary>Same column names, each new one able to hold the old values and keyed to no other principal than the old one.</summary>
    private static bool SameColumns(MigrationFacts context, TableKey oldTable, ImmutableArray<ColumnDefinition> oldColumns, TableKey newTable, ImmutableArray<ColumnDefinition> newColumns)
    {
        if (oldColumns.Length != newColumns.Length || oldColumns.IsEmpty)
        {
            return false;
        }

        foreach (var oldColumn in oldColumns)
        {
            var match = false;
            foreach (var newColumn in newColumns)
            {
                if (newColumn.Name == oldColumn.Name)
                {
                    match = oldColumn.Name is { } name && CanHold(oldColumn, newColumn, context.Provider) &&
                        RenameForeignKeys.Agree(context, oldTable, name, newTable, name);
                    break;
                }
            }

            if (!match)
            {
                return false;
            }
        }

        return true;
    }
}
