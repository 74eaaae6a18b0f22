using System;
using System.Linq;
using System.Threading.Tasks;
using MigrationAnalyzers.Verification.Running;
using MigrationAnalyzers.Verification.Schema;
using Microsoft.EntityFrameworkCore;

namespace MigrationAnalyzers.Verification;

/// <summary>
/// Bringing the database back to the state after a migration's Up when its round trip went wrong,
/// so that the next migration is checked from where a correct history would be.
/// </summary>
internal sealed partial class VerificationRun
{
    /// <summary>
    /// A failed step usually rolled back with its transaction: the database is still where Up left
    /// it, except perhaps for EF's migration lock row (see <see cref="MigrationLock"/>), which is
    /// cleared. Anything else (a Down that ran partly, a provider without transactional DDL, a schema
    /// that differs) is not repaired in place: a fresh database is migrated up to this migration.
    /// </summary>
    private async Task<bool> RecoverAsync(string migration, SchemaSnapshot afterUp)
    {
        try
        {
            var (clearedLocks, intact) = await Step(migration, VerificationStep.Down, "checking the database after the failed round trip", async ct =>
            {
                await using var context = _createContext();
                var cleared = await MigrationLock.ClearAsync(context, ct).ConfigureAwait(false);
                var applied = (await context.Database.GetAppliedMigrationsAsync(ct).ConfigureAwait(false)).LastOrDefault();
                await context.Database.OpenConnectionAsync(ct).ConfigureAwait(false);
                try
                {
                    var schema = _schemaReader.Read(context.Database.GetDbConnection());
                    return (cleared, applied == migration && SchemaComparer.Compare(afterUp, schema, "after Up", "now").All(d => d.IsDefaultOnly));
                }
                finally
                {
                    await context.Database.CloseConnectionAsync().ConfigureAwait(false);
                }
            }).ConfigureAwait(false);
            if (clearedLocks > 0)
            {
                AddDetailToLast(migration, $"the failed step left EF's migration lock in {MigrationLock.TableName}; the verifier removed it before going on");
            }

            if (intact)
            {
                _headSchema = afterUp;
                return true;
            }
        }
        catch (Exception exception) when (!_cancellation.IsCancellationRequested)
        {
            // The check itself failed or hung: the database cannot be trusted, so it is rebuilt.
            if (exception is StepTimeoutException { Overall: true })
            {
                _findings.Add(((StepTimeoutException)exception).ToFinding());
                return false;
            }

            _abandoned.Add(_database);
        }

        return await RebuildAsync(migration).ConfigureAwait(false);
    }

    /// <summary>A fresh scratch database with the history applied up to <paramref name="migration"/>.</summary>
    private async Task<bool> RebuildAsync(string migration)
    {
        try
        {
            await UseNewDatabaseAsync(migration, VerificationStep.Down).ConfigureAwait(false);
            await Step(migration, VerificationStep.Down, "rebuilding: applying the history up to this migration on a fresh database",
                ct => MigrateAsync(migration, ct)).ConfigureAwait(false);
            // Read, not assumed: where a provider names the database as the tables' schema (MySQL,
            // MariaDB), a snapshot of the old database would point sample rows at the old one.
            _headSchema = await ReadSchemaAsync(migration, VerificationStep.Down, "reading the schema of the rebuilt database").ConfigureAwait(false);
            return true;
        }
        catch (Exception exception) when (!_cancellation.IsCancellationRequested)
        {
            if (exception is StepTimeoutException timeout)
            {
                _findings.Add(timeout.ToFinding());
            }
            else
            {
                _notes.Add($"{migration}: a fresh database could not be migrated up to it after its round trip failed: {ErrorLines(exception)[^1]}");
            }

            return false;
        }
    }

    private void AddDetailToLast(string migration, string detail)
    {
        var index = _findings.FindLastIndex(f => f.MigrationId == migration);
        if (index >= 0)
        {
            var finding = _findings[index];
            _findings[index] = new MigrationFinding(finding.MigrationId, finding.Step, finding.Summary, finding.Details.Append(detail).ToList());
        }
    }
}
