using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MigrationAnalyzers.Verification.Data;
using MigrationAnalyzers.Verification.Running;
using MigrationAnalyzers.Verification.Schema;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;

namespace MigrationAnalyzers.Verification;

/// <summary>
/// One pass over a migration history on an empty database: for each migration
/// [sample rows] → Up → [data check] → Down → schema check → Up again → schema check, then the
/// model checks: no pending model changes, and the head schema has everything the schema
/// <c>EnsureCreated</c> builds from the model has. Every step uses a fresh context, as separate
/// <c>dotnet ef</c> runs would, and runs under the time limits of <see cref="StepGuard"/>.
/// A round trip that fails or leaves another schema does not end the run: the database is brought
/// back to the state after that migration's Up (see VerificationRun.Recovery.cs) and the next
/// migration is checked, so one run reports every broken Down. Only an Up that fails ends it.
/// </summary>
internal sealed partial class VerificationRun : IAsyncDisposable
{
    private readonly Func<CancellationToken, Task<ScratchDatabase>> _createDatabase;
    private readonly Func<ScratchDatabase, Func<DbContext>> _bindContext;
    private readonly SampleDataWriter? _sampleData;
    private readonly SampleRows _sampleRows = new();
    private readonly IReadOnlyCollection<string> _dataLossAllowed;
    private readonly Func<CancellationToken, Task<SchemaSnapshot>> _readModelSchema;
    private readonly StepGuard _guard;
    private readonly ProgressReporter _progress;
    private readonly CancellationToken _cancellation;
    private readonly List<MigrationFinding> _findings = new();
    private readonly List<string> _notes = new();
    private readonly List<ScratchDatabase> _databases = new();
    private readonly HashSet<ScratchDatabase> _abandoned = new();
    private ScratchDatabase _database = null!;
    private Func<DbContext> _createContext = null!;
    private DesignTimeSchemaReader _schemaReader = null!;
    private SchemaSnapshot? _headSchema;
    private string _position = "start";

    /// <param name="createDatabase">Creates an empty scratch database; called again for each rebuild.</param>
    /// <param name="bindContext">Given a scratch database, makes contexts on it.</param>
    /// <param name="sampleData">Null to skip the data checks.</param>
    /// <param name="dataLossAllowed">Migration ids whose data loss is only noted.</param>
    /// <param name="readModelSchema">Reads the schema EnsureCreated builds from the model, on another scratch database.</param>
    /// <param name="guard">The time limits.</param>
    /// <param name="progress">Where to say which migration and step is running.</param>
    /// <param name="cancellation">The caller's cancellation: ends the run with an exception, not a report.</param>
    public VerificationRun(
        Func<CancellationToken, Task<ScratchDatabase>> createDatabase,
        Func<ScratchDatabase, Func<DbContext>> bindContext,
        SampleDataWriter? sampleData,
        IReadOnlyCollection<string> dataLossAllowed,
        Func<CancellationToken, Task<SchemaSnapshot>> readModelSchema,
        StepGuard guard,
        ProgressReporter progress,
        CancellationToken cancellation)
    {
        _createDatabase = createDatabase;
        _bindContext = bindContext;
        _sampleData = sampleData;
        _dataLossAllowed = dataLossAllowed;
        _readModelSchema = readModelSchema;
        _guard = guard;
        _progress = progress;
        _cancellation = cancellation;
    }

    public async Task<MigrationVerificationReport> ExecuteAsync(string contextName)
    {
        try
        {
            await UseNewDatabaseAsync(null, VerificationStep.Up).ConfigureAwait(false);
        }
        catch (StepTimeoutException timeout)
        {
            throw new TimeoutException("The scratch database could not be created: " + timeout.Message, timeout);
        }

        List<string> migrations;
        await using (var context = _createContext())
        {
            migrations = context.Database.GetMigrations().ToList();
            _schemaReader = DesignTimeSchemaReader.For(context);
        }

        _progress.Report($"verifying {migrations.Count} migrations of {contextName} on {_database.DisplayName} ({_database.Location})");
        foreach (var allowed in _dataLossAllowed.Where(a => !migrations.Any(m => m == a || m.EndsWith("_" + a, StringComparison.Ordinal))))
        {
            _notes.Add($"AllowDataLoss names '{allowed}', which is not a migration of this context");
        }

        var previous = Migration.InitialDatabase;
        var reachedHead = true;
        for (var i = 0; i < migrations.Count; i++)
        {
            var migration = migrations[i];
            _position = $"[{i + 1}/{migrations.Count}] {migration}";
            if (!await VerifyMigrationAsync(previous, migration).ConfigureAwait(false))
            {
                _notes.Add($"verification stopped at {migration}: the migrations after it were not checked");
                reachedHead = false;
                break;
            }

            previous = migration;
        }

        _position = "model";
        await CheckModelAsync(reachedHead).ConfigureAwait(false);
        var duration = _guard.Elapsed;
        _progress.Report($"done in {StepTimeoutException.Describe(duration)}: {(_findings.Count == 0 ? "passed" : _findings.Count + " problem(s)")}");
        return new MigrationVerificationReport(
            contextName, _databases[0].DisplayName, _databases[0].Location, migrations, _findings, _notes, _databases.Select(d => d.Location).ToList(), duration);
    }

