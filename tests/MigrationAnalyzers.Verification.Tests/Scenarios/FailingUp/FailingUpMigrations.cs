using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using MigrationAnalyzers.Verification.Tests.Scenarios.Model;

namespace MigrationAnalyzers.Verification.Tests.Scenarios.FailingUp;

[DbContext(typeof(FailingUpContext))]
[Migration("20240101000000_CreateBlogs")]
public sealed class CreateBlogs : CreateBlogsMigration;

[DbContext(typeof(FailingUpContext))]
[Migration("20240102000000_RenameMissingTable")]
public sealed class RenameMissingTable : BlogMigration
{
    protected override BlogShape TargetShape => BlogShape.Core;

    protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.RenameTable(name: "Articles", newName: "Stories");

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.RenameTable(name: "Stories", newName: "Articles");
}

[DbContext(typeof(FailingUpContext))]
[Migration("20240103000000_AddSummary")]
public sealed class AddSummary : AddSummaryMigration;

[DbContext(typeof(FailingUpContext))]
public sealed class FailingUpContextModelSnapshot : BlogModelSnapshot
{
    protected override BlogShape Shape => BlogShape.Core;
}
