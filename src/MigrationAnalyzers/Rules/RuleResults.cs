using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using MigrationAnalyzers.Configuration;
using MigrationAnalyzers.Model;
using MigrationAnalyzers.Schema;

namespace MigrationAnalyzers.Rules;

/// <summary>
/// A rule's diagnostics for one migration, kept with the migration's syntax tree (weakly) so the
/// next compilation reuses them when nothing they came from changed. The IDE makes a compilation
/// per keystroke and unchanged files keep their <see cref="SyntaxTree"/>; with this, an edit
/// re-runs the rules on the edited migration and on the migrations that read what the edit changed,
/// not on the project.
/// <para>
/// A result is reused when: the migration's files are the same trees; its Up and Down are the same
/// read (<see cref="MethodReadCache"/>: an unchanged file whose read owed nothing to the compilation);
/// its id and options are the same; it derives from EF's <c>Migration</c> directly (a custom base
/// is code elsewhere); the history is complete in both compilations; and every read its
/// <see cref="ReadLog"/> recorded gives the same answer: each table read has the same
/// <see cref="Provenance"/> in the schema before the migration (all tables when it enumerated them,
/// the unseen operations when it asked about them). A log with a read no fingerprint describes
/// (another migration, a target model, the catalog) is never reused.
/// </para>
/// </summary>
internal static class RuleResults
{
    // Per tree: the migration classes it declares (by the position of the name), each with a slot per
    // rule. Every rule stores for every migration: a slot is written without a lock.
    private static readonly ConditionalWeakTable<SyntaxTree, TreeEntries> Cache = new();
    private static readonly ConcurrentDictionary<Type, int> RuleSlots = new();

    private static int s_slots;
    private static int s_ran;
    private static int s_reused;
    private static int s_stored;

    /// <summary>How many (rule, migration) analyses ran, were reused, and were stored in this process (the tests' and the benchmark's count).</summary>
    internal static (int Ran, int Reused, int Stored) Counts => (Volatile.Read(ref s_ran), Volatile.Read(ref s_reused), Volatile.Read(ref s_stored));

    /// <summary>Reports the diagnostics kept from an earlier compilation, when they still hold; false when the rule must run.</summary>
    public static bool TryReuse(Type rule, MigrationCatalog catalog, MigrationModel migration, MigrationAnalyzerOptions options, Action<Diagnostic> report, CancellationToken cancellationToken)
    {
        if (migration.Tree is not { } tree || !Cache.TryGetValue(tree, out var entries) ||
            entries.Get(ClassPosition(migration), Slot(rule)) is not { } entry ||
            !IsReusable(catalog, migration, cancellationToken, out var before) ||
            !entry.Matches(migration, options, before, catalog.Types.Compilation))
        {
            return false;
        }

        foreach (var diagnostic in entry.Diagnostics)
        {
            report(diagnostic);
        }

        Interlocked.Increment(ref s_reused);
        return true;
    }

    public static void Store(Type rule, MigrationCatalog catalog, MigrationModel migration, MigrationAnalyzerOptions options, ReadLog reads, IReadOnlyList<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref s_ran);
        if (reads.Global || migration.Tree is not { } tree || !IsReusable(catalog, migration, cancellationToken, out var before))
        {
            return;
        }

