using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using MigrationAnalyzers.Model;

namespace MigrationAnalyzers.Schema;

/// <summary>
/// The compilation's migrations in EF's order (by id, ordinal) folded into the schema known
/// before each. Migrations without an id are not run by EF: they see the state after all others.
/// A migration that could not be modelled leaves a gap: the history is incomplete from it on
/// (<see cref="IsCompleteBefore"/>), and what depends on it stays silent rather than guess.
/// </summary>
internal sealed class SchemaHistory
{
    private readonly Dictionary<MigrationModel, int> _positions = new();
    private readonly ImmutableArray<MigrationModel> _ordered;
    private readonly ImmutableArray<SchemaState> _statesBefore;
    private readonly SchemaState _final;
    private readonly string? _firstUnreadableId;
    private readonly bool _hasUnreadable;

    /// <param name="unreadableIds">The ids of migrations that could not be modelled (null for one without an id).</param>
    public SchemaHistory(IEnumerable<MigrationModel> migrations, IEnumerable<string?>? unreadableIds = null)
    {
        foreach (var id in unreadableIds ?? Enumerable.Empty<string?>())
        {
            _hasUnreadable = true;
            if (id is not null && (_firstUnreadableId is null || string.CompareOrdinal(id, _firstUnreadableId) < 0))
            {
                _firstUnreadableId = id;
            }
        }

        _ordered = migrations
            .Where(m => m.Id is not null)
            .OrderBy(m => m.Id, System.StringComparer.Ordinal)
            .ThenBy(m => SymbolNames.Display(m.Symbol), System.StringComparer.Ordinal)
            .ToImmutableArray();

        var states = ImmutableArray.CreateBuilder<SchemaState>(_ordered.Length);
        var state = SchemaState.Empty;
        for (var i = 0; i < _ordered.Length; i++)
        {
            _positions[_ordered[i]] = i;
            states.Add(state);
            foreach (var operation in _ordered[i].Up.Operations)
            {
                state = state.Apply(operation, _ordered[i]);
            }
        }

        _statesBefore = states.MoveToImmutable();
        _final = state;
    }

    /// <summary>Migrations with an id, in the order EF applies them (a read of every migration: <see cref="ReadLog.Anything"/>).</summary>
    public ImmutableArray<MigrationModel> Ordered
    {
        get
        {
            ReadLog.Anything();
            return _ordered;
        }
    }

    /// <summary>True when every migration class could be modelled (a rule's result may then be reused by the next compilation).</summary>
    public bool IsComplete => !_hasUnreadable;

    /// <summary>
    /// False when a migration EF applies before this one could not be modelled: the state before it
    /// is not known. A migration without an id sees the end of the history, so any gap counts.
    /// </summary>
    public bool IsCompleteBefore(MigrationModel migration) =>
        !_hasUnreadable ||
        migration.Id is { } id && _positions.ContainsKey(migration) && (_firstUnreadableId is null || string.CompareOrdinal(id, _firstUnreadableId) <= 0);

    public SchemaState StateBefore(MigrationModel migration)
    {
        if (StateBeforeUnrecorded(migration) is { } state)
        {
            ReadLog.StateBefore(migration);
            return state;
        }

        ReadLog.Anything();
        return _final;
    }

    /// <summary>The schema before a migration with a place in the history, without recording a read (what a later compilation compares); null otherwise.</summary>
    public SchemaState? StateBeforeUnrecorded(MigrationModel migration) =>
        _positions.TryGetValue(migration, out var index) ? _statesBefore[index] : null;

    /// <summary>The schema after every migration (what the snapshot should describe).</summary>
    public SchemaState Final
    {
        get
        {
            ReadLog.Anything();
            return _final;
        }
    }

    /// <summary>The migration EF applies just before this one (its target model is this one's "before").</summary>
    public MigrationModel? Previous(MigrationModel migration)
    {
        ReadLog.Anything();
        return _positions.TryGetValue(migration, out var index) && index > 0 ? _ordered[index - 1] : null;
    }
}
