using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using MigrationAnalyzers.Verification.Tests.Scenarios.Model;

namespace MigrationAnalyzers.Verification.Tests.Scenarios.FailingDown;

[DbContext(typeof(FailingDownContext))]
[Migration("20240101000000_CreateBlogs")]
public sealed class CreateBlogs : CreateBlogsMigration;

[DbContext(typeof(FailingDownContext))]
[Migration("20240102000000_AddSummary")]
public sealed class AddSummary : AddSummaryMigration
{
    // The bug under test: a misspelt index name.
    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex(name: "IX_Post_Title", table: "Posts");
        BlogSchema.DropSummary(migrationBuilder);
    }
}

[DbContext(typeof(FailingDownContext))]
[Migration("20240103000000_AddTags")]
public sealed class AddTags : BlogMigration
{
    protected override BlogShape TargetShape => BlogShape.Summary | BlogShape.TitleIndex | BlogShape.Tags;

    protected override void Up(MigrationBuilder migrationBuilder) => BlogSchema.CreateTags(migrationBuilder);

    protected override void Down(MigrationBuilder migrationBuilder) => BlogSchema.DropTags(migrationBuilder);
}

[DbContext(typeof(FailingDownContext))]
public sealed class FailingDownContextModelSnapshot : BlogModelSnapshot
{
    protected override BlogShape Shape => BlogShape.Summary | BlogShape.TitleIndex | BlogShape.Tags;
}
