using System;
using System.Threading.Tasks;
using MigrationAnalyzers.Verification.Tests.Infrastructure;
using MigrationAnalyzers.Verification.Tests.Scenarios.LongHistory;
using Xunit;
using Xunit.Abstractions;

namespace MigrationAnalyzers.Verification.Tests;

/// <summary>
/// How long a long history takes: 100 generated migrations, each round-tripped (Up, Down, Up, four
/// schema reads), on SQLite. The README quotes the time this test prints; the target is one minute.
/// </summary>
public sealed class LongHistoryTests(ITestOutputHelper output)
{
    [DatabaseFact(Timeout = 180_000)]
    public async Task Sqlite_HundredMigrations_RoundTripWithinAMinute()
    {
        // Limits above the target, so that a slow run reports its time instead of stopping early.
        var report = await TestDatabase.Sqlite.Verifier<LongHistoryContext>()
            .WithTimeLimits(overall: TimeSpan.FromMinutes(2))
            .VerifyAsync();
        output.WriteLine(report.ToString());
        output.WriteLine($"{report.Migrations.Count} migrations round-tripped on SQLite in {report.Duration.TotalSeconds:0.0} s");

        Assert.True(report.Passed, report.ToString());
        Assert.Equal(LongHistoryContext.Count, report.Migrations.Count);
        // The target is 60 s; the bound is looser because the test machines run other builds at once.
        Assert.True(report.Duration < TimeSpan.FromSeconds(110), $"took {report.Duration}");
    }
}
