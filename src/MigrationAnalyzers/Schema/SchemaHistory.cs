using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using MigrationAnalyzers.Model;

namespace MigrationAnalyzers.Schema;

/// <summary>
/// The compilation's migrations in EF's order (by id, ordinal) folded into the schema known
/// before each. Migrations without an id are not run by EF: they see the state after all others.
/// </summary>
internal sealed class SchemaHistory
{
    private readonly Dictionary<MigrationModel, int> _positions = new();
    private readonly ImmutableArray<SchemaState> _statesBefore;
    private readonly SchemaState _final;

    public SchemaHistory(IEnumerable<MigrationModel> migrations)
    {
        Ordered = migrations
            .Where(m => m.Id is not null)
            .OrderBy(m => m.Id, System.StringComparer.Ordinal)
            .ThenBy(m => SymbolNames.Display(m.Symbol), System.StringComparer.Ordinal)
            .ToImmutableArray();

        var states = ImmutableArray.CreateBuilder<SchemaState>(Ordered.Length);
        var state = SchemaState.Empty;
        for (var i = 0; i < Ordered.Length; i++)
        {
            _positions[Ordered[i]] = i;
            states.Add(state);
            foreach (var operation in Ordered[i].Up.Operations)
            {
                state = state.Apply(operation, Ordered[i]);
            }
        }

        _statesBefore = states.MoveToImmutable();
        _final = state;
    }

    /// <summary>Migrations with an id, in the order EF applies them.</summary>
    public ImmutableArray<MigrationModel> Ordered { get; }

    public SchemaState StateBefore(MigrationModel migration) =>
        _positions.TryGetValue(migration, out var index) ? _statesBefore[index] : _final;

    /// <summary>The schema after every migration (what the snapshot should describe).</summary>
    public SchemaState Final => _final;

    /// <summary>The migration EF applies just before this one (its target model is this one's "before").</summary>
    public MigrationModel? Previous(MigrationModel migration) =>
        _positions.TryGetValue(migration, out var index) && index > 0 ? Ordered[index - 1] : null;
}
