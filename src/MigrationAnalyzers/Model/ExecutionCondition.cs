using System.Collections.Immutable;
using MigrationAnalyzers.Configuration;

namespace MigrationAnalyzers.Model;

/// <summary>
/// Under which condition an operation runs: always, only for some providers
/// (<c>if (ActiveProvider == "…")</c>, <c>migrationBuilder.IsNpgsql()</c>, a ternary), or under a
/// condition the model cannot evaluate.
/// </summary>
internal sealed class ExecutionCondition
{
    public static readonly ExecutionCondition Always = new(ImmutableArray<DatabaseProvider>.Empty, isUnknown: false, isAlways: true);

    public static readonly ExecutionCondition Unknown = new(ImmutableArray<DatabaseProvider>.Empty, isUnknown: true, isAlways: false);

    private ExecutionCondition(ImmutableArray<DatabaseProvider> providers, bool isUnknown, bool isAlways)
    {
        Providers = providers;
        IsUnknown = isUnknown;
        IsAlways = isAlways;
    }

    public bool IsAlways { get; }

    public bool IsUnknown { get; }

    /// <summary>When neither always nor unknown: the providers on which the operation runs.</summary>
    public ImmutableArray<DatabaseProvider> Providers { get; }

    public static ExecutionCondition ForProviders(ImmutableArray<DatabaseProvider> providers) => new(providers, false, false);

    /// <summary>
    /// True/false when the condition can be decided for <paramref name="provider"/>; null when it
    /// cannot (an unknown condition, or an unknown provider facing a provider branch).
    /// </summary>
    public bool? RunsOn(DatabaseProvider provider)
    {
        if (IsAlways)
        {
            return true;
        }

        if (IsUnknown || provider == DatabaseProvider.Unknown)
        {
            return null;
        }

        return Providers.Contains(provider);
    }

    /// <summary>Both conditions must hold (nested branches).</summary>
    public ExecutionCondition And(ExecutionCondition inner)
    {
        if (IsAlways)
        {
            return inner;
        }

        if (inner.IsAlways)
        {
            return this;
        }

        if (IsUnknown || inner.IsUnknown)
        {
            return Unknown;
        }

        return ForProviders(Providers.RemoveAll(p => !inner.Providers.Contains(p)));
    }

    public override string ToString() => IsAlways ? "always" : IsUnknown ? "unknown" : string.Join("|", Providers);
}
