using System.Threading.Tasks;
using MigrationAnalyzers.Verification.Tests.Infrastructure;
using MigrationAnalyzers.Verification.Tests.Scenarios.FailingUp;
using Xunit;
using Xunit.Abstractions;

namespace MigrationAnalyzers.Verification.Tests;

public sealed class FailingUpTests(ITestOutputHelper output)
{
    [DatabaseFact]
    public Task Sqlite_UpThatFails_ReportsMigrationAndProviderErrorAndStops() => UpThatFails_ReportsMigrationAndProviderErrorAndStops(TestDatabase.Sqlite);

    [PostgresFact]
    public Task Postgres_UpThatFails_ReportsMigrationAndProviderErrorAndStops() => UpThatFails_ReportsMigrationAndProviderErrorAndStops(TestDatabase.Postgres);

    private async Task UpThatFails_ReportsMigrationAndProviderErrorAndStops(TestDatabase database)
    {
        var report = await database.Verifier<FailingUpContext>().VerifyAsync();
        output.WriteLine(report.ToString());

        var up = Assert.Single(report.Findings);
        Assert.Equal(("20240102000000_RenameMissingTable", VerificationStep.Up), (up.MigrationId, up.Step));
        Assert.Contains(up.Details, d => d.Contains("Articles")); // the provider's own message names the table
        Assert.Contains("verification stopped at 20240102000000_RenameMissingTable: the migrations after it were not checked", report.Notes);
    }
}
