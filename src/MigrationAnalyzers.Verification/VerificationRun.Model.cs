using System;
using System.Threading.Tasks;
using MigrationAnalyzers.Verification.Running;
using MigrationAnalyzers.Verification.Schema;

namespace MigrationAnalyzers.Verification;

/// <summary>The checks of the current model against the history, after the migrations.</summary>
internal sealed partial class VerificationRun
{
    private async Task CheckModelAsync(bool reachedHead)
    {
        try
        {
            var pending = await Step(null, VerificationStep.Model, "comparing the model with the migrations' snapshot",
                _ => Task.FromResult(CheckPendingModelChanges())).ConfigureAwait(false);
            if (pending is not null)
            {
                _findings.Add(pending);
            }
            else if (reachedHead && _headSchema is not null)
            {
                // Only when the snapshot agrees with the model: otherwise this would repeat that finding.
                var head = _headSchema;
                var model = await Step(null, VerificationStep.Model, "building the model's schema on another scratch database", _readModelSchema).ConfigureAwait(false);
                AddIfAny(null, VerificationStep.Model,
                    "the schema after all migrations lacks parts of the model (compared with the schema EnsureCreated builds from it)",
                    SchemaComparer.Compare(model, head, "in the model", "after all migrations", reportExtras: false));
            }
        }
        catch (StepTimeoutException timeout)
        {
            _findings.Add(timeout.ToFinding());
        }
    }

    /// <summary>The pending-model-changes finding, or null when the model agrees with the snapshot.</summary>
    private MigrationFinding? CheckPendingModelChanges()
    {
        try
        {
            bool pending;
            using (var context = _createContext())
            {
                pending = PendingModelChanges.Exist(context);
            }

            if (!pending)
            {
                return null;
            }

            using var described = _createContext();
            return new MigrationFinding(null, VerificationStep.Model,
                "the model has changes that no migration captures: add a migration (dotnet ef migrations add) or fix the model snapshot",
                PendingModelChanges.Describe(described));
        }
        catch (Exception exception)
        {
            return new MigrationFinding(null, VerificationStep.Model, "the model could not be compared with the migrations", ErrorLines(exception));
        }
    }
}