    /// <summary>Returns false when the run cannot go on past this migration.</summary>
    private async Task<bool> VerifyMigrationAsync(string previous, string migration)
    {
        SchemaSnapshot afterUp;
        SchemaSnapshot beforeUp;
        try
        {
            // The schema the previous migration's round trip ended in (read, or rebuilt to) is where
            // this Up starts: sample rows change no schema, so it is not read again.
            beforeUp = _headSchema ?? await ReadSchemaAsync(migration, VerificationStep.Up, "reading the schema before Up").ConfigureAwait(false);
            var dataBeforeUp = _sampleData is null ? null : await WriteSampleDataAsync(migration, beforeUp).ConfigureAwait(false);
            var upFailed = dataBeforeUp is null
                ? "Up failed"
                : "Up failed (the tables held sample rows: an Up that works on empty tables can fail on existing rows)";
            if (!await TryMigrateAsync(migration, migration, VerificationStep.Up, upFailed, "Up").ConfigureAwait(false))
            {
                return false;
            }

            afterUp = await ReadSchemaAsync(migration, VerificationStep.Up, "reading the schema after Up").ConfigureAwait(false);
            if (dataBeforeUp is not null)
            {
                var dataAfterUp = await Step(migration, VerificationStep.Data, "reading the sample rows after Up",
                    ct => WithConnectionAsync((c, sql) => TableData.ReadAllAsync(c, sql, afterUp, ct), ct)).ConfigureAwait(false);
                ReportDataLoss(migration, DataLossComparer.Compare(dataBeforeUp, dataAfterUp, _sampleRows));
            }
        }
        catch (StepTimeoutException timeout)
        {
            _findings.Add(timeout.ToFinding());
            return false;
        }

        try
        {
            if (await RoundTripAsync(previous, migration, beforeUp, afterUp).ConfigureAwait(false))
            {
                return true;
            }
        }
        catch (StepTimeoutException timeout)
        {
            _findings.Add(timeout.ToFinding());
            if (timeout.Overall)
            {
                return false;
            }

            // The step that hung may still hold the database: it is left to itself, never reused.
            _abandoned.Add(_database);
            return await RebuildAsync(migration).ConfigureAwait(false);
        }

        return await RecoverAsync(migration, afterUp).ConfigureAwait(false);
    }

    /// <summary>
    /// Down, then Up again, each compared with the schema it should restore. Returns true when the
    /// database ends where the first Up left it (column defaults aside, see <see cref="SchemaDifference"/>).
    /// </summary>
    private async Task<bool> RoundTripAsync(string previous, string migration, SchemaSnapshot beforeUp, SchemaSnapshot afterUp)
    {
        if (!await TryMigrateAsync(previous, migration, VerificationStep.Down, "Down failed", "Down").ConfigureAwait(false))
        {
            return false;
        }

        var afterDown = await ReadSchemaAsync(migration, VerificationStep.Down, "reading the schema after Down").ConfigureAwait(false);
        ReportRoundTrip(migration, VerificationStep.Down, "the schema after Down differs from the schema before Up",
            SchemaComparer.Compare(beforeUp, afterDown, "before Up", "after Down"));

        if (!await TryMigrateAsync(migration, migration, VerificationStep.UpAgain, "Up after Down failed", "Up again").ConfigureAwait(false))
        {
            return false;
        }

        var afterUpAgain = await ReadSchemaAsync(migration, VerificationStep.UpAgain, "reading the schema after Up again").ConfigureAwait(false);
        var differences = SchemaComparer.Compare(afterUp, afterUpAgain, "after the first Up", "after Up again");
        ReportRoundTrip(migration, VerificationStep.UpAgain, "the schema after Up, Down, Up differs from the schema after the first Up", differences);
        _headSchema = afterUpAgain;
        return differences.All(d => d.IsDefaultOnly);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var database in _databases)
        {
            try
            {
                await database.DisposeAsync().ConfigureAwait(false);
            }
            catch (Exception) when (_abandoned.Contains(database))
            {
                // A hung step may still hold it (an open file on Windows); it is a scratch database.
            }
        }
    }
}