        var entry = new Entry(
            migration.DeclaringTrees,
            migration.Up,
            migration.Down,
            migration.Id,
            options,
            reads.Tables.Select(key => (key, before.ProvenanceOf(key))).ToImmutableArray(),
            reads.AllTables ? Everything(before) : null,
            reads.Unseen,
            before.UnseenProvenance,
            diagnostics.ToImmutableArray());
        Cache.GetValue(tree, _ => new TreeEntries()).Set(ClassPosition(migration), Slot(rule), entry);
        Interlocked.Increment(ref s_stored);
    }

    /// <summary>The conditions on the compilation and the migration that no log records.</summary>
    private static bool IsReusable(MigrationCatalog catalog, MigrationModel migration, CancellationToken cancellationToken, out SchemaState before)
    {
        before = SchemaState.Empty;
        var history = catalog.HistoryFor(cancellationToken);
        if (!history.IsComplete || migration.Id is null ||
            !SymbolEqualityComparer.Default.Equals(migration.Symbol.BaseType, catalog.Types.Migration) ||
            history.StateBeforeUnrecorded(migration) is not { } state)
        {
            return false;
        }

        before = state;
        return true;
    }

    /// <summary>Where the class's name is in its (unchanged, hence same) tree: which migration of the file.</summary>
    private static int ClassPosition(MigrationModel migration) => migration.IdentifierLocation.SourceSpan.Start;

    // Each rule type its own slot: two rules first seen at once must not share one (a result would be reused for the other rule).
    private static int Slot(Type rule) => RuleSlots.TryGetValue(rule, out var slot) ? slot : RuleSlots.GetOrAdd(rule, _ => Interlocked.Increment(ref s_slots) - 1);

    /// <summary>The entries of one tree's migration classes (almost always one), a slot per rule.</summary>
    private sealed class TreeEntries
    {
        private readonly object _gate = new();
        private (int Position, Entry?[] Rules)[] _classes = System.Array.Empty<(int, Entry?[])>();

        public Entry? Get(int position, int slot)
        {
            foreach (var (classPosition, rules) in Volatile.Read(ref _classes))
            {
                if (classPosition == position)
                {
                    return slot < rules.Length ? Volatile.Read(ref rules[slot]) : null;
                }
            }

            return null;
        }

        public void Set(int position, int slot, Entry entry) => Volatile.Write(ref RulesOf(position, slot)[slot], entry);

        /// <summary>The class's slots, with room for <paramref name="slot"/>: found without a lock, added or grown under one.</summary>
        private Entry?[] RulesOf(int position, int slot)
        {
            foreach (var (classPosition, rules) in Volatile.Read(ref _classes))
            {
                if (classPosition == position && slot < rules.Length)
                {
                    return rules;
                }
            }

            lock (_gate)
            {
                var classes = _classes;
                var index = System.Array.FindIndex(classes, c => c.Position == position);
                if (index >= 0 && slot < classes[index].Rules.Length)
                {
                    return classes[index].Rules;
                }

                // A slot written meanwhile into the array being replaced is lost: a miss next time, not a wrong answer.
                var grownRules = new Entry?[System.Math.Max(slot + 1, 64)];
                var grown = new (int Position, Entry?[] Rules)[index >= 0 ? classes.Length : classes.Length + 1];
                classes.CopyTo(grown, 0);
                if (index >= 0)
                {
                    classes[index].Rules.CopyTo(grownRules, 0);
                }
                else
                {
                    index = classes.Length;
                }

                grown[index] = (position, grownRules);
                Volatile.Write(ref _classes, grown);
                return grownRules;
            }
        }
    }

    private static ImmutableDictionary<TableKey, Provenance?> Everything(SchemaState state) =>
        state.AllTablesUnrecorded.ToImmutableDictionary(pair => pair.Key, pair => pair.Value.Provenance);

    private sealed class Entry
    {
        private readonly ImmutableArray<SyntaxTree> _trees;
        private readonly MethodOperations _up;
        private readonly MethodOperations _down;
        private readonly string? _id;
        private readonly MigrationAnalyzerOptions _options;
        private readonly ImmutableArray<(TableKey Key, Provenance? Provenance)> _tables;
        private readonly ImmutableDictionary<TableKey, Provenance?>? _allTables;
        private readonly bool _readUnseen;
        private readonly Provenance? _unseen;

        public Entry(
            ImmutableArray<SyntaxTree> trees,
            MethodOperations up,
            MethodOperations down,
            string? id,
            MigrationAnalyzerOptions options,
            ImmutableArray<(TableKey, Provenance?)> tables,
            ImmutableDictionary<TableKey, Provenance?>? allTables,
            bool readUnseen,
            Provenance? unseen,
            ImmutableArray<Diagnostic> diagnostics)
        {
            _trees = trees;
            _up = up;
            _down = down;
            _id = id;
            _options = options;
            _tables = tables;
            _allTables = allTables;
            _readUnseen = readUnseen;
            _unseen = unseen;
            Diagnostics = diagnostics;
        }

        public ImmutableArray<Diagnostic> Diagnostics { get; }

        public bool Matches(MigrationModel migration, MigrationAnalyzerOptions options, SchemaState before, Compilation compilation)
        {
            if (!ReferenceEquals(migration.Up, _up) || !ReferenceEquals(migration.Down, _down) || migration.Id != _id ||
                !_options.SameAs(options) || !_trees.SequenceEqual(migration.DeclaringTrees))
            {
                return false;
            }

            foreach (var (key, provenance) in _tables)
            {
                if (!Provenance.SameAs(before.ProvenanceOf(key), provenance))
                {
                    return false;
                }
            }

            if (_readUnseen && !Provenance.SameAs(before.UnseenProvenance, _unseen))
            {
                return false;
            }

            if (_allTables is not null)
            {
                var count = 0;
                foreach (var pair in before.AllTablesUnrecorded)
                {
                    count++;
                    if (!_allTables.TryGetValue(pair.Key, out var provenance) || !Provenance.SameAs(pair.Value.Provenance, provenance))
                    {
                        return false;
                    }
                }

                if (count != _allTables.Count)
                {
                    return false;
                }
            }

            // A diagnostic may point into another file (a Designer, an earlier migration): it must still be compiled.
            return Diagnostics.All(d => InCompilation(d.Location, compilation) && d.AdditionalLocations.All(l => InCompilation(l, compilation)));
        }

        private static bool InCompilation(Location location, Compilation compilation) =>
            location.SourceTree is not { } tree || compilation.ContainsSyntaxTree(tree);
    }
}
