using System.Linq;
using System.Threading.Tasks;
using MigrationAnalyzers.Sample.Tests.Infrastructure;
using MigrationAnalyzers.Verification;
using Xunit;

namespace MigrationAnalyzers.Sample.Tests;

/// <summary>
/// MigrationAnalyzers.Verification run on the sample's real history (25 migrations, some unsafe on
/// purpose). The verifier stops at the first migration the database cannot be brought through, so
/// these tests also pin where each run stops.
/// </summary>
public class SampleHistoryTests
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

    private static string Name(string id) => id[(id.IndexOf('_') + 1)..];

    [Fact]
    public async Task Round_trip_on_sqlite_reports_exactly_the_empty_down_and_stops_there()
    {
        var report = await MigrationVerifier.ForSqlite<SampleDbContext>().VerifyAsync();
        var text = report.ToString();

        Assert.Equal("SQLite", report.DatabaseName);
        Assert.Equal(25, report.Migrations.Count);
        Assert.False(report.Passed, text);

        // Every Up up to #23 applies from empty, and the snapshot agrees with the model (no Model finding).
        Assert.DoesNotContain(report.Findings, f => f.Step is VerificationStep.Up or VerificationStep.Model);

        // Only #23 is reported: Down leaves the column, so the second Up fails on it.
        Assert.All(report.Findings, f => Assert.Equal(EmptyDown, f.MigrationId));
        var down = Assert.Single(report.For(EmptyDown), f => f.Step == VerificationStep.Down);
        Assert.Contains(down.Details, d => d.Contains("column AuthorName present after Down but not before Up"));
        var upAgain = Assert.Single(report.For(EmptyDown), f => f.Step == VerificationStep.UpAgain);
        Assert.Contains(upAgain.Details, d => d.Contains("duplicate column name: AuthorName"));

        // ...and the run stops there: #24 and #25 (missing and incomplete Down) are never reached.
        Assert.Contains(report.Notes, n => n.Contains($"verification stopped at {EmptyDown}"));
        Assert.Empty(report.For(MissingDown));
        Assert.Empty(report.For(IncompleteDown));

        foreach (var safe in Safe)
        {
            Assert.Empty(report.For(safe));
        }

        // A default-only difference after a SQLite table rebuild is a note, not a finding.
        Assert.Contains(report.Notes, n => n.Contains("AddPostCategoryForeignKey: only a column default differs"));
    }

    [Fact]
    public async Task AssertAsync_throws_with_the_report()
    {
        var exception = await Assert.ThrowsAsync<MigrationVerificationException>(
            () => MigrationVerifier.ForSqlite<SampleDbContext>().AssertAsync());

        Assert.False(exception.Report.Passed);
        Assert.Equal(exception.Report.ToString(), exception.Message);
        Assert.Contains("AddCommentAuthorNameWithEmptyDown [Down]", exception.Message);
    }

    [Fact]
    public async Task Sample_data_on_sqlite_reports_the_data_losing_migrations_and_the_required_column()
    {
        var report = await MigrationVerifier.ForSqlite<SampleDbContext>().WithSampleData().VerifyAsync();
        var text = report.ToString();

        AssertDataLossFindings(report, text);

        // #15 adds a NOT NULL column without default: fine on empty tables, refused once Blogs has rows.
        var up = Assert.Single(report.For(RequiredRating));
        Assert.Equal(VerificationStep.Up, up.Step);
        Assert.Contains("the tables held sample rows", up.Summary);
        Assert.Contains(up.Details, d => d.Contains("Cannot add a NOT NULL column with default value NULL"));
        Assert.Contains(report.Notes, n => n.Contains($"verification stopped at {RequiredRating}"));

        // So the run never reaches DeleteAllPageViews (#21) nor the broken Downs.
        Assert.Empty(report.For("20261125084158_DeleteAllPageViews"));
        Assert.Empty(report.For(EmptyDown));
        Assert.Equal(DataLosing.Length + 1, report.Findings.Count);
    }

    [Fact]
    public async Task AllowDataLoss_turns_the_reviewed_losses_into_passes_but_not_the_failed_up()
    {
        var report = await MigrationVerifier.ForSqlite<SampleDbContext>()
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
        var report = await MigrationVerifier.ForNpgsql<SampleDbContext>(PostgresServer.ConnectionString!)
            .WithSampleData()
            .VerifyAsync();
        var text = report.ToString();

        Assert.Equal("PostgreSQL", report.DatabaseName);
        AssertDataLossFindings(report, text);

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
