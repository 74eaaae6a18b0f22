using System.Threading.Tasks;
using MigrationAnalyzers.Verification.Tests.Infrastructure;
using MigrationAnalyzers.Verification.Tests.Scenarios.DataLosingUp;
using MigrationAnalyzers.Verification.Tests.Scenarios.ValuesClearedByUp;
using Xunit;
using Xunit.Abstractions;

namespace MigrationAnalyzers.Verification.Tests;

public sealed class DataLossTests(ITestOutputHelper output)
{
    [DatabaseFact]
    public Task Sqlite_DropColumnAndDropTable_ReportedWithSampleData() => DropColumnAndDropTable_ReportedWithSampleData(TestDatabase.Sqlite);

    [PostgresFact]
    public Task Postgres_DropColumnAndDropTable_ReportedWithSampleData() => DropColumnAndDropTable_ReportedWithSampleData(TestDatabase.Postgres);

    [MariaDbFact]
    public Task MariaDb_DropColumnAndDropTable_ReportedWithSampleData() => DropColumnAndDropTable_ReportedWithSampleData(TestDatabase.MariaDb);

    [DatabaseFact]
    public Task Sqlite_DataLosingHistory_PassesWithoutSampleData() => DataLosingHistory_PassesWithoutSampleData(TestDatabase.Sqlite);

    [PostgresFact]
    public Task Postgres_DataLosingHistory_PassesWithoutSampleData() => DataLosingHistory_PassesWithoutSampleData(TestDatabase.Postgres);

    [DatabaseFact]
    public Task Sqlite_AllowedDataLoss_BecomesNote() => AllowedDataLoss_BecomesNote(TestDatabase.Sqlite);

    [DatabaseFact]
    public Task Sqlite_UpClearingRewritingAndDeleting_ReportsNullsChangesAndRows() => UpClearingRewritingAndDeleting_ReportsNullsChangesAndRows(TestDatabase.Sqlite);

    [PostgresFact]
    public Task Postgres_UpClearingRewritingAndDeleting_ReportsNullsChangesAndRows() => UpClearingRewritingAndDeleting_ReportsNullsChangesAndRows(TestDatabase.Postgres);

    private async Task DropColumnAndDropTable_ReportedWithSampleData(TestDatabase database)
    {
        var report = await database.Verifier<DataLosingUpContext>().WithSampleData(rowsPerTable: 2).VerifyAsync();
        output.WriteLine(report.ToString());

        Assert.Equal(2, report.Findings.Count);
        var column = Assert.Single(report.For("20240102000000_DropSummary"));
        Assert.Equal(VerificationStep.Data, column.Step);
        // Two rows written before the first Up (the tables did not exist yet: none), two before this one.
        Assert.Equal(new[] { "table Posts: column Summary dropped by Up with 2 non-null values" }, column.Details);

        var table = Assert.Single(report.For("20240103000000_DropTags"));
        Assert.Equal(VerificationStep.Data, table.Step);
        Assert.Equal(new[] { "table Tags: dropped by Up with 4 rows" }, table.Details);
    }

    private async Task DataLosingHistory_PassesWithoutSampleData(TestDatabase database)
    {
        // The schema side of this history is right; data loss is only visible with rows in the tables.
        var report = await database.Verifier<DataLosingUpContext>().VerifyAsync();

        Assert.True(report.Passed, report.ToString());
    }

    private async Task AllowedDataLoss_BecomesNote(TestDatabase database)
    {
        var report = await database.Verifier<DataLosingUpContext>()
            .WithSampleData()
            .AllowDataLoss("DropSummary", "DropLegacy")
            .VerifyAsync();

        var finding = Assert.Single(report.Findings);
        Assert.Equal("20240103000000_DropTags", finding.MigrationId);
        Assert.Contains(report.Notes, n => n.StartsWith("20240102000000_DropSummary: data loss allowed: table Posts: column Summary"));
        Assert.Contains("AllowDataLoss names 'DropLegacy', which is not a migration of this context", report.Notes);
    }

    private async Task UpClearingRewritingAndDeleting_ReportsNullsChangesAndRows(TestDatabase database)
    {
        var report = await database.Verifier<ValuesClearedByUpContext>().WithSampleData(rowsPerTable: 2).VerifyAsync();
        output.WriteLine(report.ToString());

        Assert.Equal(2, report.Findings.Count);
        var data = Assert.Single(report.For("20240102000000_ResetPosts"));
        Assert.Equal(VerificationStep.Data, data.Step);
        Assert.Collection(
            data.Details,
            d => Assert.Matches(@"^table Posts: column Title: 2 values changed \(e\.g\. Id=\d+: '(v\d+)' -> 'draft \1'\)$", d),
            d => Assert.StartsWith("table Posts: column Summary: 2 values became NULL (e.g. Id=", d));

        // Two rows written before each of the two Ups that found tables: the oldest of the four goes.
        var deleted = Assert.Single(report.For("20240103000000_DeleteOldestPost"));
        Assert.Equal(new[] { "table Posts: 1 of 4 sample rows gone after Up" }, deleted.Details);
    }
}
