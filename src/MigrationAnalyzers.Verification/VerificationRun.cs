using System;
using System.Collections.Generic;
using System.Data.Common;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MigrationAnalyzers.Verification.Data;
using MigrationAnalyzers.Verification.Schema;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage;

namespace MigrationAnalyzers.Verification;

/// <summary>
/// One pass over a migration history on an empty database: for each migration
/// [sample rows] → Up → [data check] → Down → schema check → Up again → schema check, then the
/// model checks: no pending model changes, and the head schema has everything the schema
/// <c>EnsureCreated</c> builds from the model has. Every step uses a fresh context, as separate
/// <c>dotnet ef</c> runs would.
/// </summary>
internal sealed class VerificationRun
{
    private readonly Func<DbContext> _createContext;
    private readonly SampleDataWriter? _sampleData;
    private readonly SampleRows _sampleRows = new();
    private readonly IReadOnlyCollection<string> _dataLossAllowed;
    private readonly Func<CancellationToken, Task<SchemaSnapshot>> _readModelSchema;
    private readonly List<MigrationFinding> _findings = new();
    private readonly List<string> _notes = new();
    private DesignTimeSchemaReader _schemaReader = null!;
    private SchemaSnapshot? _headSchema;

    /// <param name="createContext">A context on the scratch database the history is applied to.</param>
    /// <param name="sampleData">Null to skip the data checks.</param>
    /// <param name="dataLossAllowed">Migration ids whose data loss is only noted.</param>
    /// <param name="readModelSchema">Reads the schema EnsureCreated builds from the model, on another scratch database.</param>
    public VerificationRun(
        Func<DbContext> createContext,
        SampleDataWriter? sampleData,
        IReadOnlyCollection<string> dataLossAllowed,
        Func<CancellationToken, Task<SchemaSnapshot>> readModelSchema)
    {
        _createContext = createContext;
        _sampleData = sampleData;
        _dataLossAllowed = dataLossAllowed;
        _readModelSchema = readModelSchema;
    }

    public async Task<MigrationVerificationReport> ExecuteAsync(string contextName, string databaseName, string scratchDatabase, CancellationToken cancellationToken)
    {
        List<string> migrations;
        await using (var context = _createContext())
        {
            migrations = context.Database.GetMigrations().ToList();
            _schemaReader = DesignTimeSchemaReader.For(context);
        }

        foreach (var allowed in _dataLossAllowed.Where(a => !migrations.Any(m => m == a || m.EndsWith("_" + a, StringComparison.Ordinal))))
        {
            _notes.Add($"AllowDataLoss names '{allowed}', which is not a migration of this context");
        }

        var previous = Migration.InitialDatabase;
        var reachedHead = true;
        foreach (var migration in migrations)
        {
            if (!await VerifyMigrationAsync(previous, migration, cancellationToken).ConfigureAwait(false))
            {
                _notes.Add($"verification stopped at {migration}: the migrations after it were not applied");
                reachedHead = false;
                break;
            }

            previous = migration;
        }

        var pending = await CheckPendingModelChangesAsync().ConfigureAwait(false);
        if (!pending && reachedHead && _headSchema is not null)
        {
            // Only when the snapshot agrees with the model: otherwise this would repeat that finding.
            await CompareHeadWithModelAsync(_headSchema, cancellationToken).ConfigureAwait(false);
        }

        return new MigrationVerificationReport(contextName, databaseName, scratchDatabase, migrations, _findings, _notes);
    }

