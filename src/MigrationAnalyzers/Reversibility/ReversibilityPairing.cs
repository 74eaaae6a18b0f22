using System.Collections.Generic;
using System.Collections.Immutable;
using MigrationAnalyzers.Configuration;
using MigrationAnalyzers.Model;
using MigrationAnalyzers.Schema;
using K = MigrationAnalyzers.Model.MigrationOperationKind;

namespace MigrationAnalyzers.Reversibility;

/// <summary>
/// Which Down operation undoes which Up operation in one migration (MIG042–MIG045 and the fixes
/// read the same pairing). Built once per migration and provider. When Up or Down holds something
/// the model cannot read (an unknown operation or argument, a loop, a branch whose provider is not
/// known), <see cref="IsJudged"/> is false and the pairing rules stay silent. <c>Sql</c> takes part
/// through <see cref="SqlPartners"/> (its statements read as operations pair both ways, but only
/// MigrationBuilder calls are reported or given to MIG045 and the fixes); an object dropped and
/// re-created within one method needs no inverse; a table a <c>Sql</c> changes unreadably is unknown.
/// </summary>
internal sealed class ReversibilityPairing
{
    private readonly Dictionary<MigrationOperation, MigrationOperation> _downOf = new();
    private readonly Dictionary<MigrationOperation, MigrationOperation> _upOf = new();

    // Operations undone by (or undoing) an operation read from Sql: not reported, not given to the fixes.
    private readonly HashSet<MigrationOperation> _pairedWithSql = new();

    // Operations dropped and re-created (or created and dropped) within one method: they need no inverse.
    private readonly HashSet<MigrationOperation> _netted = new();

    // Tables changed by Sql that was not read or not paired, or rebuilt: what is done to them is unknown.
    private readonly HashSet<string> _unknownTables = new(System.StringComparer.OrdinalIgnoreCase);

    private readonly SqlPartners _sqlUp;
    private readonly SqlPartners _sqlDown;

    private ReversibilityPairing(MigrationFacts context)
    {
        var migration = context.Migration;
        var provider = context.Provider;
        Migration = migration;
        IsJudged = Judgeable(migration.Up, provider) && Judgeable(migration.Down, provider) &&
            !migration.Down.IsEmpty && !migration.Down.OnlyThrowsNotSupported;
        Up = Runs(migration.Up.Operations, provider);
        Down = Runs(migration.Down.Operations, provider);
        var names = new SqlPartners.NameSpelling(Concat(Up, Down));
        _sqlUp = SqlPartners.Read(Up, provider, names);
        _sqlDown = SqlPartners.Read(Down, provider, names);
        Aliases = new TableAliases(Concat(_sqlUp.Sequence, _sqlDown.Sequence));
        if (IsJudged)
        {
            Pair();
            Net(_sqlUp, i => context.UpStateBefore(i), isUp: true);
            Net(_sqlDown, _ => context.UpStateBefore(int.MaxValue), isUp: false);
            PairRenamesUndoingReplacements();
            MarkUnpairedSqlUnknown(_sqlUp);
            MarkUnpairedSqlUnknown(_sqlDown);
        }
    }

    public MigrationModel Migration { get; }

    /// <summary>False when Down is missing, empty, an explicit throw, or anything in Up/Down is unreadable.</summary>
    public bool IsJudged { get; }

    /// <summary>Up's operations that run on the provider, in source order (CreateTable constraints not listed).</summary>
    public ImmutableArray<MigrationOperation> Up { get; }

    public ImmutableArray<MigrationOperation> Down { get; }

    public TableAliases Aliases { get; }

    public static ReversibilityPairing For(MigrationFacts context) =>
        context.Catalog.Memo(
            (typeof(ReversibilityPairing), context.Migration, context.Provider),
            () => new ReversibilityPairing(context));

    public MigrationOperation? DownOf(MigrationOperation up) => _downOf.TryGetValue(up, out var down) ? down : null;

