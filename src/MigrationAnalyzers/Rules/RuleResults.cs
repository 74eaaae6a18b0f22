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

    /// <summary>
    /// The kept results of one migration in this compilation: the conditions no log records are
    /// decided once here, for every rule the host runs on the migration.
    /// </summary>
    public static MigrationResults Open(MigrationCatalog catalog, MigrationModel migration, MigrationAnalyzerOptions options, CancellationToken cancellationToken)
    {
        var history = catalog.HistoryFor(cancellationToken);
        if (migration.Tree is not { } tree || !history.IsComplete || migration.Id is null ||
            !SymbolEqualityComparer.Default.Equals(migration.Symbol.BaseType, catalog.Types.Migration) ||
            history.StateBeforeUnrecorded(migration) is not { } before)
        {
            return new MigrationResults(null, null, SchemaState.Empty, null, catalog.Types.Compilation);
        }

        var header = new Header(migration.DeclaringTrees, migration.Up, migration.Down, migration.Id, options);
        Cache.TryGetValue(tree, out var entries);
        return new MigrationResults(tree, entries?.Find(ClassPosition(migration)), before, header, catalog.Types.Compilation, ClassPosition(migration));
    }

    /// <summary>The slot of a rule type in every tree's entries, fixed for the process.</summary>
    public static int Slot(Type rule) => RuleSlots.TryGetValue(rule, out var slot) ? slot : RuleSlots.GetOrAdd(rule, _ => Interlocked.Increment(ref s_slots) - 1);

    /// <summary>One migration's kept results: reused rule by rule, stored rule by rule.</summary>
    internal sealed class MigrationResults
    {
        private readonly SyntaxTree? _tree;
        private readonly Entry?[]? _kept;
        private readonly SchemaState _before;
        private readonly Header? _header;
        private readonly Compilation _compilation;
        private readonly int _position;
        private Header? _matchedHeader;

        public MigrationResults(SyntaxTree? tree, Entry?[]? kept, SchemaState before, Header? header, Compilation compilation, int position = 0)
        {
            _tree = tree;
            _kept = kept;
            _before = before;
            _header = header;
            _compilation = compilation;
            _position = position;
        }

        /// <summary>Reports the diagnostics kept from an earlier compilation, when they still hold; false when the rule must run.</summary>
        public bool TryReuse(int slot, Action<Diagnostic> report)
        {
            if (_header is null || _kept is null || slot >= _kept.Length || Volatile.Read(ref _kept[slot]) is not { } entry ||
                !HeaderMatches(entry.Header) || !entry.Matches(_before, _compilation))
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

        /// <summary>Keeps what a rule reported and what it read, unless it read something no fingerprint describes.</summary>
        public void Store(int slot, ReadLog reads, IReadOnlyList<Diagnostic> diagnostics, int from)
        {
            Interlocked.Increment(ref s_ran);
            if (reads.Global || _header is null || _tree is null)
            {
                return;
            }

            var tables = reads.Tables.Count == 0
                ? ImmutableArray<(TableKey, Provenance?)>.Empty
                : reads.Tables.Select(key => (key, _before.ProvenanceOf(key))).ToImmutableArray();
            var reported = from == diagnostics.Count
                ? ImmutableArray<Diagnostic>.Empty
                : diagnostics.Skip(from).ToImmutableArray();
            var entry = new Entry(_header, tables, reads.AllTables ? Everything(_before) : null, reads.Unseen, _before.UnseenProvenance, reported);
            Cache.GetValue(_tree, _ => new TreeEntries()).Set(_position, slot, entry);
            Interlocked.Increment(ref s_stored);
        }

        // Every rule's entry of a migration was stored with the header of one analysis: compared once.
        private bool HeaderMatches(Header kept)
        {
            if (ReferenceEquals(kept, _matchedHeader))
            {
                return true;
            }

            if (!kept.SameAs(_header!))
            {
                return false;
            }

            _matchedHeader = kept;
            return true;
        }
    }

    /// <summary>Where the class's name is in its (unchanged, hence same) tree: which migration of the file.</summary>
    private static int ClassPosition(MigrationModel migration) => migration.IdentifierLocation.SourceSpan.Start;


    /// <summary>The entries of one tree's migration classes (almost always one), a slot per rule.</summary>
    private sealed class TreeEntries
    {
        private readonly object _gate = new();
        private (int Position, Entry?[] Rules)[] _classes = System.Array.Empty<(int, Entry?[])>();

        /// <summary>The slots of the class declared at <paramref name="position"/>, if any was stored.</summary>
        public Entry?[]? Find(int position)
        {
            foreach (var (classPosition, rules) in Volatile.Read(ref _classes))
            {
                if (classPosition == position)
                {
                    return rules;
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

    /// <summary>What every rule's entry of one analysis shares: the migration's files, reads, id and options.</summary>
    internal sealed class Header
    {
        private readonly ImmutableArray<SyntaxTree> _trees;
        private readonly MethodOperations _up;
        private readonly MethodOperations _down;
        private readonly string _id;
        private readonly MigrationAnalyzerOptions _options;

        public Header(ImmutableArray<SyntaxTree> trees, MethodOperations up, MethodOperations down, string id, MigrationAnalyzerOptions options)
        {
            _trees = trees;
            _up = up;
            _down = down;
            _id = id;
            _options = options;
        }

        public bool SameAs(Header other) =>
            ReferenceEquals(_up, other._up) && ReferenceEquals(_down, other._down) && _id == other._id &&
            _options.SameAs(other._options) && _trees.SequenceEqual(other._trees);
    }

    internal sealed class Entry
    {
        private readonly ImmutableArray<(TableKey Key, Provenance? Provenance)> _tables;
        private readonly ImmutableDictionary<TableKey, Provenance?>? _allTables;
        private readonly bool _readUnseen;
        private readonly Provenance? _unseen;

        public Entry(
            Header header,
            ImmutableArray<(TableKey, Provenance?)> tables,
            ImmutableDictionary<TableKey, Provenance?>? allTables,
            bool readUnseen,
            Provenance? unseen,
            ImmutableArray<Diagnostic> diagnostics)
        {
            Header = header;
            _tables = tables;
            _allTables = allTables;
            _readUnseen = readUnseen;
            _unseen = unseen;
            Diagnostics = diagnostics;
        }

        public Header Header { get; }

        public ImmutableArray<Diagnostic> Diagnostics { get; }

        public bool Matches(SchemaState before, Compilation compilation)
        {
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
            foreach (var diagnostic in Diagnostics)
            {
                if (!InCompilation(diagnostic.Location, compilation) || !diagnostic.AdditionalLocations.All(l => InCompilation(l, compilation)))
                {
                    return false;
                }
            }

            return true;
        }

        private static bool InCompilation(Location location, Compilation compilation) =>
            location.SourceTree is not { } tree || compilation.ContainsSyntaxTree(tree);
    }
}
