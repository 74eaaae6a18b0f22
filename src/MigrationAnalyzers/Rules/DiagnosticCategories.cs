namespace MigrationAnalyzers.Rules;

/// <summary>The SPEC §3 sections, used as diagnostic categories.</summary>
internal static class DiagnosticCategories
{
    /// <summary>MIG000: what the analyzers could not read (SPEC §7), not a finding about the migration.</summary>
    public const string Analysis = "Analysis";

    public const string DataLoss = "DataLoss";
    public const string ExistingRows = "ExistingRows";
    public const string Reversibility = "Reversibility";
    public const string Locking = "Locking";
    public const string Conventions = "Conventions";
}
