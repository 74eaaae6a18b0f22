using Xunit;

namespace MigrationAnalyzers.Tests.Execution;

/// <summary>A fact that needs the real PostgreSQL server; skipped only when none is configured.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (!PostgresExecutionDatabase.IsConfigured)
        {
            Skip = PostgresExecutionDatabase.EnvironmentVariable + " is not set: no PostgreSQL server configured.";
        }
    }
}

/// <summary>A theory that needs the real PostgreSQL server; skipped only when none is configured.</summary>
public sealed class PostgresTheoryAttribute : TheoryAttribute
{
    public PostgresTheoryAttribute()
    {
        if (!PostgresExecutionDatabase.IsConfigured)
        {
            Skip = PostgresExecutionDatabase.EnvironmentVariable + " is not set: no PostgreSQL server configured.";
        }
    }
}
