using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using MigrationAnalyzers.Verification.Tests.Scenarios.Model;

namespace MigrationAnalyzers.Verification.Tests.Scenarios.CorrectHistory;

[DbContext(typeof(CorrectHistoryContext))]
[Migration("20240101000000_CreateBlogs")]
public sealed class CreateBlogs : CreateBlogsMigration;

[DbContext(typeof(CorrectHistoryContext))]
[Migration("20240102000000_AddSummary")]
public sealed class AddSummary : AddSummaryMigration;

[DbContext(typeof(CorrectHistoryContext))]
public sealed class CorrectHistoryContextModelSnapshot : BlogModelSnapshot
{
    protected override BlogShape Shape => BlogShape.Summary | BlogShape.TitleIndex;
}
