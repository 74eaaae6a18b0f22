using System.Threading.Tasks;
using MigrationAnalyzers.Verification.Tests.Infrastructure;
using MigrationAnalyzers.Verification.Tests.Scenarios.CorrectHistory;
using Xunit;

namespace MigrationAnalyzers.Verification.Tests;

public sealed class CorrectHistoryTests
{
    [Fact]
    public Task Sqlite_CorrectHistory_Passes() => CorrectHistory_Passes(TestDatabase.Sqlite);

    [PostgresFact]
    public Task Postgres_CorrectHistory_Passes() => CorrectHistory_Passes(TestDatabase.Postgres);

    private static async Task CorrectHistory_Passes(TestDatabase database)
    {
        var report = await database.Verifier<CorrectHistoryContext>().WithSampleData().VerifyAsync();

        Assert.True(report.Passed, report.ToString());
        Assert.Equal(new[] { "20240101000000_CreateBlogs", "20240102000000_AddSummary" }, report.Migrations);
        // Sample rows went into every table: a note would say which table refused them.
        Assert.Empty(report.Notes);
    }
}
