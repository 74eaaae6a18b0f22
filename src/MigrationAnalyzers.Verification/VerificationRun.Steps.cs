using System;
using System.Collections.Generic;
using System.Data.Common;
using System.Threading;
using System.Threading.Tasks;
using MigrationAnalyzers.Verification.Data;
using MigrationAnalyzers.Verification.Running;
using MigrationAnalyzers.Verification.Schema;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace MigrationAnalyzers.Verification;

/// <summary>The database steps of a run, each reported as progress and run under the time limits.</summary>
internal sealed partial class VerificationRun
{
    /// <summary>
    /// Runs one step under the time limits. The work gets its own cancellation token and returns its
    /// result; it changes no state of the run, so a step abandoned after its time cannot interfere.
    /// </summary>
    private Task<T> Step<T>(string? migration, VerificationStep step, string activity, Func<CancellationToken, Task<T>> work)
    {
        _progress.Report($"{_position}: {activity}");
        return _guard.RunAsync(migration, step, activity, work);
    }

    /// <summary>Migrates to <paramref name="target"/>; a failure becomes a finding with the provider's error at once.</summary>
    private async Task<bool> TryMigrateAsync(string target, string migration, VerificationStep step, string summary, string activity)
    {
        try
        {
            return await Step(migration, step, activity, ct => MigrateAsync(target, ct)).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not StepTimeoutException && !_cancellation.IsCancellationRequested)
        {
            _findings.Add(new MigrationFinding(migration, step, summary, ErrorLines(exception)));
            return false;
        }
    }

    private async Task<bool> MigrateAsync(string target, CancellationToken cancellationToken)
    {
        await using var context = _createContext();
        await context.GetService<IMigrator>().MigrateAsync(target, cancellationToken).ConfigureAwait(false);
        return true;
    }

    private Task<SchemaSnapshot> ReadSchemaAsync(string? migration, VerificationStep step, string activity)
        => Step(migration, step, activity, ct => WithConnectionAsync((connection, _) => Task.FromResult(_schemaReader.Read(connection)), ct));

    /// <summary>Writes sample rows and returns the tables as they are afterwards.</summary>
    private async Task<IReadOnlyDictionary<string, TableData>> WriteSampleDataAsync(string migration, SchemaSnapshot schema)
    {
        var (before, notes, after) = await Step(migration, VerificationStep.Data, "writing sample rows", ct => WithConnectionAsync(async (connection, sql) =>
        {
            var beforeWriting = await TableData.ReadAllAsync(connection, sql, schema, ct).ConfigureAwait(false);
            var written = await _sampleData!.WriteAsync(connection, sql, schema, ct).ConfigureAwait(false);
            var afterWriting = await TableData.ReadAllAsync(connection, sql, schema, ct).ConfigureAwait(false);
            return (beforeWriting, written, afterWriting);
        }, ct)).ConfigureAwait(false);
        _notes.AddRange(notes);
        _sampleRows.Record(before, after);
        return after;
    }

    private async Task<T> WithConnectionAsync<T>(Func<DbConnection, SqlText, Task<T>> action, CancellationToken cancellationToken)
    {
        await using var context = _createContext();
        await context.Database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await action(context.Database.GetDbConnection(), SqlText.For(context)).ConfigureAwait(false);
        }
        finally
        {
            await context.Database.CloseConnectionAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Creates a scratch database and makes it the one the following steps use.</summary>
    private async Task UseNewDatabaseAsync(string? migration, VerificationStep step)
    {
        var database = await Step(migration, step, "creating a scratch database", _createDatabase).ConfigureAwait(false);
        _databases.Add(database);
        _database = database;
        _createContext = _bindContext(database);
    }
}
