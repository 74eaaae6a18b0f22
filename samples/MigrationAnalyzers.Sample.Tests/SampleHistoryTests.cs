using System.Linq;
using System.Threading.Tasks;
using MigrationAnalyzers.Sample.Tests.Infrastructure;
using MigrationAnalyzers.Verification;
using Xunit;
using Xunit.Abstractions;

namespace MigrationAnalyzers.Sample.Tests;

/// <summary>
/// MigrationAnalyzers.Verification run on the sample's real history (25 migrations, some unsafe on
/// purpose). A broken Down does not end a run (the verifier rebuilds the database and goes on); an
/// Up that fails does, so these tests also pin where each run stops.
/// </summary>
public class SampleHistoryTests(ITestOutputHelper output)
{
    private const string EmptyDown = "20261125084225_AddCommentAuthorNameWithEmptyDown";
    private const string MissingDown = "20261125084250_AddPostReadingTimeWithoutDown";
    private const string IncompleteDown = "20261125084307_AddBlogAndPostLanguageWithIncompleteDown";
    private const string RequiredRating = "20261125083643_AddRequiredBlogRatingWithoutDefault";

    private static readonly string[] DataLosing =
    [
        "20261125083456_DropAuditEntriesTable",
        "20261125083510_DropLegacyNotesColumn",
        "20261125083523_RenameAuthorBioAsDropAndAddColumn",
        "20261125083539_RenameSubscribersAsDropAndCreateTable",
    ];

    // EF-scaffolded safe migrations before the run stops: no finding of any step.
    private static readonly string[] Safe =
    [
        "20261125083244_InitialCreate",
        "20261125083308_AddPostSummary",
        "20261125083318_AddCommentsTable",
        "20261125083339_AddCategoriesWithSeedData",
        "20261125083350_AddIndexOnPostPublishedOn",
        "20261125083402_WidenBlogTitleLength",
        "20261125083415_RenamePostContentToBody",
    ];

    // Far above what any step or run here takes; a hang ends as a finding, never as a stuck test.
    private static readonly System.TimeSpan StepLimit = System.TimeSpan.FromSeconds(60);
    private static readonly System.TimeSpan RunLimit = System.TimeSpan.FromMinutes(3);

    private static string Name(string id) => id[(id.IndexOf('_') + 1)..];

    private static MigrationVerifier<SampleDbContext> Sqlite() => SqliteMigrationVerifier.For<SampleDbContext>().WithTimeLimits(StepLimit, RunLimit);

    [Fact(Timeout = 240_000)]
    public async Task Round_trip_on_sqlite_reports_all_three_broken_downs_in_one_run()
    {
        var report = await Sqlite().VerifyAsync();
        var text = report.ToString();
        output.WriteLine(text);

        Assert.Equal("SQLite", report.DatabaseName);
        Assert.Equal(25, report.Migrations.Count);
        Assert.False(report.Passed, text);

        // Every Up applies from empty, and the snapshot agrees with the model (no Model finding).
        Assert.DoesNotContain(report.Findings, f => f.Step is VerificationStep.Up or VerificationStep.Model);

        // #23: Down leaves the column, so the second Up fails on it.
        var down = Assert.Single(report.For(EmptyDown), f => f.Step == VerificationStep.Down);
        Assert.Contains(down.Details, d => d.Contains("column AuthorName present after Down but not before Up"));
        var upAgain = Assert.Single(report.For(EmptyDown), f => f.Step == VerificationStep.UpAgain);
        Assert.Contains(upAgain.Details, d => d.Contains("duplicate column name: AuthorName"));

        // #24: no Down at all; EF Core 10 leaves its migration lock behind, which the verifier clears.
        var missing = Assert.Single(report.For(MissingDown));
        Assert.Equal((VerificationStep.Down, "Down failed"), (missing.Step, missing.Summary));
        Assert.Contains(missing.Details, d => d.Contains("'Down' method for this migration has not been implemented"));

        // #25: Down forgets Posts.Language.
        var incomplete = report.For(IncompleteDown).ToList();
        Assert.Contains(incomplete, f => f.Step == VerificationStep.Down && f.Details.Contains("table Posts: column Language present after Down but not before Up"));

        // Only those three migrations, and the run went to the end.
        Assert.All(report.Findings, f => Assert.Contains(f.MigrationId, new[] { EmptyDown, MissingDown, IncompleteDown }));
        Assert.DoesNotContain(report.Notes, n => n.StartsWith("verification stopped"));
        foreach (var safe in Safe)
        {
            Assert.Empty(report.For(safe));
        }

        // A default-only difference after a SQLite table rebuild is a note, not a finding.
        Assert.Contains(report.Notes, n => n.Contains("AddPostCategoryForeignKey: only a column default differs"));
    }

