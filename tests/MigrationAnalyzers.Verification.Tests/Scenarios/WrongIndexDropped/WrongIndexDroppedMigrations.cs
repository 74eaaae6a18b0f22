using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using MigrationAnalyzers.Verification.Tests.Scenarios.Model;

namespace MigrationAnalyzers.Verification.Tests.Scenarios.WrongIndexDropped;

[DbContext(typeof(WrongIndexDroppedContext))]
[Migration("20240101000000_CreateBlogs")]
public sealed class CreateBlogs : CreateBlogsMigration;

[DbContext(typeof(WrongIndexDroppedContext))]
[Migration("20240102000000_AddTitleIndex")]
public sealed class AddTitleIndex : BlogMigration
{
    protected override BlogShape TargetShape => BlogShape.TitleIndex;

    protected override void Up(MigrationBuilder migrationBuilder) => BlogSchema.CreateTitleIndex(migrationBuilder);

    // The bug under test: the wrong index is dropped.
    protected override void Down(MigrationBuilder migrationBuilder) => BlogSchema.DropBlogIdIndex(migrationBuilder);
}

[DbContext(typeof(WrongIndexDroppedContext))]
public sealed class WrongIndexDroppedContextModelSnapshot : BlogModelSnapshot
{
    protected override BlogShape Shape => BlogShape.TitleIndex;
}