    public MigrationOperation? UpOf(MigrationOperation down) => _upOf.TryGetValue(down, out var up) ? up : null;

    /// <summary>The index of <paramref name="up"/> in <c>Migration.Up.Operations</c> (for the schema just before it).</summary>
    public int UpIndex(MigrationOperation up) => Migration.Up.Operations.IndexOf(up);

    /// <summary>
    /// MIG042: Up operations whose inverse Down lacks, and that no Down drop of their table/column covers,
    /// that Up does not re-create itself, and whose table no unread Sql changes.
    /// </summary>
    public IEnumerable<MigrationOperation> Unreverted()
    {
        if (!IsJudged || _sqlUp.IsOpaque || _sqlDown.IsOpaque)
        {
            yield break;
        }

        foreach (var up in Up)
        {
            if (InverseKinds.IsInvertible(up.Kind) && !IsPaired(up) && !IsOnUnknownTable(up) && !IsUndoneByDrop(up))
            {
                yield return up;
            }
        }
    }

    /// <summary>MIG043: Down operations that undo nothing of Up and do not belong to a re-creation in Down.</summary>
    public IEnumerable<MigrationOperation> Orphans()
    {
        if (!IsJudged || _sqlUp.IsOpaque || _sqlDown.IsOpaque)
        {
            yield break;
        }

        foreach (var down in Down)
        {
            // UpdateData changes rows, not schema: restoring values needs no counterpart in Up.
            if (down.Kind is K.Sql or K.EnsureSchema or K.RestartSequence or K.Other or K.Unknown or K.UpdateData || IsPaired(down) ||
                IsOnUnknownTable(down))
            {
                continue;
            }

            if (TouchesCreated(down, _sqlDown.Sequence) || TouchesCreated(down, _sqlUp.Sequence))
            {
                continue;
            }

            yield return down;
        }
    }

    /// <summary>The column names an operation acts on (its column, a rename's both names, an index's or key's columns).</summary>
    public static IEnumerable<string> ColumnsOf(MigrationOperation operation)
    {
        switch (operation.Kind)
        {
            case K.AddColumn:
            case K.DropColumn:
            case K.AlterColumn:
                if (operation.Name is { } name)
                {
                    yield return name;
                }

                break;
            case K.RenameColumn:
                if (operation.Name is { } from)
                {
                    yield return from;
                }

                if (operation.NewName is { } to)
                {
                    yield return to;
                }

                break;
            case K.CreateTable:
            case K.DropTable:
            case K.RenameTable:
            case K.AlterTable:
                break;
            default:
                var columns = operation.Columns;
                if (!columns.IsDefault)
                {
                    foreach (var column in columns)
                    {
                        yield return column;
                    }
                }

                break;
        }
    }

    private static bool Judgeable(MethodOperations method, DatabaseProvider provider)
    {
        if (!method.IsDeclared || method.HasUnknown || method.CallsBase)
        {
            return false;
        }

        foreach (var operation in method.Operations)
        {
            if (operation.HasUnknownArguments || operation.InLoop || operation.Condition.RunsOn(provider) is null)
            {
                return false;
            }
        }

        return true;
    }

    private static ImmutableArray<MigrationOperation> Runs(ImmutableArray<MigrationOperation> operations, DatabaseProvider provider)
    {
        var result = ImmutableArray.CreateBuilder<MigrationOperation>(operations.Length);
        foreach (var operation in operations)
        {
            if (operation.Condition.RunsOn(provider) != false)
            {
                result.Add(operation);
            }
        }

        return result.ToImmutable();
    }

    private static IEnumerable<MigrationOperation> Concat(ImmutableArray<MigrationOperation> a, ImmutableArray<MigrationOperation> b)
    {
        foreach (var operation in a)
        {
            yield return operation;
        }

        foreach (var operation in b)
        {
            yield return operation;
        }
    }

