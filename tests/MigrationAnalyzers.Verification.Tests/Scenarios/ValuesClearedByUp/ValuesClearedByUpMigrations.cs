using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using MigrationAnalyzers.Verification.Tests.Scenarios.Model;

namespace MigrationAnalyzers.Verification.Tests.Scenarios.ValuesClearedByUp;

[DbContext(typeof(ValuesClearedByUpContext))]
[Migration("20240101000000_CreateBlogs")]
public sealed class CreateBlogs : CreateBlogsWithSummaryMigration;

[DbContext(typeof(ValuesClearedByUpContext))]
[Migration("20240102000000_ResetPosts")]
public sealed class ResetPosts : BlogMigration
{
    protected override BlogShape TargetShape => BlogShape.Summary;

    // Plain SQL both databases accept; the schema does not change, the data does.
    protected override void Up(MigrationBuilder migrationBuilder)
        => migrationBuilder.Sql("UPDATE \"Posts\" SET \"Summary\" = NULL, \"Title\" = 'draft ' || \"Title\"");

    protected override void Down(MigrationBuilder migrationBuilder)
    {
    }
}

[DbContext(typeof(ValuesClearedByUpContext))]
[Migration("20240103000000_DeleteOldestPost")]
public sealed class DeleteOldestPost : BlogMigration
{
    protected override BlogShape TargetShape => BlogShape.Summary;

    protected override void Up(MigrationBuilder migrationBuilder)
        => migrationBuilder.Sql("DELETE FROM \"Posts\" WHERE \"Id\" = (SELECT MIN(\"Id\") FROM \"Posts\")");

    protected override void Down(MigrationBuilder migrationBuilder)
    {
    }
}

[DbContext(typeof(ValuesClearedByUpContext))]
public sealed class ValuesClearedByUpContextModelSnapshot : BlogModelSnapshot
{
    protected override BlogShape Shape => BlogShape.Summary;
}
