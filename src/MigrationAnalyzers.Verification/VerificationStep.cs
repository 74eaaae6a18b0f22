namespace MigrationAnalyzers.Verification;

/// <summary>The step of the verification a finding comes from.</summary>
public enum VerificationStep
{
    /// <summary>Applying the migration's Up failed.</summary>
    Up,

    /// <summary>Down failed, or the schema after Down differs from the schema before Up.</summary>
    Down,

    /// <summary>Up after Down failed, or produced a different schema than the first Up.</summary>
    UpAgain,

    /// <summary>Up dropped, deleted, nulled or changed the sample rows written before it.</summary>
    Data,

    /// <summary>
    /// The current model has changes that no migration captures, or the schema after all
    /// migrations lacks parts of the model.
    /// </summary>
    Model,
}
