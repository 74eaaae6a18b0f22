using System.Collections.Generic;
using System.Text;

namespace MigrationAnalyzers.Verification;

/// <summary>One problem found: where (migration and step), what, and the differences behind it.</summary>
public sealed class MigrationFinding
{
    /// <summary>Creates a finding.</summary>
    public MigrationFinding(string? migrationId, VerificationStep step, string summary, IReadOnlyList<string> details)
    {
        MigrationId = migrationId;
        Step = step;
        Summary = summary;
        Details = details;
    }

    /// <summary>The migration id (e.g. <c>20240102000000_AddSummary</c>); null for model findings.</summary>
    public string? MigrationId { get; }

    /// <summary>The step that went wrong.</summary>
    public VerificationStep Step { get; }

    /// <summary>One sentence: what went wrong.</summary>
    public string Summary { get; }

    /// <summary>The schema or data differences, or the provider's error, one per line.</summary>
    public IReadOnlyList<string> Details { get; }

    /// <inheritdoc />
    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append(MigrationId ?? "(current model)").Append(" [").Append(Step).Append("] ").Append(Summary);
        foreach (var detail in Details)
        {
            text.AppendLine().Append("    - ").Append(detail);
        }

        return text.ToString();
    }
}
