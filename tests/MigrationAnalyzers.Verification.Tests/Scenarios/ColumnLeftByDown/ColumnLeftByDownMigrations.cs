using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using MigrationAnalyzers.Verification.Tests.Scenarios.Model;

namespace MigrationAnalyzers.Verification.Tests.Scenarios.ColumnLeftByDown;

[DbContext(typeof(ColumnLeftByDownContext))]
[Migration("20240101000000_CreateBlogs")]
public sealed class CreateBlogs : CreateBlogsMigration;

[DbContext(typeof(ColumnLeftByDownContext))]
[Migration("20240102000000_AddSummary")]
public sealed class AddSummary : AddSummaryMigration
{
    // The bug under test: the index is dropped, the Summary column Up added is not.
    protected override void Down(MigrationBuilder migrationBuilder) => BlogSchema.DropTitleIndex(migrationBuilder);
}

[DbContext(typeof(ColumnLeftByDownContext))]
public sealed class ColumnLeftByDownContextModelSnapshot : BlogModelSnapshot
{
    protected override BlogShape Shape => BlogShape.Summary | BlogShape.TitleIndex;
}
