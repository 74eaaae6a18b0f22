using System;
using System.Collections.Immutable;
using System.Threading;
using MigrationAnalyzers.Configuration;
using MigrationAnalyzers.Model;

namespace MigrationAnalyzers.Schema;

/// <summary>
/// What is known about one migration in its compilation: its model, the history before it, the
/// options of its file, the schema before each Up operation and the "existing table" answer. The
/// layers that derive findings (Schema, Reversibility) read this; only the Rules layer reports.
/// </summary>
internal class MigrationFacts
{
    public MigrationFacts(MigrationCatalog catalog, MigrationModel migration, MigrationAnalyzerOptions options, CancellationToken cancellationToken)
    {
        Catalog = catalog;
        Migration = migration;
        Options = options;
        CancellationToken = cancellationToken;
    }

    public MigrationCatalog Catalog { get; }

    public MigrationModel Migration { get; }

    public MigrationAnalyzerOptions Options { get; }

    public DatabaseProvider Provider => Options.Provider;

    public CancellationToken CancellationToken { get; }

    /// <summary>
    /// The fold of the compilation's migrations. When a migration before this one could not be
    /// modelled, asking for it ends the rule's analysis of this migration (SPEC §7: what depends on
    /// an unknown history stays silent); <see cref="MigrationAnalyzers.Rules.MigrationRuleAnalyzer"/> catches it.
    /// </summary>
    public SchemaHistory History
    {
        get
        {
            var history = Catalog.HistoryFor(CancellationToken);
#pragma warning disable CA1065 // Deliberate: the exception is the "history unknown, stay silent" signal, caught by the rule base.
            return history.IsCompleteBefore(Migration) ? history : throw new IncompleteHistoryException();
#pragma warning restore CA1065
        }
    }

    /// <summary>False when the operation sits in a branch for another provider than the configured one.</summary>
    public bool MayRun(MigrationOperation operation) => operation.Condition.RunsOn(Provider) != false;

    /// <summary>
    /// SPEC §3 "existing table": not created earlier in this Up; with a baseline, also not created
    /// by a migration after the baseline (not deployed yet). Without a baseline every table this
    /// Up did not create counts as existing. False also when it cannot be told (SPEC §3 "Unknown is
    /// silent"): an earlier operation of this Up the model could not read may have created or
    /// rebuilt the table, or, with a baseline, one of a migration after the baseline.
    /// </summary>
    public bool IsExistingTable(string? schema, string table, int upIndex)
    {
        var operations = Migration.Up.Operations;
        for (var i = 0; i < upIndex && i < operations.Length; i++)
        {
            var operation = operations[i];
            if (operation.Kind == MigrationOperationKind.CreateTable && operation.IsTable(schema, table))
            {
                return false;
            }

            if (operation.Kind == MigrationOperationKind.RenameTable && operation.NewName == table &&
                MigrationOperation.SchemaEquals(operation["newSchema"].AsString() ?? operation.Schema, schema) &&
                operation.Table is { } source && !IsExistingTable(operation.Schema, source, i))
            {
                return false;
            }

            if (UnseenChange.MayHaveCreated(operation, table) && MayRun(operation))
            {
                return false;
            }
        }

        if (Options.Baseline is null)
        {
            return true;
        }

        var before = History.StateBefore(Migration);
        if (before.Find(schema, table) is not { } known)
        {
            // Not in the fold: older than the compilation's migrations, unless an unreadable
            // migration after the baseline may have created it.
            return before.MayHaveCreated(table) is not { } unseen || Options.IsBaselined(unseen.Id);
        }

        return (known.CreatedBy?.Id is null || Options.IsBaselined(known.CreatedBy.Id)) &&
            (known.ChangedUnseenBy is not { } changed || Options.IsBaselined(changed.Id));
    }

    /// <summary>
    /// True when an operation the model could not read (of this Up before <paramref name="upIndex"/>,
    /// or of an earlier migration when it names the table) may have created, rebuilt or changed the
    /// table: its recorded columns and keys are not the whole truth, rules that read them stay silent.
    /// </summary>
    public bool IsChangedUnseen(string? schema, string table, int upIndex) =>
        UpStateBefore(upIndex).ChangedUnseenBy(schema, table, Migration) is not null;

    /// <summary>Columns added by this Up before <paramref name="upIndex"/> (new, hence empty, columns).</summary>
    public bool IsColumnAddedEarlier(string? schema, string table, string column, int upIndex)
    {
        var operations = Migration.Up.Operations;
        for (var i = 0; i < upIndex && i < operations.Length; i++)
        {
            if (operations[i].Kind == MigrationOperationKind.AddColumn && operations[i].IsTable(schema, table) && operations[i].Name == column)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The schema just before Up's operation <paramref name="upIndex"/>: history plus this Up so far.</summary>
    public SchemaState UpStateBefore(int upIndex)
    {
        // Folded once per migration for every rule that asks (a memo: each asking analysis gets its reads).
        var states = Catalog.Memo((typeof(MigrationFacts), Migration), FoldUp);
        var index = Math.Min(Math.Max(upIndex, 0), states.Length - 1);
        RecordRenamedSources(index);
        return states[index];
    }

    private ImmutableArray<SchemaState> FoldUp()
    {
        var operations = Migration.Up.Operations;
        var states = ImmutableArray.CreateBuilder<SchemaState>(operations.Length + 1);
        var state = History.StateBefore(Migration);
        states.Add(state);
        foreach (var operation in operations)
        {
            state = state.Apply(operation, Migration);
            states.Add(state);
        }

        return states.MoveToImmutable();
    }

    /// <summary>The renames folded into the state returned for <paramref name="upIndex"/> are reads of their old tables (<see cref="ReadLog.Folded"/>).</summary>
    private void RecordRenamedSources(int upIndex)
    {
        var operations = Migration.Up.Operations;
        for (var i = 0; i < upIndex && i < operations.Length; i++)
        {
            ReadLog.Folded(operations[i]);
        }
    }

    /// <summary>Quotes a table name for messages: <c>schema.table</c> or <c>table</c>.</summary>
    public static string Qualified(string? schema, string? table) =>
        string.IsNullOrEmpty(schema) ? table ?? "?" : schema + "." + table;
}
