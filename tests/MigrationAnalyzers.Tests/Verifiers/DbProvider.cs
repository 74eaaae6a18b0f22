using System;

namespace MigrationAnalyzers.Tests.Verifiers;

/// <summary>Provider assemblies a test compilation references (which is also how the analyzer infers the provider).</summary>
[Flags]
public enum DbProvider
{
    None = 0,
    PostgreSql = 1,
    SqlServer = 2,
    Sqlite = 4,
}
