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
/// known), <see cref="IsJudged"/> is false and the pairing rules stay silent.
/// </summary>
internal sealed class ReversibilityPairing
{
    private readonly Dictionary<MigrationOperation, MigrationOperation> _downOf = new();
    private readonly Dictionary<MigrationOperation, MigrationOperation> _upOf = new();

    private ReversibilityPairing(MigrationModel migration, DatabaseProvider provider)
    {
        Migration = migration;
        IsJudged = Judgeable(migration.Up, provider) && Judgeable(migration.Down, provider) &&
            !migration.Down.IsEmpty && !migration.Down.OnlyThrowsNotSupported;
        Up = Runs(migration.Up.Operations, provider);
        Down = Runs(migration.Down.Operations, provider);
        Aliases = new TableAliases(Concat(Up, Down));
        if (IsJudged)
        {
            Pair();
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
            () => new ReversibilityPairing(context.Migration, context.Provider));

    public MigrationOperation? DownOf(MigrationOperation up) => _downOf.TryGetValue(up, out var down) ? down : null;

    public MigrationOperation? UpOf(MigrationOperation down) => _upOf.TryGetValue(down, out var up) ? up : null;

    /// <summary>The index of <paramref name="up"/> in <c>Migration.Up.Operations</c> (for the schema just before it).</summary>
    public int UpIndex(MigrationOperation up) => Migration.Up.Operations.IndexOf(up);

    /// <summary>MIG042: Up operations whose inverse Down lacks, and that no Down drop of their table/column covers.</summary>
    public IEnumerable<MigrationOperation> Unreverted()
    {
        if (!IsJudged)
        {
            yield break;
        }

        foreach (var up in Up)
        {
            if (Inverses.IsInvertible(up.Kind) && DownOf(up) is null && !IsUndoneByDrop(up))
            {
                yield return up;
            }
        }
    }

    /// <summary>MIG043: Down operations that undo nothing of Up and do not belong to a re-creation in Down.</summary>
    public IEnumerable<MigrationOperation> Orphans()
    {
        if (!IsJudged)
        {
            yield break;
        }

        foreach (var down in Down)
        {
            if (down.Kind is K.Sql or K.EnsureSchema or K.RestartSequence or K.Other or K.Unknown || UpOf(down) is not null)
            {
                continue;
            }

            if (TouchesCreated(down, Down, K.CreateTable, K.AddColumn) || TouchesCreated(down, Up, K.CreateTable, K.AddColumn))
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
        foreach (var down in Down)
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
            if (Inverses.InverseKind(up.Kind) is not { } inverse ||
                !buckets.TryGetValue(inverse + "|" + NameKey(up, up.Kind, forUp: true), out var candidates))
            {
                continue;
            }

            // Several Down operations may undo one Up operation (EF writes one DeleteData per seeded
            // row); the first one not yet claimed is its inverse for MIG045 and the fixes.
            MigrationOperation? match = null;
            foreach (var candidate in candidates)
            {
                if (Inverses.Undoes(candidate, up, Aliases))
                {
                    if (!_upOf.ContainsKey(candidate))
                    {
                        _upOf[candidate] = up;
                    }

                    match ??= candidate;
                }
            }

            if (match is not null && !_downOf.ContainsKey(up))
            {
                _downOf[up] = match;
            }
        }
    }

    private IEnumerable<MigrationOperation> UpWithConstraints()
    {
        foreach (var up in Up)
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

    /// <summary>An operation on a table or column that Up created is undone by Down dropping that table or column.</summary>
    private bool IsUndoneByDrop(MigrationOperation up)
    {
        if (up.Kind is K.CreateTable or K.AddColumn)
        {
            return false;
        }

        foreach (var drop in Down)
        {
            if (drop.Kind == K.DropTable && Aliases.Same(drop, up) && CreatedInUp(up, K.CreateTable, null))
            {
                return true;
            }

            if (drop.Kind == K.DropColumn && drop.Name is { } column && Aliases.Same(drop, up) &&
                CreatedInUp(up, K.AddColumn, column) && Contains(ColumnsOf(up), column))
            {
                return true;
            }
        }

        return false;
    }

    private bool CreatedInUp(MigrationOperation operation, K kind, string? column)
    {
        foreach (var up in Up)
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
    private bool TouchesCreated(MigrationOperation operation, ImmutableArray<MigrationOperation> method, K createTable, K addColumn)
    {
        foreach (var other in method)
        {
            if (ReferenceEquals(other, operation) || !Aliases.Same(other, operation))
            {
                continue;
            }

            if (other.Kind == createTable && operation.Kind != K.DropTable)
            {
                return true;
            }

            if (other.Kind == addColumn && other.Name is { } column && operation.Kind != K.DropColumn && Contains(ColumnsOf(operation), column))
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
