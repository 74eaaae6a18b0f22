using System;
using System.Linq;
using System.Threading.Tasks;
using MigrationAnalyzers.Verification.Tests.Infrastructure;
using MigrationAnalyzers.Verification.Tests.Scenarios.StepFailures;
using Xunit;
using Xunit.Abstractions;

namespace MigrationAnalyzers.Verification.Tests;

/// <summary>
/// Each way a step can fail ends as a finding at once, with the error, and the run goes on where it
/// can (a failed Up ends it; a failed Down does not). (A Down that fails in SQL: WrongDownTests.)
/// </summary>
public sealed class StepFailureTests(ITestOutputHelper output)
{
    private const string AddSummary = "20240102000000_AddSummary";
    private const string AddTags = "20240103000000_AddTags";

    [DatabaseFact]
    public Task Sqlite_UpThrowsInCode_ReportedAndRunStops() => UpThrowsInCode_ReportedAndRunStops(TestDatabase.Sqlite);

    [PostgresFact]
    public Task Postgres_UpThrowsInCode_ReportedAndRunStops() => UpThrowsInCode_ReportedAndRunStops(TestDatabase.Postgres);

    [DatabaseFact]
    public Task Sqlite_DownThrowsInCode_ReportedAndRunGoesOn() => DownThrowsInCode_ReportedAndRunGoesOn(TestDatabase.Sqlite);

    [PostgresFact]
    public Task Postgres_DownThrowsInCode_ReportedAndRunGoesOn() => DownThrowsInCode_ReportedAndRunGoesOn(TestDatabase.Postgres);

    [DatabaseFact]
    public Task Sqlite_SqlLeavingTransactionOpen_ReportedAndRunGoesOn() => SqlLeavingTransactionOpen_ReportedAndRunGoesOn(TestDatabase.Sqlite);

    [PostgresFact]
    public Task Postgres_SqlLeavingTransactionOpen_ReportedAndRunGoesOn() => SqlLeavingTransactionOpen_ReportedAndRunGoesOn(TestDatabase.Postgres);

    [DatabaseFact]
    public Task Sqlite_DownThatHangs_EndsAsFindingAtStepLimit() => DownThatHangs_EndsAsFindingAtStepLimit(TestDatabase.Sqlite);

    [PostgresFact]
    public Task Postgres_DownThatHangs_EndsAsFindingAtStepLimit() => DownThatHangs_EndsAsFindingAtStepLimit(TestDatabase.Postgres);

    private async Task UpThrowsInCode_ReportedAndRunStops(TestDatabase database)
    {
        var report = await database.Verifier<UpThrowsContext>().VerifyAsync();
        output.WriteLine(report.ToString());

        var up = Assert.Single(report.Findings);
        Assert.Equal((AddSummary, VerificationStep.Up, "Up failed"), (up.MigrationId, up.Step, up.Summary));
        Assert.Contains("InvalidOperationException: Up refuses: the summary backfill is not written yet", up.Details);
        Assert.Contains($"verification stopped at {AddSummary}: the migrations after it were not checked", report.Notes);
    }

    private async Task DownThrowsInCode_ReportedAndRunGoesOn(TestDatabase database)
    {
        var report = await database.Verifier<DownThrowsContext>().WithSampleData().VerifyAsync();
        output.WriteLine(report.ToString());

        var down = Assert.Single(report.Findings);
        Assert.Equal((AddSummary, VerificationStep.Down, "Down failed"), (down.MigrationId, down.Step, down.Summary));
        Assert.Contains(down.Details, d => d.StartsWith("NotSupportedException: this migration cannot be reverted", StringComparison.Ordinal));
        // The run went on: AddTags was checked (its round trip passed), and nothing stopped it.
        Assert.Empty(report.For(AddTags));
        Assert.DoesNotContain(report.Notes, n => n.StartsWith("verification stopped", StringComparison.Ordinal));
    }

    private async Task SqlLeavingTransactionOpen_ReportedAndRunGoesOn(TestDatabase database)
    {
        var progress = new System.Collections.Generic.List<string>();
        var report = await database.Verifier<OpenTransactionContext>().WithProgress(progress.Add).VerifyAsync();
        output.WriteLine(report.ToString());

        // SQLite refuses EF's own transaction inside the one the Sql began; Npgsql refuses to begin a
        // second one. Either way the Down fails at once, and whatever it left is not waited for.
        var down = Assert.Single(report.Findings);
        Assert.Equal((AddSummary, VerificationStep.Down), (down.MigrationId, down.Step));
        Assert.Contains(down.Details, d => d.Contains("transaction", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(progress, p => p.StartsWith($"[3/3] {AddTags}: Up again", StringComparison.Ordinal));
        Assert.True(report.Duration < TimeSpan.FromSeconds(30), $"took {report.Duration}");
    }

    private async Task DownThatHangs_EndsAsFindingAtStepLimit(TestDatabase database)
    {
        // Short enough to keep the test quick, long enough for every other step on a busy machine.
        var limit = TimeSpan.FromSeconds(10);
        var report = await database.Verifier<HangingDownContext>().WithTimeLimits(perStep: limit).VerifyAsync();
        output.WriteLine(report.ToString());

        var down = Assert.Single(report.Findings);
        Assert.Equal((AddSummary, VerificationStep.Down), (down.MigrationId, down.Step));
        Assert.Equal("Down did not finish within the step time limit of 10 s", down.Summary);
        // The hung step's database is left alone; a fresh one carries the run to the end.
        Assert.Equal(2, report.ScratchDatabases.Count);
        Assert.DoesNotContain(report.Notes, n => n.StartsWith("verification stopped", StringComparison.Ordinal));
        Assert.True(report.Duration < HangingDownAddSummary.Block, $"took {report.Duration}");
    }
}
