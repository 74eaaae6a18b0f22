using System;
using System.Collections.Generic;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging;
using MigrationAnalyzers.Verification.Data;
using MigrationAnalyzers.Verification.Running;
using MigrationAnalyzers.Verification.Schema;

namespace MigrationAnalyzers.Verification;

/// <summary>A configured verification of <typeparamref name="TContext"/>'s migrations; reusable.</summary>
public sealed class MigrationVerifier<TContext>
    where TContext : DbContext
{
    /// <summary>The default limit of one step (one Up, one Down, one schema read, a rebuild).</summary>
    public static readonly TimeSpan DefaultStepTimeLimit = TimeSpan.FromMinutes(5);

    /// <summary>The default limit of a whole run.</summary>
    public static readonly TimeSpan DefaultOverallTimeLimit = TimeSpan.FromMinutes(30);

    private readonly Func<CancellationToken, Task<ScratchDatabase>> _createDatabase;
    private readonly Func<DbContextOptions<TContext>, TContext> _createContext;
    private readonly HashSet<string> _dataLossAllowed = new(StringComparer.Ordinal);
    private Action<DbContextOptionsBuilder<TContext>>? _configureOptions;
    private int _sampleRowsPerTable;
    private TimeSpan _stepTimeLimit = DefaultStepTimeLimit;
    private TimeSpan _overallTimeLimit = DefaultOverallTimeLimit;
    private Action<string>? _progress;
    private ILogger? _logger;

    internal MigrationVerifier(Func<CancellationToken, Task<ScratchDatabase>> createDatabase, Func<DbContextOptions<TContext>, TContext> createContext)
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

    /// <summary>
    /// Time limits: a step (one Up, Down, schema read or rebuild) that takes longer than
    /// <paramref name="perStep"/>, or a run longer than <paramref name="overall"/>, ends as a finding
    /// naming the migration and step instead of waiting. Defaults: <see cref="DefaultStepTimeLimit"/>
    /// and <see cref="DefaultOverallTimeLimit"/>; null keeps the current value.
    /// </summary>
    public MigrationVerifier<TContext> WithTimeLimits(TimeSpan? perStep = null, TimeSpan? overall = null)
    {
        if (perStep <= TimeSpan.Zero || overall <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(perStep <= TimeSpan.Zero ? nameof(perStep) : nameof(overall), "A time limit must be positive.");
        }

        _stepTimeLimit = perStep ?? _stepTimeLimit;
        _overallTimeLimit = overall ?? _overallTimeLimit;
        return this;
    }

    /// <summary>Called with a line for every step ("[3/25] 20240102000000_AddSummary: Down"), e.g. <c>ITestOutputHelper.WriteLine</c>.</summary>
    public MigrationVerifier<TContext> WithProgress(Action<string> progress)
    {
        _progress += progress ?? throw new ArgumentNullException(nameof(progress));
        return this;
    }

    /// <summary>Logs a line for every step at Information level.</summary>
    public MigrationVerifier<TContext> WithLogger(ILogger logger)
    {
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        return this;
    }

    /// <summary>Runs the verification on new scratch databases and returns what it found.</summary>
    public async Task<MigrationVerificationReport> VerifyAsync(CancellationToken cancellationToken = default)
    {
        var guard = new StepGuard(_stepTimeLimit, _overallTimeLimit, cancellationToken);
        var sampleData = _sampleRowsPerTable > 0 ? new SampleDataWriter(_sampleRowsPerTable) : null;
        await using var run = new VerificationRun(
            _createDatabase,
            database =>
            {
                var options = BuildOptions(database);
                return () => _createContext(options);
            },
            sampleData,
            _dataLossAllowed,
            ReadModelSchemaAsync,
            guard,
            new ProgressReporter(_progress, _logger),
            cancellationToken);
        return await run.ExecuteAsync(typeof(TContext).Name).ConfigureAwait(false);
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
