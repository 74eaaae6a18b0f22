using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace MigrationAnalyzers.Verification;

/// <summary>What a verification run checked and what it found; <see cref="ToString"/> prints all of it.</summary>
public sealed class MigrationVerificationReport
{
    /// <summary>Creates a report.</summary>
    public MigrationVerificationReport(
        string contextName,
        string databaseName,
        string scratchDatabase,
        IReadOnlyList<string> migrations,
        IReadOnlyList<MigrationFinding> findings,
        IReadOnlyList<string> notes,
        IReadOnlyList<string>? scratchDatabases = null,
        TimeSpan duration = default)
    {
        ContextName = contextName;
        DatabaseName = databaseName;
        ScratchDatabase = scratchDatabase;
        Migrations = migrations;
        Findings = findings;
        Notes = notes;
        ScratchDatabases = scratchDatabases ?? new[] { scratchDatabase };
        Duration = duration;
    }

    /// <summary>The DbContext type name.</summary>
    public string ContextName { get; }

    /// <summary>The database the run used, e.g. "SQLite" or "PostgreSQL".</summary>
    public string DatabaseName { get; }

    /// <summary>The temporary SQLite file or PostgreSQL database the run started on; removed when the run ended.</summary>
    public string ScratchDatabase { get; }

    /// <summary>
    /// Every scratch database the run used, the first being <see cref="ScratchDatabase"/>: a round
    /// trip that failed is followed by a fresh database migrated up to that migration. All removed.
    /// </summary>
    public IReadOnlyList<string> ScratchDatabases { get; }

    /// <summary>How long the run took (without removing the scratch databases).</summary>
    public TimeSpan Duration { get; }

    /// <summary>Every migration id of the history, oldest first.</summary>
    public IReadOnlyList<string> Migrations { get; }

    /// <summary>The problems found; empty when the history passed.</summary>
    public IReadOnlyList<MigrationFinding> Findings { get; }

    /// <summary>Things worth knowing that are not failures (e.g. a table sample rows could not be written to).</summary>
    public IReadOnlyList<string> Notes { get; }

    /// <summary>True when nothing was found.</summary>
    public bool Passed => Findings.Count == 0;

    /// <summary>Findings of one migration.</summary>
    public IEnumerable<MigrationFinding> For(string migrationId) => Findings.Where(f => f.MigrationId == migrationId);

    /// <summary>Throws <see cref="MigrationVerificationException"/> with this report when anything was found.</summary>
    public void ThrowIfFailed()
    {
        if (!Passed)
        {
            throw new MigrationVerificationException(this);
        }
    }

    /// <inheritdoc />
    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append("Migration verification of ").Append(ContextName).Append(" on ").Append(DatabaseName).Append(": ")
            .AppendLine(Passed ? "passed" : $"FAILED ({Findings.Count} problem{(Findings.Count == 1 ? string.Empty : "s")})");
        text.Append("Migrations (").Append(Migrations.Count).Append("): ")
            .AppendLine(Migrations.Count == 0 ? "none" : string.Join(", ", Migrations));
        foreach (var finding in Findings)
        {
            text.Append("  ").AppendLine(finding.ToString());
        }

        if (Notes.Count > 0)
        {
            text.AppendLine("Notes:");
            foreach (var note in Notes)
            {
                text.Append("  - ").AppendLine(note);
            }
        }

        return text.ToString().TrimEnd();
    }
}
