using System;
using System.Globalization;

namespace MigrationAnalyzers.Verification.Running;

/// <summary>A step that did not finish within its time limit; becomes a finding, never escapes the run.</summary>
internal sealed class StepTimeoutException : Exception
{
    public StepTimeoutException(string? migration, VerificationStep step, string activity, TimeSpan limit, bool overall)
        : base($"{activity} did not finish within {Describe(limit)}")
    {
        Migration = migration;
        Step = step;
        Activity = activity;
        Limit = limit;
        Overall = overall;
    }

    public string? Migration { get; }

    public VerificationStep Step { get; }

    public string Activity { get; }

    public TimeSpan Limit { get; }

    /// <summary>The run's overall limit ran out (rather than the step's own).</summary>
    public bool Overall { get; }

    public MigrationFinding ToFinding() => new(
        Migration,
        Step,
        Overall
            ? $"the overall time limit of {Describe(Limit)} ran out during {Activity}"
            : $"{Activity} did not finish within the step time limit of {Describe(Limit)}",
        new[]
        {
            "a step that waits on a lock, on a transaction left open, or on a very slow statement ends here instead of hanging;"
            + " raise the limits with WithTimeLimits(...) if the step is merely slow",
        });

    public static string Describe(TimeSpan limit)
        => limit.TotalSeconds < 120
            ? limit.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture) + " s"
            : limit.TotalMinutes.ToString("0.#", CultureInfo.InvariantCulture) + " min";
}
