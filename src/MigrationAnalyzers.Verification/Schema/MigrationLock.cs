using System.Data.Common;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace MigrationAnalyzers.Verification.Schema;

/// <summary>
/// EF Core 9+ takes a database lock around every migration. Where it is a row (SQLite's
/// <c>__EFMigrationsLock</c>) a step that fails can leave the row behind, and the next
/// <c>Migrate</c> then waits for it forever. Only the verifier uses a scratch database, so after its
/// own failed step the row is its own and is deleted. Locks held by a session or transaction
/// (PostgreSQL, SQL Server, MySQL) end with the failed step's connection; EF 8 has no lock.
/// </summary>
internal static class MigrationLock
{
    public const string TableName = "__EFMigrationsLock";

    /// <summary>Deletes the lock rows; returns how many there were (0 also when there is no lock table).</summary>
    public static async Task<int> ClearAsync(DbContext context, CancellationToken cancellationToken)
    {
        var sql = context.GetService<ISqlGenerationHelper>();
        await context.Database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var command = context.Database.GetDbConnection().CreateCommand();
            command.CommandText = "DELETE FROM " + sql.DelimitIdentifier(TableName);
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbException)
        {
            // No lock table: EF 8, or a provider whose lock is not a row.
            return 0;
        }
        finally
        {
            await context.Database.CloseConnectionAsync().ConfigureAwait(false);
        }
    }
}
