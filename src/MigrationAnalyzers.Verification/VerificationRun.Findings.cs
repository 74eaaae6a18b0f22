using System;
using System.Collections.Generic;
using System.Linq;
using MigrationAnalyzers.Verification.Schema;

namespace MigrationAnalyzers.Verification;

/// <summary>Turning differences, losses and errors into findings and notes.</summary>
internal sealed partial class VerificationRun
{
    /// <summary>A round trip that changed only column defaults is noted, anything else is a finding.</summary>
    private void ReportRoundTrip(string migration, VerificationStep step, string summary, IReadOnlyList<SchemaDifference> differences)
    {
        if (differences.Count > 0 && differences.All(d => d.IsDefaultOnly))
        {
            var after = step == VerificationStep.Down ? "Down" : "Up again";
            _notes.AddRange(differences.Select(d =>
                $"{migration}: only a column default differs after {after} (EF's Downs and SQLite table rebuilds change defaults): {d.Text}"));
            return;
        }

        AddIfAny(migration, step, summary, differences);
    }

    private void ReportDataLoss(string migration, IReadOnlyList<string> losses)
    {
        if (losses.Count == 0)
        {
            return;
        }

        if (IsDataLossAllowed(migration))
        {
            _notes.AddRange(losses.Select(l => $"{migration}: data loss allowed: {l}"));
            return;
        }

        _findings.Add(new MigrationFinding(migration, VerificationStep.Data, "Up lost sample data", losses));
    }

    /// <summary>Listed by full id ("20240102000000_DropSummary") or by name ("DropSummary").</summary>
    private bool IsDataLossAllowed(string migration)
        => _dataLossAllowed.Any(allowed => migration == allowed || migration.EndsWith("_" + allowed, StringComparison.Ordinal));

    private void AddIfAny(string? migration, VerificationStep step, string summary, IReadOnlyList<SchemaDifference> differences)
    {
        if (differences.Count > 0)
        {
            _findings.Add(new MigrationFinding(migration, step, summary, differences.Select(d => d.Text).ToList()));
        }
    }

    /// <summary>The exception chain down to the provider's own error (SqliteException, PostgresException).</summary>
    private static IReadOnlyList<string> ErrorLines(Exception exception)
    {
        var lines = new List<string>();
        for (var current = exception; current is not null; current = current.InnerException)
        {
            lines.Add($"{current.GetType().Name}: {current.Message}");
        }

        return lines.Distinct().ToList();
    }
}
