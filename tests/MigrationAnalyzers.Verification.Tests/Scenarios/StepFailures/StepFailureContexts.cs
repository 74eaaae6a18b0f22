using Microsoft.EntityFrameworkCore;
using MigrationAnalyzers.Verification.Tests.Scenarios.Model;

namespace MigrationAnalyzers.Verification.Tests.Scenarios.StepFailures;

// Each history is CreateBlogs, a second migration that fails in one way, then AddTags (correct),
// so a test can see whether the run went on past the failure. All end in the same model.

/// <summary>AddSummary's Up throws in C# before any SQL runs.</summary>
public sealed class UpThrowsContext(DbContextOptions<UpThrowsContext> options) : BlogContext(options)
{
    protected override BlogShape Shape => StepFailureShapes.Head;
}

/// <summary>AddSummary's Down throws in C# (a "not supported" guard written by hand).</summary>
public sealed class DownThrowsContext(DbContextOptions<DownThrowsContext> options) : BlogContext(options)
{
    protected override BlogShape Shape => StepFailureShapes.Head;
}

/// <summary>AddSummary's Down starts a transaction of its own with Sql(..., suppressTransaction: true) and never ends it.</summary>
public sealed class OpenTransactionContext(DbContextOptions<OpenTransactionContext> options) : BlogContext(options)
{
    protected override BlogShape Shape => StepFailureShapes.Head;
}

/// <summary>AddSummary's Down blocks (stands for any step that waits forever: a lock, a long statement).</summary>
public sealed class HangingDownContext(DbContextOptions<HangingDownContext> options) : BlogContext(options)
{
    protected override BlogShape Shape => StepFailureShapes.Head;
}

public static class StepFailureShapes
{
    public const BlogShape Head = BlogShape.Summary | BlogShape.TitleIndex | BlogShape.Tags;
}
