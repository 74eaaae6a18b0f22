using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using MigrationAnalyzers.Verification.Tests.Scenarios.Model;

namespace MigrationAnalyzers.Verification.Tests.Scenarios.DataLosingUp;

[DbContext(typeof(DataLosingUpContext))]
[Migration("20240101000000_CreateBlogs")]
public sealed class CreateBlogs : CreateBlogsWithSummaryMigration
{
    protected override BlogShape TargetShape => BlogShape.Summary | BlogShape.Tags;

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        base.Up(migrationBuilder);
        BlogSchema.CreateTags(migrationBuilder);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        BlogSchema.DropTags(migrationBuilder);
        base.Down(migrationBuilder);
    }
}

/// <summary>Drops a column that holds data: the schema round-trips, the values do not.</summary>
[DbContext(typeof(DataLosingUpContext))]
[Migration("20240102000000_DropSummary")]
public sealed class DropSummary : BlogMigration
{
    protected override BlogShape TargetShape => BlogShape.Tags;

    protected override void Up(MigrationBuilder migrationBuilder) => BlogSchema.DropSummary(migrationBuilder);

    protected override void Down(MigrationBuilder migrationBuilder) => BlogSchema.AddSummary(migrationBuilder);
}

/// <summary>Drops a table that holds rows.</summary>
[DbContext(typeof(DataLosingUpContext))]
[Migration("20240103000000_DropTags")]
public sealed class DropTags : BlogMigration
{
    protected override BlogShape TargetShape => BlogShape.Core;

    protected override void Up(MigrationBuilder migrationBuilder) => BlogSchema.DropTags(migrationBuilder);

    protected override void Down(MigrationBuilder migrationBuilder) => BlogSchema.CreateTags(migrationBuilder);
}

[DbContext(typeof(DataLosingUpContext))]
public sealed class DataLosingUpContextModelSnapshot : BlogModelSnapshot
{
    protected override BlogShape Shape => BlogShape.Core;
}
