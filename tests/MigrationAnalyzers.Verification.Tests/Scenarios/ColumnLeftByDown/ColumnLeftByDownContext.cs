using Microsoft.EntityFrameworkCore;
using MigrationAnalyzers.Verification.Tests.Scenarios.Model;

namespace MigrationAnalyzers.Verification.Tests.Scenarios.ColumnLeftByDown;

/// <summary>AddSummary's Down drops the index but forgets the column it added.</summary>
public sealed class ColumnLeftByDownContext(DbContextOptions<ColumnLeftByDownContext> options) : BlogContext(options)
{
    protected override BlogShape Shape => BlogShape.Summary | BlogShape.TitleIndex;
}