    [Fact(Timeout = 240_000)]
    public async Task AssertAsync_throws_with_the_report()
    {
        var exception = await Assert.ThrowsAsync<MigrationVerificationException>(
            () => Sqlite().AssertAsync());

        Assert.False(exception.Report.Passed);
        Assert.Equal(exception.Report.ToString(), exception.Message);
        Assert.Contains("AddCommentAuthorNameWithEmptyDown [Down]", exception.Message);
    }

    [Fact(Timeout = 240_000)]
    public async Task Sample_data_on_sqlite_reports_the_data_losing_migrations_and_the_required_column()
    {
        var report = await Sqlite().WithSampleData().VerifyAsync();
        var text = report.ToString();
        output.WriteLine(text);

        AssertDataLossFindings(report, text);

        // #15 adds a NOT NULL column without default: fine on empty tables, refused once Blogs has rows.
        var up = Assert.Single(report.For(RequiredRating));
        Assert.Equal(VerificationStep.Up, up.Step);
        Assert.Contains("the tables held sample rows", up.Summary);
        Assert.Contains(up.Details, d => d.Contains("Cannot add a NOT NULL column with default value NULL"));
        Assert.Contains(report.Notes, n => n.Contains($"verification stopped at {RequiredRating}"));

        // Every table took sample rows, the PostTag join table (composite key) included.
        Assert.DoesNotContain(report.Notes, n => n.StartsWith("sample data:"));

        // So the run never reaches DeleteAllPageViews (#21) nor the broken Downs.
        Assert.Empty(report.For("20261125084158_DeleteAllPageViews"));
        Assert.Empty(report.For(EmptyDown));
        Assert.Equal(DataLosing.Length + 1, report.Findings.Count);
    }

    [Fact(Timeout = 240_000)]
    public async Task AllowDataLoss_turns_the_reviewed_losses_into_passes_but_not_the_failed_up()
    {
        var report = await Sqlite()
            .WithSampleData()
            .AllowDataLoss(DataLosing.Select(Name).ToArray())
            .VerifyAsync();

        Assert.DoesNotContain(report.Findings, f => f.Step == VerificationStep.Data);
        var only = Assert.Single(report.Findings);
        Assert.Equal(RequiredRating, only.MigrationId);
        Assert.Equal(VerificationStep.Up, only.Step);
    }

    [PostgresFact]
    public async Task Sample_data_on_postgres_reports_the_data_losing_migrations_and_the_sqlite_only_history()
    {
        var report = await NpgsqlMigrationVerifier.For<SampleDbContext>(PostgresServer.ConnectionString!).WithTimeLimits(StepLimit, RunLimit)
            .WithSampleData()
            .VerifyAsync();
        var text = report.ToString();
        output.WriteLine(text);

        Assert.Equal("PostgreSQL", report.DatabaseName);
        AssertDataLossFindings(report, text);
        Assert.DoesNotContain(report.Notes, n => n.StartsWith("sample data:"));

        // The history was scaffolded for SQLite, which ignores DropSchema; PostgreSQL runs it.
        var up = Assert.Single(report.For("20261125083629_DropLegacySchema"));
        Assert.Equal(VerificationStep.Up, up.Step);
        Assert.Contains(up.Details, d => d.Contains("schema \"legacy\" does not exist"));
        Assert.Contains(report.Notes, n => n.Contains("verification stopped at 20261125083629_DropLegacySchema"));

        // The snapshot carries SQLite store types, so the Npgsql model differs from it column by column.
        var model = Assert.Single(report.Findings, f => f.Step == VerificationStep.Model);
        Assert.Null(model.MigrationId);
        Assert.Contains("alter column Posts.Title", model.Details);
        Assert.Equal(DataLosing.Length + 2, report.Findings.Count);
    }

    private static void AssertDataLossFindings(MigrationVerificationReport report, string text)
    {
        Assert.False(report.Passed, text);

        foreach (var id in DataLosing)
        {
            var data = Assert.Single(report.For(id));
            Assert.Equal(VerificationStep.Data, data.Step);
        }

        Assert.Contains(report.For(DataLosing[0]).Single().Details, d => d.StartsWith("table AuditEntries: dropped by Up with"));
        Assert.Contains(report.For(DataLosing[1]).Single().Details, d => d.StartsWith("table Blogs: column LegacyNotes dropped by Up with"));
        Assert.Contains(report.For(DataLosing[2]).Single().Details, d => d.StartsWith("table Authors: column Bio dropped by Up with"));
        Assert.Contains(report.For(DataLosing[3]).Single().Details, d => d.StartsWith("table Subscribers: dropped by Up with"));

        foreach (var safe in Safe.Append("20261125083558_NarrowAuthorNameLength").Append("20261125083614_RemoveArchivedCategorySeed"))
        {
            Assert.Empty(report.For(safe));
        }
    }
}
