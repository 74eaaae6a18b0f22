using System.Threading.Tasks;
using MigrationAnalyzers.Rules;
using MigrationAnalyzers.Tests.Verifiers;

namespace MigrationAnalyzers.Tests.Reversibility;

/// <summary>EF's own scaffolding of safe changes (Up and Down) draws no Reversibility diagnostic.</summary>
public class ScaffoldedMigrationTests
{
    [Theory]
    [InlineData(EfVersion.Ef10)]
    [InlineData(EfVersion.Ef8)]
    public async Task ScaffoldedHistory_NoReversibilityDiagnostic(EfVersion version)
    {
        await CSharpAnalyzerVerifier<DownMissingRule>.VerifyAnalyzerAsync(ScaffoldedMigrations.History, version, DbProvider.None, null);
        await CSharpAnalyzerVerifier<DownEmptyRule>.VerifyAnalyzerAsync(ScaffoldedMigrations.History, version, DbProvider.None, null);
        await CSharpAnalyzerVerifier<UpOperationNotRevertedRule>.VerifyAnalyzerAsync(ScaffoldedMigrations.History, version, DbProvider.None, null);
        await CSharpAnalyzerVerifier<DownOperationWithoutUpRule>.VerifyAnalyzerAsync(ScaffoldedMigrations.History, version, DbProvider.None, null);
        await CSharpAnalyzerVerifier<DownOrderRule>.VerifyAnalyzerAsync(ScaffoldedMigrations.History, version, DbProvider.None, null);
        await CSharpAnalyzerVerifier<DownDefinitionMismatchRule>.VerifyAnalyzerAsync(ScaffoldedMigrations.History, version, DbProvider.None, null);
        await CSharpAnalyzerVerifier<SqlWithoutDownSqlRule>.VerifyAnalyzerAsync(ScaffoldedMigrations.History, version, DbProvider.None, null);
    }

    [Theory]
    [InlineData(EfVersion.Ef10)]
    [InlineData(EfVersion.Ef8)]
    public async Task ScaffoldedNpgsqlHistory_NoReversibilityDiagnostic(EfVersion version)
    {
        var source = ScaffoldedNpgsqlMigrations.History;
        await CSharpAnalyzerVerifier<DownMissingRule>.VerifyAnalyzerAsync(source, version, DbProvider.PostgreSql, null);
        await CSharpAnalyzerVerifier<DownEmptyRule>.VerifyAnalyzerAsync(source, version, DbProvider.PostgreSql, null);
        await CSharpAnalyzerVerifier<UpOperationNotRevertedRule>.VerifyAnalyzerAsync(source, version, DbProvider.PostgreSql, null);
        await CSharpAnalyzerVerifier<DownOperationWithoutUpRule>.VerifyAnalyzerAsync(source, version, DbProvider.PostgreSql, null);
        await CSharpAnalyzerVerifier<DownOrderRule>.VerifyAnalyzerAsync(source, version, DbProvider.PostgreSql, null);
        await CSharpAnalyzerVerifier<DownDefinitionMismatchRule>.VerifyAnalyzerAsync(source, version, DbProvider.PostgreSql, null);
        await CSharpAnalyzerVerifier<SqlWithoutDownSqlRule>.VerifyAnalyzerAsync(source, version, DbProvider.PostgreSql, null);
    }
}
