using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using MigrationAnalyzers.Verification.Tests.Scenarios.Model;

namespace MigrationAnalyzers.Verification.Tests.Scenarios.RequiredColumnDropped;

[DbContext(typeof(RequiredColumnDroppedContext))]
[Migration("20240101000000_CreateBlogs")]
public sealed class CreateBlogs : CreateBlogsMigration;

[DbContext(typeof(RequiredColumnDroppedContext))]
[Migration("20240102000000_DropBlogName")]
public sealed class DropBlogName : BlogMigration
{
    protected override BlogShape TargetShape => BlogShape.NoBlogName;

    protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.DropColumn(name: "Name", table: "Blogs");

    protected override void Down(MigrationBuilder migrationBuilder)
        => migrationBuilder.AddColumn<string>(name: "Name", table: "Blogs", maxLength: 100, nullable: false, defaultValue: "");
}

[DbContext(typeof(RequiredColumnDroppedContext))]
public sealed class RequiredColumnDroppedContextModelSnapshot : BlogModelSnapshot
{
    protected override BlogShape Shape => BlogShape.NoBlogName;
}