    /// <summary>Bucketed by kind and name, so pairing stays linear in the number of operations.</summary>
    private void Pair()
    {
        var buckets = new Dictionary<string, List<MigrationOperation>>();
        foreach (var down in _sqlDown.Sequence)
        {
            var key = down.Kind + "|" + NameKey(down, down.Kind, forUp: false);
            if (!buckets.TryGetValue(key, out var list))
            {
                list = new List<MigrationOperation>();
                buckets[key] = list;
            }

            list.Add(down);
        }

        foreach (var up in UpWithConstraints())
        {
            if (InverseKinds.Of(up.Kind) is not { } inverse ||
                !buckets.TryGetValue(inverse + "|" + NameKey(up, up.Kind, forUp: true), out var candidates))
            {
                continue;
            }

            // Several Down operations may undo one Up operation (EF writes one DeleteData per seeded
            // row); the first one not yet claimed is its inverse for MIG045 and the fixes.
            MigrationOperation? match = null;
            foreach (var candidate in candidates)
            {
                if (!UndoCheck.Undoes(candidate, up, Aliases))
                {
                    continue;
                }

                if (_sqlUp.IsFromSql(up) || _sqlDown.IsFromSql(candidate))
                {
                    // Raw SQL pairs for MIG042/MIG043 only: MIG045 and the fixes read MigrationBuilder calls.
                    _pairedWithSql.Add(up);
                    _pairedWithSql.Add(candidate);
                    continue;
                }

                if (!_upOf.ContainsKey(candidate))
                {
                    _upOf[candidate] = up;
                }

                match ??= candidate;
            }

            if (match is not null && !_downOf.ContainsKey(up))
            {
                _downOf[up] = match;
            }
        }
    }

    /// <summary>
    /// A drop and re-creation of the same object in one method (a primary key dropped and re-added around
    /// an AlterColumn, a SQLite rebuild through a new table), or a creation and drop (a work table): the pair
    /// changes nothing the other method must undo. Not a column dropped and added again (its data is gone and
    /// its definition may differ), nor a key re-created with other columns than the history gives it. A table
    /// re-created is rebuilt in a way the analyzer cannot compare: its state is unknown.
    /// </summary>
    private void Net(SqlPartners method, System.Func<int, SchemaState> stateBefore, bool isUp)
    {
        var sequence = method.Sequence;
        for (var i = 0; i < sequence.Length; i++)
        {
            var first = sequence[i];
            if (_netted.Contains(first) || !IsNettable(first.Kind))
            {
                continue;
            }

            var j = UndoCheck.FirstLaterUndoer(sequence, i, _netted.Contains, Aliases);
            if (j < 0)
            {
                continue;
            }

            var second = sequence[j];
            var index = isUp ? Migration.Up.Operations.IndexOf(first) : 0;
            if (index >= 0 && !SameDefinition(first, second, stateBefore(index)))
            {
                continue;
            }

            _netted.Add(first);
            _netted.Add(second);
            if (first.Kind == K.DropTable || (first.Kind == K.CreateTable && first.Table != second.Table))
            {
                AddUnknown(first.Table);
                AddUnknown(second.Table);
            }
        }
    }

