using System.Threading.Tasks;
using MigrationAnalyzers.Verification.Tests.Infrastructure;
using MigrationAnalyzers.Verification.Tests.Scenarios.MigrationMissesSnapshot;
using MigrationAnalyzers.Verification.Tests.Scenarios.ModelAhead;
using Xunit;
using Xunit.Abstractions;

namespace MigrationAnalyzers.Verification.Tests;

public sealed class PendingModelChangesTests(ITestOutputHelper output)
{
    [DatabaseFact]
    public Task Sqlite_ModelAheadOfMigrations_ReportsMissingColumn() => ModelAheadOfMigrations_ReportsMissingColumn(TestDatabase.Sqlite);

    [PostgresFact]
    public Task Postgres_ModelAheadOfMigrations_ReportsMissingColumn() => ModelAheadOfMigrations_ReportsMissingColumn(TestDatabase.Postgres);

    [DatabaseFact]
    public Task Sqlite_MigrationThatMissesItsSnapshot_ReportsColumnMissingFromHead() => MigrationThatMissesItsSnapshot_ReportsColumnMissingFromHead(TestDatabase.Sqlite);

    [PostgresFact]
    public Task Postgres_MigrationThatMissesItsSnapshot_ReportsColumnMissingFromHead() => MigrationThatMissesItsSnapshot_ReportsColumnMissingFromHead(TestDatabase.Postgres);

    private async Task MigrationThatMissesItsSnapshot_ReportsColumnMissingFromHead(TestDatabase database)
    {
        var report = await database.Verifier<MigrationMissesSnapshotContext>().VerifyAsync();
        output.WriteLine(report.ToString());

        // EF's HasPendingModelChanges() sees nothing (snapshot == model); the database does.
        var finding = Assert.Single(report.Findings);
        Assert.Equal((null, VerificationStep.Model), (finding.MigrationId, finding.Step));
        Assert.Equal(new[] { "table Posts: column Rating missing after all migrations" }, finding.Details);
    }

    private async Task ModelAheadOfMigrations_ReportsMissingColumn(TestDatabase database)
    {
        var exception = await Assert.ThrowsAsync<MigrationVerificationException>(() => database.Verifier<ModelAheadContext>().AssertAsync());
        output.WriteLine(exception.Message);

        // The history itself is fine; only the model is ahead of it.
        var finding = Assert.Single(exception.Report.Findings);
        Assert.Equal(VerificationStep.Model, finding.Step);
        Assert.Null(finding.MigrationId);
        Assert.Equal(new[] { "add column Posts.Rating" }, finding.Details);
        Assert.Contains("add column Posts.Rating", exception.Message);
    }
}
