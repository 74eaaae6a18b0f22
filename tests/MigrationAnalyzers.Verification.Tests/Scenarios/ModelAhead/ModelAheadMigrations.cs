using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using MigrationAnalyzers.Verification.Tests.Scenarios.Model;

namespace MigrationAnalyzers.Verification.Tests.Scenarios.ModelAhead;

[DbContext(typeof(ModelAheadContext))]
[Migration("20240101000000_CreateBlogs")]
public sealed class CreateBlogs : CreateBlogsWithSummaryMigration;

/// <summary>The snapshot, like the migration, has no Posts.Rating: the model is ahead of both.</summary>
[DbContext(typeof(ModelAheadContext))]
public sealed class ModelAheadContextModelSnapshot : BlogModelSnapshot
{
    protected override BlogShape Shape => BlogShape.Summary;
}
