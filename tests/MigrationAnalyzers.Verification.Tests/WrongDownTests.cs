using System.Linq;
using System.Threading.Tasks;
using MigrationAnalyzers.Verification.Tests.Infrastructure;
using MigrationAnalyzers.Verification.Tests.Scenarios.ColumnLeftByDown;
using MigrationAnalyzers.Verification.Tests.Scenarios.ColumnRestoredWrong;
using MigrationAnalyzers.Verification.Tests.Scenarios.FailingDown;
using MigrationAnalyzers.Verification.Tests.Scenarios.WrongIndexDropped;
using Xunit;
using Xunit.Abstractions;

namespace MigrationAnalyzers.Verification.Tests;

public sealed class WrongDownTests(ITestOutputHelper output)
{
    [DatabaseFact]
    public Task Sqlite_DownLeavesAddedColumn_ReportsColumnAndFailedUpAgain() => DownLeavesAddedColumn_ReportsColumnAndFailedUpAgain(TestDatabase.Sqlite);

    [PostgresFact]
    public Task Postgres_DownLeavesAddedColumn_ReportsColumnAndFailedUpAgain() => DownLeavesAddedColumn_ReportsColumnAndFailedUpAgain(TestDatabase.Postgres);

    [DatabaseFact]
    public Task Sqlite_DownDropsWrongIndex_ReportsBothIndexes() => DownDropsWrongIndex_ReportsBothIndexes(TestDatabase.Sqlite);

    [PostgresFact]
    public Task Postgres_DownDropsWrongIndex_ReportsBothIndexes() => DownDropsWrongIndex_ReportsBothIndexes(TestDatabase.Postgres);

    [DatabaseFact]
    public Task Sqlite_DownRestoresColumnDifferently_ReportsTypeNullabilityAndDefault()
        => DownRestoresColumnDifferently_ReportsTypeNullabilityAndDefault(TestDatabase.Sqlite, "TEXT", "INTEGER");

    [PostgresFact]
    public Task Postgres_DownRestoresColumnDifferently_ReportsTypeNullabilityAndDefault()
        => DownRestoresColumnDifferently_ReportsTypeNullabilityAndDefault(TestDatabase.Postgres, "text", "integer");

    [DatabaseFact]
    public Task Sqlite_DownThatFails_ReportsErrorAndGoesOn() => DownThatFails_ReportsErrorAndGoesOn(TestDatabase.Sqlite);

    [PostgresFact]
    public Task Postgres_DownThatFails_ReportsErrorAndGoesOn() => DownThatFails_ReportsErrorAndGoesOn(TestDatabase.Postgres);

    private async Task DownThatFails_ReportsErrorAndGoesOn(TestDatabase database)
    {
        var report = await database.Verifier<FailingDownContext>().WithSampleData().VerifyAsync();
        output.WriteLine(report.ToString());

        var down = Assert.Single(report.Findings);
        Assert.Equal(("20240102000000_AddSummary", VerificationStep.Down, "Down failed"), (down.MigrationId, down.Step, down.Summary));
        Assert.Contains(down.Details, d => d.Contains("IX_Post_Title"));
        // The failed Down was rolled back with its transaction, so the history goes on to the end.
        Assert.Equal(3, report.Migrations.Count);
        Assert.Empty(report.Notes);
    }

    private async Task DownLeavesAddedColumn_ReportsColumnAndFailedUpAgain(TestDatabase database)
    {
        var report = await database.Verifier<ColumnLeftByDownContext>().VerifyAsync();
        output.WriteLine(report.ToString());

        Assert.False(report.Passed);
        var down = Assert.Single(report.Findings, f => f.Step == VerificationStep.Down);
        Assert.Equal("20240102000000_AddSummary", down.MigrationId);
        Assert.Equal(new[] { "table Posts: column Summary present after Down but not before Up" }, down.Details);

        // The column left behind makes the second Up collide with it; the provider's error is kept.
        var upAgain = Assert.Single(report.Findings, f => f.Step == VerificationStep.UpAgain);
        Assert.Equal("20240102000000_AddSummary", upAgain.MigrationId);
        Assert.Contains(upAgain.Details, d => d.Contains("Summary"));
    }

    private async Task DownDropsWrongIndex_ReportsBothIndexes(TestDatabase database)
    {
        var report = await database.Verifier<WrongIndexDroppedContext>().VerifyAsync();
        output.WriteLine(report.ToString());

        var down = Assert.Single(report.Findings, f => f.Step == VerificationStep.Down);
        Assert.Equal("20240102000000_AddTitleIndex", down.MigrationId);
        Assert.Equal(
            new[]
            {
                "table Posts: index IX_Posts_BlogId (BlogId) missing after Down",
                "table Posts: index IX_Posts_Title (Title) present after Down but not before Up",
            },
            down.Details.OrderBy(d => d).ToArray());
    }

    private async Task DownRestoresColumnDifferently_ReportsTypeNullabilityAndDefault(TestDatabase database, string textType, string integerType)
    {
        var report = await database.Verifier<ColumnRestoredWrongContext>().VerifyAsync();
        output.WriteLine(report.ToString());

        var down = Assert.Single(report.Findings);
        Assert.Equal(("20240102000000_DropSummary", VerificationStep.Down), (down.MigrationId, down.Step));
        Assert.Equal(
            new[]
            {
                "table Posts: column Summary: default (none) before Up, 0 after Down",
                "table Posts: column Summary: nullability NULL before Up, NOT NULL after Down",
                $"table Posts: column Summary: type {textType} before Up, {integerType} after Down",
            },
            down.Details.OrderBy(d => d).ToArray());
    }
}
