using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using MigrationAnalyzers.Verification.Tests.Scenarios.Model;

namespace MigrationAnalyzers.Verification.Tests.Scenarios.ColumnRestoredWrong;

[DbContext(typeof(ColumnRestoredWrongContext))]
[Migration("20240101000000_CreateBlogs")]
public sealed class CreateBlogs : CreateBlogsWithSummaryMigration;

[DbContext(typeof(ColumnRestoredWrongContext))]
[Migration("20240102000000_DropSummary")]
public sealed class DropSummary : BlogMigration
{
    protected override BlogShape TargetShape => BlogShape.Core;

    protected override void Up(MigrationBuilder migrationBuilder) => BlogSchema.DropSummary(migrationBuilder);

    // The bug under test: the column comes back with another type, nullability and default. The
    // type is spelled out because without it EF takes the column's type from the target model.
    protected override void Down(MigrationBuilder migrationBuilder)
        => migrationBuilder.AddColumn<int>(name: "Summary", table: "Posts", type: "integer", nullable: false, defaultValue: 0);
}

[DbContext(typeof(ColumnRestoredWrongContext))]
public sealed class ColumnRestoredWrongContextModelSnapshot : BlogModelSnapshot
{
    protected override BlogShape Shape => BlogShape.Core;
}
