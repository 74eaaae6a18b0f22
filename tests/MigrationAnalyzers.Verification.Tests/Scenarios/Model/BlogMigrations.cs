using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace MigrationAnalyzers.Verification.Tests.Scenarios.Model;

// Bases of the scenarios' migrations and snapshots. A scenario binds them to its context with
// [DbContext]/[Migration] on a sealed subclass and overrides only what its story changes
// (EF discovers constructible Migration subclasses with the context's [DbContext] attribute).

/// <summary>A migration whose target model (the Designer file's BuildTargetModel) is a <see cref="BlogShape"/>.</summary>
public abstract class BlogMigration : Migration
{
    protected abstract BlogShape TargetShape { get; }

    protected override void BuildTargetModel(ModelBuilder modelBuilder) => BlogSnapshot.Build(modelBuilder, TargetShape);
}

/// <summary>The first migration: Blogs and Posts, optionally with Posts.Summary.</summary>
public abstract class CreateBlogsMigration : BlogMigration
{
    protected virtual bool WithSummary => false;

    protected override BlogShape TargetShape => WithSummary ? BlogShape.Summary : BlogShape.Core;

    protected override void Up(MigrationBuilder migrationBuilder) => BlogSchema.CreateBlogsAndPosts(migrationBuilder, WithSummary);

    protected override void Down(MigrationBuilder migrationBuilder) => BlogSchema.DropBlogsAndPosts(migrationBuilder);
}

/// <summary>The first migration, with Posts.Summary from the start.</summary>
public abstract class CreateBlogsWithSummaryMigration : CreateBlogsMigration
{
    protected override bool WithSummary => true;
}

/// <summary>Adds Posts.Summary and the unique IX_Posts_Title; its Down undoes both.</summary>
public abstract class AddSummaryMigration : BlogMigration
{
    protected override BlogShape TargetShape => BlogShape.Summary | BlogShape.TitleIndex;

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        BlogSchema.AddSummary(migrationBuilder);
        BlogSchema.CreateTitleIndex(migrationBuilder);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        BlogSchema.DropTitleIndex(migrationBuilder);
        BlogSchema.DropSummary(migrationBuilder);
    }
}

/// <summary>The ModelSnapshot of a scenario: the model its migrations end in.</summary>
public abstract class BlogModelSnapshot : ModelSnapshot
{
    protected abstract BlogShape Shape { get; }

    protected override void BuildModel(ModelBuilder modelBuilder) => BlogSnapshot.Build(modelBuilder, Shape);
}