    /// <summary>
    /// EF scaffolds a rename; a hand edit turns Up into add-copy-drop (<c>AddColumn B</c>, an UPDATE, <c>DropColumn A</c>)
    /// and keeps the scaffolded Down <c>RenameColumn(B → A)</c>. That rename undoes both Up operations: after it the
    /// table has A and not B again. The same for an index (<c>CreateIndex B</c> + <c>DropIndex A</c> ↔
    /// <c>RenameIndex(B → A)</c>) and a table (<c>CreateTable B</c> + <c>DropTable A</c> ↔ <c>RenameTable(B → A)</c>).
    /// Only when all three are otherwise unpaired and name the same table.
    /// </summary>
    private void PairRenamesUndoingReplacements()
    {
        foreach (var rename in _sqlDown.Sequence)
        {
            if (rename.Kind is not (K.RenameColumn or K.RenameIndex or K.RenameTable) || IsPaired(rename) ||
                (rename.Kind == K.RenameTable ? rename.Table : rename.Name) is not { } from || rename.NewName is not { } to)
            {
                continue;
            }

            var (create, drop) = rename.Kind switch
            {
                K.RenameColumn => (K.AddColumn, K.DropColumn),
                K.RenameIndex => (K.CreateIndex, K.DropIndex),
                _ => (K.CreateTable, K.DropTable),
            };
            if (Unpaired(create, from, rename) is { } created && Unpaired(drop, to, rename) is { } dropped)
            {
                _netted.Add(rename);
                _netted.Add(created);
                _netted.Add(dropped);
            }
        }
    }

    /// <summary>Paired with an inverse (either way, or with SQL), or netted: MIG042/MIG043 have nothing to say about it.</summary>
    private bool IsPaired(MigrationOperation operation) =>
        _upOf.ContainsKey(operation) || _downOf.ContainsKey(operation) || _pairedWithSql.Contains(operation) || _netted.Contains(operation);

    /// <summary>The Up operation of <paramref name="kind"/> on <paramref name="name"/> in the rename's table, when nothing else pairs it.</summary>
    private MigrationOperation? Unpaired(K kind, string name, MigrationOperation rename)
    {
        foreach (var up in _sqlUp.Sequence)
        {
            if (up.Kind != kind || IsPaired(up) || _sqlUp.IsFromSql(up))
            {
                continue;
            }

            var upName = kind is K.CreateTable or K.DropTable ? up.Table : up.Name;
            var sameTable = rename.Kind == K.RenameTable
                ? MigrationOperation.SchemaEquals(up.Schema, rename.Schema)
                : rename.Table is null || Aliases.Same(up.Schema, up.Table, rename.Schema, rename.Table);
            if (upName == name && sameTable)
            {
                return up;
            }
        }

        return null;
    }

    private static bool IsNettable(K kind) => kind is
        K.CreateTable or K.DropTable or K.AddColumn or K.CreateIndex or K.DropIndex or K.RenameTable or K.RenameColumn or K.RenameIndex or
        K.AddPrimaryKey or K.DropPrimaryKey or K.AddForeignKey or K.DropForeignKey or K.AddUniqueConstraint or K.DropUniqueConstraint or
        K.AddCheckConstraint or K.DropCheckConstraint or K.CreateSequence or K.DropSequence;

