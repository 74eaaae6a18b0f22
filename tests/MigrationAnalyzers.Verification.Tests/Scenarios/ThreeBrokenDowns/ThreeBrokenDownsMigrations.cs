using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using MigrationAnalyzers.Verification.Tests.Scenarios.Model;

namespace MigrationAnalyzers.Verification.Tests.Scenarios.ThreeBrokenDowns;

[DbContext(typeof(ThreeBrokenDownsContext))]
[Migration("20240101000000_CreateBlogs")]
public sealed class CreateBlogs : CreateBlogsMigration;

// Bug 1: no Down at all; Migration.Down throws when the Down is asked for.
[DbContext(typeof(ThreeBrokenDownsContext))]
[Migration("20240102000000_AddSummary")]
public sealed class AddSummary : BlogMigration
{
    protected override BlogShape TargetShape => BlogShape.Summary;

    protected override void Up(MigrationBuilder migrationBuilder) => BlogSchema.AddSummary(migrationBuilder);
}

// Bug 2: an empty Down, so the column stays and the second Up collides with it.
[DbContext(typeof(ThreeBrokenDownsContext))]
[Migration("20240103000000_AddRating")]
public sealed class AddRating : BlogMigration
{
    protected override BlogShape TargetShape => BlogShape.Summary | BlogShape.Rating;

    protected override void Up(MigrationBuilder migrationBuilder) => BlogSchema.AddRating(migrationBuilder);

    protected override void Down(MigrationBuilder migrationBuilder)
    {
    }
}

// Bug 3: the Down drops the table but forgets the index its Up created. (Dropping a table leaves
// Posts alone; a dropped column would make SQLite rebuild Posts and lose the index by accident.)
[DbContext(typeof(ThreeBrokenDownsContext))]
[Migration("20240104000000_AddTagsAndTitleIndex")]
public sealed class AddTagsAndTitleIndex : BlogMigration
{
    protected override BlogShape TargetShape => BlogShape.Summary | BlogShape.Rating | BlogShape.Tags | BlogShape.TitleIndex;

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        BlogSchema.CreateTags(migrationBuilder);
        BlogSchema.CreateTitleIndex(migrationBuilder);
    }

    protected override void Down(MigrationBuilder migrationBuilder) => BlogSchema.DropTags(migrationBuilder);
}

[DbContext(typeof(ThreeBrokenDownsContext))]
public sealed class ThreeBrokenDownsContextModelSnapshot : BlogModelSnapshot
{
    protected override BlogShape Shape => BlogShape.Tags | BlogShape.Summary | BlogShape.Rating | BlogShape.TitleIndex;
}
