using Microsoft.EntityFrameworkCore;
using MigrationAnalyzers.Verification.Tests.Scenarios.Model;

namespace MigrationAnalyzers.Verification.Tests.Scenarios.FailingDown;

/// <summary>AddSummary's Down drops an index that does not exist, so it cannot run; AddTags after it is fine.</summary>
public sealed class FailingDownContext(DbContextOptions<FailingDownContext> options) : BlogContext(options)
{
    protected override BlogShape Shape => BlogShape.Summary | BlogShape.TitleIndex | BlogShape.Tags;
}
