using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using MigrationAnalyzers.Verification.Tests.Scenarios.Model;

namespace MigrationAnalyzers.Verification.Tests.Scenarios.MigrationMissesSnapshot;

[DbContext(typeof(MigrationMissesSnapshotContext))]
[Migration("20240101000000_CreateBlogs")]
public sealed class CreateBlogs : CreateBlogsWithSummaryMigration;

[DbContext(typeof(MigrationMissesSnapshotContext))]
[Migration("20240102000000_AddRating")]
public sealed class AddRating : BlogMigration
{
    protected override BlogShape TargetShape => BlogShape.Summary | BlogShape.Rating;

    // The bug under test: the AddColumn for Rating was deleted from Up (and Down).
    protected override void Up(MigrationBuilder migrationBuilder)
    {
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
    }
}

[DbContext(typeof(MigrationMissesSnapshotContext))]
public sealed class MigrationMissesSnapshotContextModelSnapshot : BlogModelSnapshot
{
    protected override BlogShape Shape => BlogShape.Summary | BlogShape.Rating;
}