    /// <summary>A key or index re-created as the history defines it (unknown definitions count as the same).</summary>
    private static bool SameDefinition(MigrationOperation drop, MigrationOperation add, SchemaState state)
    {
        if (drop.Kind is not (K.DropIndex or K.DropPrimaryKey or K.DropForeignKey or K.DropUniqueConstraint) ||
            drop.Name is not { } name || state.Find(drop.Schema, drop.Table) is not { } table || !table.Keys.TryGetValue(name, out var key))
        {
            return true;
        }

        var columns = add.Columns;
        if (!columns.IsDefault && !key.Columns.IsDefault && !System.Linq.Enumerable.SequenceEqual(columns, key.Columns))
        {
            return false;
        }

        if (add.Kind == K.CreateIndex && add["unique"].AsBool() is { } unique && unique != key.IsUnique)
        {
            return false;
        }

        foreach (var parameter in new[] { "principalTable", "principalSchema", "onDelete", "filter" })
        {
            var before = key.DeclaredBy[parameter];
            var after = add[parameter];
            if (before.IsKnown && after.IsKnown && !ArgumentValue.ConstantEquals(before, after))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>"A Sql that names the table but cannot be paired makes the operations on that table unknown."</summary>
    private void MarkUnpairedSqlUnknown(SqlPartners method)
    {
        foreach (var table in method.UnknownTables)
        {
            AddUnknown(table);
        }

        foreach (var operation in method.Sequence)
        {
            if (method.IsFromSql(operation) && operation.Kind is not (K.InsertData or K.UpdateData or K.DeleteData) &&
                !_pairedWithSql.Contains(operation) && !_netted.Contains(operation))
            {
                AddUnknown(operation.Table);
                AddUnknown(operation.Kind == K.RenameTable ? operation.NewName : null);
            }
        }
    }

    private void AddUnknown(string? table)
    {
        if (table is not null)
        {
            _unknownTables.Add(table);
        }
    }

    private bool IsOnUnknownTable(MigrationOperation operation)
    {
        if (_unknownTables.Count == 0 || operation.Table is not { } table)
        {
            return false;
        }

        foreach (var unknown in _unknownTables)
        {
            if (string.Equals(unknown, table, System.StringComparison.OrdinalIgnoreCase) ||
                string.Equals(unknown, operation.NewName, System.StringComparison.OrdinalIgnoreCase) && operation.Kind == K.RenameTable ||
                Aliases.Same(operation.Schema, table, operation.Schema, unknown))
            {
                return true;
            }
        }

        return false;
    }

    private IEnumerable<MigrationOperation> UpWithConstraints()
    {
        foreach (var up in _sqlUp.Sequence)
        {
            yield return up;
            foreach (var constraint in up.Constraints)
            {
                yield return constraint;
            }
        }
    }

    private static string? NameKey(MigrationOperation operation, K kind, bool forUp) => kind switch
    {
        K.CreateTable or K.DropTable or K.AlterTable or K.InsertData or K.DeleteData or K.UpdateData => operation.Table,
        K.RenameTable => forUp ? operation.NewName : operation.Table,
        K.RenameColumn or K.RenameIndex or K.RenameSequence => forUp ? operation.NewName : operation.Name,
        K.AlterDatabase => string.Empty,
        _ => operation.Name,
    };

    /// <summary>
    /// An operation on a table or column that Up created is undone by Down dropping that table or column
    /// (an AddColumn or CreateIndex after the CreateTable goes with Down's DropTable). Drops and creations
    /// read from Sql count.
    /// </summary>
    private bool IsUndoneByDrop(MigrationOperation up)
    {
        if (up.Kind == K.CreateTable)
        {
            return false;
        }

        foreach (var drop in _sqlDown.Sequence)
        {
            if (drop.Kind == K.DropTable && Aliases.Same(drop, up) && CreatedInUp(up, K.CreateTable, null))
            {
                return true;
            }

            if (up.Kind != K.AddColumn && drop.Kind == K.DropColumn && drop.Name is { } column && Aliases.Same(drop, up) &&
                CreatedInUp(up, K.AddColumn, column) && Contains(ColumnsOf(up), column))
            {
                return true;
            }
        }

        return false;
    }

    private bool CreatedInUp(MigrationOperation operation, K kind, string? column)
    {
        foreach (var up in _sqlUp.Sequence)
        {
            if (up.Kind == kind && Aliases.Same(up, operation) && (column is null || up.Name == column))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// True when <paramref name="operation"/> acts on a table that <paramref name="method"/> creates
    /// or on a column it adds (Down re-creating a table, or Up having created it).
    /// </summary>
    private bool TouchesCreated(MigrationOperation operation, ImmutableArray<MigrationOperation> method)
    {
        foreach (var other in method)
        {
            if (ReferenceEquals(other, operation) || !Aliases.Same(other, operation))
            {
                continue;
            }

            if (other.Kind == K.CreateTable && operation.Kind != K.DropTable)
            {
                return true;
            }

            if (other.Kind == K.AddColumn && other.Name is { } column && operation.Kind != K.DropColumn && Contains(ColumnsOf(operation), column))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Contains(IEnumerable<string> values, string value)
    {
        foreach (var candidate in values)
        {
            if (candidate == value)
            {
                return true;
            }
        }

        return false;
    }
}
