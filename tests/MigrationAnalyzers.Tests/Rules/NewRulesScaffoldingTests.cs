using System.Threading.Tasks;
using MigrationAnalyzers.Rules;
using MigrationAnalyzers.Tests.Reversibility;
using MigrationAnalyzers.Tests.Verifiers;

namespace MigrationAnalyzers.Tests.Rules;

/// <summary>
/// EF's own scaffolding of safe changes draws none of the Warning rules MIG025, MIG067, MIG084–MIG086
/// (MIG068 is opt-in and flags every unguarded change to an existing table by design).
/// </summary>
public class NewRulesScaffoldingTests
{
    [Theory]
    [InlineData(EfVersion.Ef10)]
    [InlineData(EfVersion.Ef8)]
    public async Task ScaffoldedHistory_NoWarning(EfVersion version)
    {
        var sqlServer = TestSetup.Options(("provider", "sqlserver"));
        await CSharpAnalyzerVerifier<IdentityChangeRule>.VerifyAnalyzerAsync(ScaffoldedMigrations.History, version, DbProvider.None, sqlServer);
        await CSharpAnalyzerVerifier<SafetySwitchedOffRule>.VerifyAnalyzerAsync(ScaffoldedMigrations.History, version, DbProvider.None, sqlServer);
        await CSharpAnalyzerVerifier<SecretInMigrationRule>.VerifyAnalyzerAsync(ScaffoldedMigrations.History, version, DbProvider.None, sqlServer);
        await CSharpAnalyzerVerifier<EnsureCreatedWithMigrationsRule>.VerifyAnalyzerAsync(ScaffoldedMigrations.History, version, DbProvider.None, sqlServer);
    }

    [Theory]
    [InlineData(EfVersion.Ef10)]
    [InlineData(EfVersion.Ef8)]
    public async Task ScaffoldedNpgsqlHistory_NoWarning(EfVersion version)
    {
        var source = ScaffoldedNpgsqlMigrations.History;
        await CSharpAnalyzerVerifier<IdentityChangeRule>.VerifyAnalyzerAsync(source, version, DbProvider.PostgreSql, null);
        await CSharpAnalyzerVerifier<LockingSqlRule>.VerifyAnalyzerAsync(source, version, DbProvider.PostgreSql, null);
        await CSharpAnalyzerVerifier<SafetySwitchedOffRule>.VerifyAnalyzerAsync(source, version, DbProvider.PostgreSql, null);
        await CSharpAnalyzerVerifier<SecretInMigrationRule>.VerifyAnalyzerAsync(source, version, DbProvider.PostgreSql, null);
        await CSharpAnalyzerVerifier<EnsureCreatedWithMigrationsRule>.VerifyAnalyzerAsync(source, version, DbProvider.PostgreSql, null);
    }
}
