using System;
using System.Collections.Generic;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging;
using MigrationAnalyzers.Verification.Data;
using MigrationAnalyzers.Verification.Databases;
using MigrationAnalyzers.Verification.Schema;

namespace MigrationAnalyzers.Verification;

/// <summary>A configured verification of <typeparamref name="TContext"/>'s migrations; reusable.</summary>
public sealed class MigrationVerifier<TContext>
    where TContext : DbContext
{
    private readonly Func<CancellationToken, ValueTask<ScratchDatabase>> _createDatabase;
    private readonly Func<DbContextOptions<TContext>, TContext> _createContext;
    private readonly HashSet<string> _dataLossAllowed = new(StringComparer.Ordinal);
    private Action<DbContextOptionsBuilder<TContext>>? _configureOptions;
    private int _sampleRowsPerTable;

    internal MigrationVerifier(Func<CancellationToken, ValueTask<ScratchDatabase>> createDatabase, Func<DbContextOptions<TContext>, TContext> createContext)
    {
        _createDatabase = createDatabase;
        _createContext = createContext ?? throw new ArgumentNullException(nameof(createContext));
    }

    /// <summary>
    /// Before each migration's Up, writes <paramref name="rowsPerTable"/> generated rows into every
    /// table and reports tables, rows and column values the Up lost.
    /// </summary>
    public MigrationVerifier<TContext> WithSampleData(int rowsPerTable = 3)
    {
        if (rowsPerTable < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(rowsPerTable), "At least one row per table.");
        }

        _sampleRowsPerTable = rowsPerTable;
        return this;
    }

    /// <summary>
    /// Data lost by these migrations' Up is intended: it is listed as a note, not a failure.
    /// Give the full id ("20240102000000_DropSummary") or the name ("DropSummary").
    /// </summary>
    public MigrationVerifier<TContext> AllowDataLoss(params string[] migrationIds)
    {
        _dataLossAllowed.UnionWith(migrationIds);
        return this;
    }

    /// <summary>Further options (interceptors, plugins such as NodaTime), applied after the provider is configured.</summary>
    public MigrationVerifier<TContext> ConfigureOptions(Action<DbContextOptionsBuilder<TContext>> configure)
    {
        _configureOptions += configure;
        return this;
    }

    /// <summary>Runs the verification on a new scratch database and returns what it found.</summary>
    public async Task<MigrationVerificationReport> VerifyAsync(CancellationToken cancellationToken = default)
    {
        await using var database = await _createDatabase(cancellationToken).ConfigureAwait(false);
        var options = BuildOptions(database);
        var sampleData = _sampleRowsPerTable > 0 ? new SampleDataWriter(_sampleRowsPerTable) : null;
        var run = new VerificationRun(() => _createContext(options), sampleData, _dataLossAllowed, ReadModelSchemaAsync);
        return await run.ExecuteAsync(typeof(TContext).Name, database.DisplayName, database.Location, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Runs the verification and throws <see cref="MigrationVerificationException"/> with the report if anything was found.</summary>
    public async Task AssertAsync(CancellationToken cancellationToken = default)
        => (await VerifyAsync(cancellationToken).ConfigureAwait(false)).ThrowIfFailed();

    private DbContextOptions<TContext> BuildOptions(ScratchDatabase database)
    {
        var builder = new DbContextOptionsBuilder<TContext>();
        database.Configure(builder);
        IgnorePendingModelChangesWarning(builder);
        _configureOptions?.Invoke(builder);
        return builder.Options;
    }

    /// <summary>The schema the model asks for: EnsureCreated on a second scratch database, read back.</summary>
    private async Task<SchemaSnapshot> ReadModelSchemaAsync(CancellationToken cancellationToken)
    {
        await using var database = await _createDatabase(cancellationToken).ConfigureAwait(false);
        await using var context = _createContext(BuildOptions(database));
        await context.Database.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var reader = DesignTimeSchemaReader.For(context);
        await context.Database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return reader.Read(context.Database.GetDbConnection());
        }
        finally
        {
            await context.Database.CloseConnectionAsync().ConfigureAwait(false);
        }
    }

    /// <summary>
    /// EF 9+ refuses to migrate while the model has pending changes; this library reports that
    /// itself (with the list of changes) after checking the history, so the warning is silenced.
    /// The event does not exist in EF 8, hence the lookup by name.
    /// </summary>
    private static void IgnorePendingModelChangesWarning(DbContextOptionsBuilder builder)
    {
        var property = typeof(RelationalEventId).GetProperty("PendingModelChangesWarning", BindingFlags.Public | BindingFlags.Static);
        if (property?.GetValue(null) is EventId eventId)
        {
            builder.ConfigureWarnings(w => w.Ignore(eventId));
        }
    }
}
