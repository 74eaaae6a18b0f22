using System;
using System.Threading.Tasks;
using Microsoft.EntityFrameworkCore;

namespace MigrationAnalyzers.Verification.Databases;

/// <summary>
/// An empty database that exists only for one verification run and is removed afterwards, so a
/// run never touches a database someone cares about and runs never see each other's leftovers.
/// </summary>
internal abstract class ScratchDatabase : IAsyncDisposable
{
    /// <summary>Shown in the report, e.g. "SQLite".</summary>
    public abstract string DisplayName { get; }

    /// <summary>The file or database name, reported so a run can be traced (it is gone afterwards).</summary>
    public abstract string Location { get; }

    /// <summary>Points the context options at this database.</summary>
    public abstract void Configure(DbContextOptionsBuilder builder);

    public abstract ValueTask DisposeAsync();
}
