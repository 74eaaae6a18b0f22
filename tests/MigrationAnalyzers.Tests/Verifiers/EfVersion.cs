namespace MigrationAnalyzers.Tests.Verifiers;

/// <summary>The EF Core lines the test sources compile against.</summary>
public enum EfVersion
{
    Ef10,
    Ef8,
}
