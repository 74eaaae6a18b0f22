using System;

namespace MigrationAnalyzers.Verification;

/// <summary>
/// Thrown by <see cref="MigrationVerificationReport.ThrowIfFailed"/>: an assertion failure whose
/// message is the whole report, so any test framework shows what to fix.
/// </summary>
public sealed class MigrationVerificationException : Exception
{
    /// <summary>Creates the exception for a failed report.</summary>
    public MigrationVerificationException(MigrationVerificationReport report)
        : base(report.ToString())
    {
        Report = report;
    }

    /// <summary>The report that failed.</summary>
    public MigrationVerificationReport Report { get; }
}
