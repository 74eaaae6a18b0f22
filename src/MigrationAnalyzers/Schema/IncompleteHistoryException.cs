using System;

namespace MigrationAnalyzers.Schema;

/// <summary>
/// Raised when a rule asks for the history before a migration that follows one the model could
/// not read: the rule's findings for that migration would rest on a guess, so it stays silent.
/// </summary>
internal sealed class IncompleteHistoryException : Exception
{
    public IncompleteHistoryException()
        : base("The migration history before this migration is incomplete.")
    {
    }
}
