using System;
using System.Linq;
using System.Threading.Tasks;
using MigrationAnalyzers.Verification.Tests.Infrastructure;
using MigrationAnalyzers.Verification.Tests.Scenarios.ThreeBrokenDowns;
using Xunit;
using Xunit.Abstractions;

namespace MigrationAnalyzers.Verification.Tests;

/// <summary>
/// A missing Down, an empty Down and a Down that forgets an index, in three migrations: one run
/// names all three (after each broken round trip the database is rebuilt and the run goes on),
/// and ends within seconds instead of waiting on the lock the missing Down leaves (EF 9+ on SQLite).
/// </summary>
public sealed class EveryBrokenDownTests(ITestOutputHelper output)
{
    private const string MissingDown = "20240102000000_AddSummary";
    private const string EmptyDown = "20240103000000_AddRating";
    private const string IndexLeft = "20240104000000_AddTagsAndTitleIndex";

    [DatabaseFact]
    public Task Sqlite_ThreeBrokenDowns_OneReportNamesAllThree() => ThreeBrokenDowns_OneReportNamesAllThree(TestDatabase.Sqlite);

    [PostgresFact]
    public Task Postgres_ThreeBrokenDowns_OneReportNamesAllThree() => ThreeBrokenDowns_OneReportNamesAllThree(TestDatabase.Postgres);

    [MariaDbFact]
    public Task MariaDb_ThreeBrokenDowns_OneReportNamesAllThree() => ThreeBrokenDowns_OneReportNamesAllThree(TestDatabase.MariaDb);

    private async Task ThreeBrokenDowns_OneReportNamesAllThree(TestDatabase database)
    {
        var report = await database.Verifier<ThreeBrokenDownsContext>().WithSampleData().WithProgress(output.WriteLine).VerifyAsync();
        output.WriteLine(report.ToString());

        Assert.Equal(4, report.Migrations.Count);
        Assert.DoesNotContain(report.Notes, n => n.StartsWith("verification stopped", StringComparison.Ordinal));
        Assert.True(report.Duration < TimeSpan.FromSeconds(60), $"took {report.Duration}");

        // 1. No Down: EF's own error says so.
        var missing = Assert.Single(report.For(MissingDown));
        Assert.Equal((VerificationStep.Down, "Down failed"), (missing.Step, missing.Summary));
        Assert.Contains(missing.Details, d => d.Contains("Down", StringComparison.Ordinal));

        // 2. Empty Down: the column stays, the second Up collides with it.
        var emptyDown = report.For(EmptyDown).ToList();
        Assert.Equal(new[] { VerificationStep.Down, VerificationStep.UpAgain }, emptyDown.Select(f => f.Step));
        Assert.Contains("table Posts: column Rating present after Down but not before Up", emptyDown[0].Details);

        // 3. The index its Up created is left by Down, and the second Up cannot create it again.
        var indexLeft = report.For(IndexLeft).ToList();
        Assert.Equal(VerificationStep.Down, indexLeft[0].Step);
        Assert.Contains(indexLeft[0].Details, d => d.StartsWith("table Posts: index IX_Posts_Title", StringComparison.Ordinal) && d.EndsWith("present after Down but not before Up", StringComparison.Ordinal));
        Assert.Equal(VerificationStep.UpAgain, indexLeft[1].Step);

        // Nothing else: the rebuilt database after each broken round trip is where a correct history would be.
        Assert.Equal(1 + 2 + 2, report.Findings.Count);
        Assert.True(report.ScratchDatabases.Count >= 3, string.Join(", ", report.ScratchDatabases));
    }
}