    /// <summary>Returns false when the database can no longer be brought to this migration.</summary>
    private async Task<bool> VerifyMigrationAsync(string previous, string migration, CancellationToken cancellationToken)
    {
        var beforeUp = await ReadSchemaAsync(cancellationToken).ConfigureAwait(false);
        var dataBeforeUp = await WriteAndReadSampleDataAsync(beforeUp, cancellationToken).ConfigureAwait(false);

        var upFailed = dataBeforeUp is null
            ? "Up failed"
            : "Up failed (the tables held sample rows: an Up that works on empty tables can fail on existing rows)";
        if (!await TryMigrateAsync(migration, migration, VerificationStep.Up, upFailed, cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        var afterUp = await ReadSchemaAsync(cancellationToken).ConfigureAwait(false);
        if (dataBeforeUp is not null)
        {
            var dataAfterUp = await WithConnectionAsync((c, sql) => TableData.ReadAllAsync(c, sql, afterUp, cancellationToken)).ConfigureAwait(false);
            ReportDataLoss(migration, DataLossComparer.Compare(dataBeforeUp, dataAfterUp, _sampleRows));
        }

        if (await TryMigrateAsync(previous, migration, VerificationStep.Down, "Down failed", cancellationToken).ConfigureAwait(false))
        {
            var afterDown = await ReadSchemaAsync(cancellationToken).ConfigureAwait(false);
            ReportRoundTrip(migration, VerificationStep.Down, "the schema after Down differs from the schema before Up",
                SchemaComparer.Compare(beforeUp, afterDown, "before Up", "after Down"));
        }

        if (!await TryMigrateAsync(migration, migration, VerificationStep.UpAgain, "Up after Down failed", cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        var afterUpAgain = await ReadSchemaAsync(cancellationToken).ConfigureAwait(false);
        _headSchema = afterUpAgain;
        ReportRoundTrip(migration, VerificationStep.UpAgain, "the schema after Up, Down, Up differs from the schema after the first Up",
            SchemaComparer.Compare(afterUp, afterUpAgain, "after the first Up", "after Up again"));
        return true;
    }

    /// <summary>A round trip that changed only column defaults is noted, anything else is a finding.</summary>
    private void ReportRoundTrip(string migration, VerificationStep step, string summary, IReadOnlyList<SchemaDifference> differences)
    {
        if (differences.Count > 0 && differences.All(d => d.IsDefaultOnly))
        {
            var after = step == VerificationStep.Down ? "Down" : "Up again";
            _notes.AddRange(differences.Select(d =>
                $"{migration}: only a column default differs after {after} (EF's Downs and SQLite table rebuilds change defaults): {d.Text}"));
            return;
        }

        AddIfAny(migration, step, summary, differences);
    }

    private async Task<IReadOnlyDictionary<string, TableData>?> WriteAndReadSampleDataAsync(SchemaSnapshot schema, CancellationToken cancellationToken)
    {
        if (_sampleData is null)
        {
            return null;
        }

        return await WithConnectionAsync(async (connection, sql) =>
        {
            var beforeWriting = await TableData.ReadAllAsync(connection, sql, schema, cancellationToken).ConfigureAwait(false);
            _notes.AddRange(await _sampleData.WriteAsync(connection, sql, schema, cancellationToken).ConfigureAwait(false));
            var afterWriting = await TableData.ReadAllAsync(connection, sql, schema, cancellationToken).ConfigureAwait(false);
            _sampleRows.Record(beforeWriting, afterWriting);
            return afterWriting;
        }).ConfigureAwait(false);
    }

    private void ReportDataLoss(string migration, IReadOnlyList<string> losses)
    {
        if (losses.Count == 0)
        {
            return;
        }

        if (IsDataLossAllowed(migration))
        {
            _notes.AddRange(losses.Select(l => $"{migration}: data loss allowed: {l}"));
            return;
        }

        _findings.Add(new MigrationFinding(migration, VerificationStep.Data, "Up lost sample data", losses));
    }

    /// <summary>Listed by full id ("20240102000000_DropSummary") or by name ("DropSummary").</summary>
    private bool IsDataLossAllowed(string migration)
        => _dataLossAllowed.Any(allowed => migration == allowed || migration.EndsWith("_" + allowed, StringComparison.Ordinal));

    /// <summary>Migrates to <paramref name="target"/>; a failure becomes a finding with the provider's error.</summary>
    private async Task<bool> TryMigrateAsync(string target, string migration, VerificationStep step, string summary, CancellationToken cancellationToken)
    {
        try
        {
            await using var context = _createContext();
            await context.GetService<IMigrator>().MigrateAsync(target, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            _findings.Add(new MigrationFinding(migration, step, summary, ErrorLines(exception)));
            return false;
        }
    }

    /// <summary>Reports pending model changes; returns whether there are any (or the check failed).</summary>
    private async Task<bool> CheckPendingModelChangesAsync()
    {
        try
        {
            bool pending;
            await using (var context = _createContext())
            {
                pending = PendingModelChanges.Exist(context);
            }

            if (pending)
            {
                await using var context = _createContext();
                _findings.Add(new MigrationFinding(null, VerificationStep.Model,
                    "the model has changes that no migration captures: add a migration (dotnet ef migrations add) or fix the model snapshot",
                    PendingModelChanges.Describe(context)));
            }

            return pending;
        }
        catch (Exception exception)
        {
            _findings.Add(new MigrationFinding(null, VerificationStep.Model, "the model could not be compared with the migrations", ErrorLines(exception)));
            return true;
        }
    }

    /// <summary>
    /// The snapshot can agree with the model while a hand-edited migration does not do what its
    /// snapshot says; comparing with the schema built from the model catches that. Only what the
    /// head lacks or has differently is reported: extra tables (views, raw SQL) are the migrations' business.
    /// </summary>
    private async Task CompareHeadWithModelAsync(SchemaSnapshot head, CancellationToken cancellationToken)
    {
        var model = await _readModelSchema(cancellationToken).ConfigureAwait(false);
        AddIfAny(null, VerificationStep.Model,
            "the schema after all migrations lacks parts of the model (compared with the schema EnsureCreated builds from it)",
            SchemaComparer.Compare(model, head, "in the model", "after all migrations", reportExtras: false));
    }

    private Task<SchemaSnapshot> ReadSchemaAsync(CancellationToken cancellationToken)
        => WithConnectionAsync((connection, _) => Task.FromResult(_schemaReader.Read(connection)));

    private async Task<T> WithConnectionAsync<T>(Func<DbConnection, ISqlGenerationHelper, Task<T>> action)
    {
        await using var context = _createContext();
        await context.Database.OpenConnectionAsync().ConfigureAwait(false);
        try
        {
            return await action(context.Database.GetDbConnection(), context.GetService<ISqlGenerationHelper>()).ConfigureAwait(false);
        }
        finally
        {
            await context.Database.CloseConnectionAsync().ConfigureAwait(false);
        }
    }

    private void AddIfAny(string? migration, VerificationStep step, string summary, IReadOnlyList<SchemaDifference> differences)
    {
        if (differences.Count > 0)
        {
            _findings.Add(new MigrationFinding(migration, step, summary, differences.Select(d => d.Text).ToList()));
        }
    }

    /// <summary>The exception chain down to the provider's own error (SqliteException, PostgresException).</summary>
    private static IReadOnlyList<string> ErrorLines(Exception exception)
    {
        var lines = new List<string>();
        for (var current = exception; current is not null; current = current.InnerException)
        {
            lines.Add($"{current.GetType().Name}: {current.Message}");
        }

        return lines.Distinct().ToList();
    }
}
