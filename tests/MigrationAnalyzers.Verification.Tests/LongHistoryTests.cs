using System;
using System.Threading.Tasks;
using MigrationAnalyzers.Verification.Tests.Infrastructure;
using MigrationAnalyzers.Verification.Tests.Scenarios.LongHistory;
using Xunit;
using Xunit.Abstractions;

namespace MigrationAnalyzers.Verification.Tests;

#if NET10_0_OR_GREATER // a measurement, not a behaviour: once (EF Core 10) is enough

/// <summary>
/// How long a long history takes: 100 generated migrations, each round-tripped (Up, Down, Up, four
/// schema reads), on SQLite. The README quotes the time this test prints; the target is one minute.
/// </summary>
public sealed class LongHistoryTests(ITestOutputHelper output)
{
    [DatabaseFact(Timeout = 300_000)]
    public async Task Sqlite_HundredMigrations_RoundTripWithinAMinute()
    {
        // Limits above the target, so that a slow run reports its time instead of stopping early.
        var report = await TestDatabase.Sqlite.Verifier<LongHistoryContext>()
            .WithTimeLimits(overall: TimeSpan.FromMinutes(4))
            .VerifyAsync();
        output.WriteLine(report.ToString());
        output.WriteLine($"{report.Migrations.Count} migrations round-tripped on SQLite in {report.Duration.TotalSeconds:0.0} s");

        Assert.True(report.Passed, report.ToString());
        Assert.Equal(LongHistoryContext.Count, report.Migrations.Count);
        // The target is 60 s on an ordinary machine (README); no bound is asserted here because the
        // shared build machines run other builds at once and a run's time says little about the code.
    }
}
#endif
