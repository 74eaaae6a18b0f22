using System;
using System.Collections.Generic;
using MigrationAnalyzers.Model;

namespace MigrationAnalyzers.Schema;

/// <summary>
/// What one rule's analysis of one migration read beyond that migration's own files: the tables of
/// the schema before it (by name), all of them, what unreadable operations may have touched, or
/// something it cannot describe (global: another migration, a target model, the catalog). The next
/// compilation (the IDE makes one per keystroke) reuses the rule's diagnostics for the migration
/// when its files and everything in its log are unchanged (MigrationAnalyzers.Rules.RuleResults),
/// so an edit re-analyzes the edited migration and those that read what it changed.
/// <para>
/// The reads are recorded where they happen (<see cref="SchemaState"/>, <see cref="SchemaHistory"/>,
/// <see cref="MigrationCatalog"/>) into the log of the analysis running on this thread (a rule's
/// analysis is synchronous); with no log running, recording does nothing.
/// </para>
/// </summary>
internal sealed class ReadLog
{
    [ThreadStatic]
    private static ReadLog? t_current;

    private HashSet<TableKey>? _tables;

    public ReadLog(MigrationModel? migration)
    {
        Migration = migration;
    }

    /// <summary>The migration analyzed: reading the schema before any other one is a global read.</summary>
    public MigrationModel? Migration { get; }

    public IReadOnlyCollection<TableKey> Tables => (IReadOnlyCollection<TableKey>?)_tables ?? Array.Empty<TableKey>();

    /// <summary>Enumerated every table of a schema state.</summary>
    public bool AllTables { get; private set; }

    /// <summary>Asked what operations the model could not read may have created or changed.</summary>
    public bool Unseen { get; private set; }

    /// <summary>Read something no fingerprint describes: the result is not reused.</summary>
    public bool Global { get; private set; }

    /// <summary>The log of the analysis running on this thread, if any.</summary>
    public static ReadLog? Current => t_current;

    public static void Table(TableKey key)
    {
        if (t_current is { } log)
        {
            (log._tables ??= new HashSet<TableKey>()).Add(key);
        }
    }

    /// <summary>
    /// A state folded past a <c>RenameTable</c> holds the old table under its new name: a read of it
    /// there reads the old name in the state the fold started from. Recorded by whoever folds a
    /// migration's own operations (the fold itself records nothing: its states are shared).
    /// </summary>
    public static void Folded(MigrationOperation operation)
    {
        if (t_current is not null && operation.Kind == MigrationOperationKind.RenameTable && operation.Table is { } source)
        {
            Table(new TableKey(operation.Schema, source));
        }
    }

    public static void EveryTable()
    {
        if (t_current is { } log)
        {
            log.AllTables = true;
        }
    }

    public static void UnseenChanges()
    {
        if (t_current is { } log)
        {
            log.Unseen = true;
        }
    }

    public static void Anything()
    {
        if (t_current is { } log)
        {
            log.Global = true;
        }
    }

    /// <summary>Reads the schema before <paramref name="migration"/>: global unless it is the one analyzed.</summary>
    public static void StateBefore(MigrationModel migration)
    {
        if (t_current is { } log && !ReferenceEquals(log.Migration, migration))
        {
            log.Global = true;
        }
    }

    /// <summary>Makes <paramref name="log"/> the current one until the scope is disposed.</summary>
    public static Scope Record(ReadLog? log)
    {
        var previous = t_current;
        t_current = log;
        return new Scope(previous);
    }

    /// <summary>Adds this log's reads to <paramref name="other"/> (a memoized value's reads to each analysis that uses it).</summary>
    public void AddTo(ReadLog? other)
    {
        if (other is null)
        {
            return;
        }

        other.AllTables |= AllTables;
        other.Unseen |= Unseen;
        other.Global |= Global || !ReferenceEquals(other.Migration, Migration);
        if (_tables is not null)
        {
            (other._tables ??= new HashSet<TableKey>()).UnionWith(_tables);
        }
    }

    public readonly struct Scope : IDisposable
    {
        private readonly ReadLog? _previous;

        public Scope(ReadLog? previous)
        {
            _previous = previous;
        }

        public void Dispose() => t_current = _previous;
    }
}
