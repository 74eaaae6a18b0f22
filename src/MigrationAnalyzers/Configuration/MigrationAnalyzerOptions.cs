using System;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace MigrationAnalyzers.Configuration;

/// <summary>
/// The product options of SPEC §4, read per syntax tree from .editorconfig / .globalconfig.
/// Unknown or malformed values fall back to the defaults; reading never throws.
/// </summary>
internal sealed class MigrationAnalyzerOptions
{
    public const string ProviderKey = "migration_analyzers.provider";
    public const string BaselineKey = "migration_analyzers.baseline";
    public const string DeployKey = "migration_analyzers.deploy";
    public const string PostgresLockTimeoutKey = "migration_analyzers.postgres_lock_timeout";
    public const string MaxSeedRowsKey = "migration_analyzers.max_seed_rows";
    public const int DefaultMaxSeedRows = 1000;

    public MigrationAnalyzerOptions(DatabaseProvider provider, string? baseline, DeployMode deploy, bool requireLockTimeout = false, int maxSeedRows = DefaultMaxSeedRows)
    {
        Provider = provider;
        Baseline = baseline;
        Deploy = deploy;
        RequireLockTimeout = requireLockTimeout;
        MaxSeedRows = maxSeedRows;
    }

    public DatabaseProvider Provider { get; }

    /// <summary>Migrations whose id sorts at or before this one are applied history: folded, not reported.</summary>
    public string? Baseline { get; }

    public DeployMode Deploy { get; }

    /// <summary><c>postgres_lock_timeout = required</c>: MIG068 reports (default off).</summary>
    public bool RequireLockTimeout { get; }

    /// <summary>MIG088's threshold: seed rows per migration above which it reports (default 1000).</summary>
    public int MaxSeedRows { get; }

    /// <summary>Every option the same (a rule's diagnostics from another compilation are reused only then).</summary>
    public bool SameAs(MigrationAnalyzerOptions other) =>
        Provider == other.Provider && Baseline == other.Baseline && Deploy == other.Deploy &&
        RequireLockTimeout == other.RequireLockTimeout && MaxSeedRows == other.MaxSeedRows;

    public static MigrationAnalyzerOptions Read(AnalyzerConfigOptionsProvider provider, SyntaxTree? tree, Compilation compilation) =>
        Read(provider, tree, Model.MigrationCatalog.For(compilation)?.InferredProvider ?? ProviderNames.InferFrom(compilation));

    /// <param name="inferred">The provider the compilation references (<see cref="ProviderNames.InferFrom"/>), used when the option is not set.</param>
    public static MigrationAnalyzerOptions Read(AnalyzerConfigOptionsProvider provider, SyntaxTree? tree, DatabaseProvider inferred)
    {
        var options = tree is null ? provider.GlobalOptions : provider.GetOptions(tree);

        var databaseProvider = options.TryGetValue(ProviderKey, out var providerValue)
            ? ProviderNames.FromOption(providerValue)
            : DatabaseProvider.Unknown;
        if (databaseProvider == DatabaseProvider.Unknown)
        {
            // Not set, or a value we do not know: infer from the provider assembly the project references.
            databaseProvider = inferred;
        }

        string? baseline = null;
        if (options.TryGetValue(BaselineKey, out var baselineValue) && !string.IsNullOrWhiteSpace(baselineValue))
        {
            baseline = baselineValue.Trim();
        }

        var deploy = options.TryGetValue(DeployKey, out var deployValue) &&
            string.Equals(deployValue?.Trim(), "rolling", StringComparison.OrdinalIgnoreCase)
            ? DeployMode.Rolling
            : DeployMode.Downtime;

        var requireLockTimeout = options.TryGetValue(PostgresLockTimeoutKey, out var lockTimeoutValue) &&
            string.Equals(lockTimeoutValue?.Trim(), "required", StringComparison.OrdinalIgnoreCase);

        // Not a positive whole number (a typo, "1,000", "-1", "0"): the default, never an exception.
        var maxSeedRows = options.TryGetValue(MaxSeedRowsKey, out var maxSeedRowsValue) &&
            int.TryParse(maxSeedRowsValue?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) && parsed > 0
            ? parsed
            : DefaultMaxSeedRows;

        return new MigrationAnalyzerOptions(databaseProvider, baseline, deploy, requireLockTimeout, maxSeedRows);
    }

    /// <summary>EF orders migrations by id with an ordinal comparison; the baseline follows that order.</summary>
    public bool IsBaselined(string? migrationId) =>
        Baseline is not null && migrationId is not null && string.CompareOrdinal(migrationId, Baseline) <= 0;
}
