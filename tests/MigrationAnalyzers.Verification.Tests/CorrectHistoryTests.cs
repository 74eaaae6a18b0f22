using System.Threading.Tasks;
using MigrationAnalyzers.Verification.Tests.Infrastructure;
using MigrationAnalyzers.Verification.Tests.Scenarios.Catalog;
using MigrationAnalyzers.Verification.Tests.Scenarios.CorrectHistory;
using MigrationAnalyzers.Verification.Tests.Scenarios.RequiredColumnDropped;
using Xunit;
using Xunit.Abstractions;

namespace MigrationAnalyzers.Verification.Tests;

public sealed class CorrectHistoryTests(ITestOutputHelper output)
{
    [DatabaseFact]
    public Task Sqlite_CorrectHistory_Passes() => CorrectHistory_Passes(TestDatabase.Sqlite);

    [PostgresFact]
    public Task Postgres_CorrectHistory_Passes() => CorrectHistory_Passes(TestDatabase.Postgres);

    [MariaDbFact]
    public Task MariaDb_CorrectHistory_Passes() => CorrectHistory_Passes(TestDatabase.MariaDb);

    [DatabaseFact]
    public Task Sqlite_SeedAlterAndRenameHistory_PassesWithSampleData() => SeedAlterAndRenameHistory_PassesWithSampleData(TestDatabase.Sqlite);

    [PostgresFact]
    public Task Postgres_SeedAlterAndRenameHistory_PassesWithSampleData() => SeedAlterAndRenameHistory_PassesWithSampleData(TestDatabase.Postgres);

    [DatabaseFact]
    public Task Sqlite_EfStyleDownOfDroppedRequiredColumn_PassesWithNote() => EfStyleDownOfDroppedRequiredColumn_PassesWithNote(TestDatabase.Sqlite);

    [PostgresFact]
    public Task Postgres_EfStyleDownOfDroppedRequiredColumn_PassesWithNote() => EfStyleDownOfDroppedRequiredColumn_PassesWithNote(TestDatabase.Postgres);

    private async Task EfStyleDownOfDroppedRequiredColumn_PassesWithNote(TestDatabase database)
    {
        var report = await database.Verifier<RequiredColumnDroppedContext>().VerifyAsync();
        output.WriteLine(report.ToString());

        Assert.True(report.Passed, report.ToString());
        var note = Assert.Single(report.Notes);
        Assert.StartsWith("20240102000000_DropBlogName: only a column default differs after Down", note);
        Assert.Contains("table Blogs: column Name: default (none) before Up, ", note);
    }

    private async Task SeedAlterAndRenameHistory_PassesWithSampleData(TestDatabase database)
    {
        // A renamed column keeps its values and a widened column keeps its rows: neither is a loss;
        // a required column added with EF's defaultValue and then rebuilt away is no failure;
        // an edited seed row is the migration's own data; a table rebuild (SQLite) must leave the
        // same schema after Down as before Up.
        var report = await database.Verifier<CatalogContext>().WithSampleData().VerifyAsync();
        output.WriteLine(report.ToString());

        Assert.True(report.Passed, report.ToString());
        Assert.Equal(5, report.Migrations.Count);
        // Sample rows were accepted everywhere; on SQLite the rebuild dropping the default that
        // AddProductViews gave Views shows as a note, as it should, and nothing else does.
        var notes = database == TestDatabase.Sqlite
            ? new[] { "20240202000000_WidenProductName: only a column default differs after Down (EF's Downs and SQLite table rebuilds change defaults): table Products: column Views: default 0 before Up, (none) after Down" }
            : new string[0];
        Assert.Equal(notes, report.Notes);
    }

    private static async Task CorrectHistory_Passes(TestDatabase database)
    {
        var report = await database.Verifier<CorrectHistoryContext>().WithSampleData().VerifyAsync();

        Assert.True(report.Passed, report.ToString());
        Assert.Equal(new[] { "20240101000000_CreateBlogs", "20240102000000_AddSummary" }, report.Migrations);
        // Sample rows went into every table: a note would say which table refused them.
        Assert.Empty(report.Notes);
    }
}
