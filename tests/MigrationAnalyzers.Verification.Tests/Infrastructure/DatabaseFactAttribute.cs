using Xunit;

namespace MigrationAnalyzers.Verification.Tests.Infrastructure;

/// <summary>
/// A test that uses a database: it fails after two minutes instead of hanging (xunit enforces
/// Timeout on async tests; this assembly runs one test at a time). The verifier's own limits
/// (<see cref="TestDatabaseExtensions.Verifier{TContext}"/>) end a stuck step much earlier.
/// </summary>
public class DatabaseFactAttribute : FactAttribute
{
    public DatabaseFactAttribute()
    {
        Timeout = 120_000;
    }
}
