using Microsoft.EntityFrameworkCore;
using MigrationAnalyzers.Verification.Tests.Scenarios.Model;

namespace MigrationAnalyzers.Verification.Tests.Scenarios.ThreeBrokenDowns;

/// <summary>
/// Three different broken Downs in one history: AddSummary has none (EF's base Down throws),
/// AddRating's is empty, AddTagsAndTitleIndex's forgets the index its Up created. One run must name all three.
/// </summary>
public sealed class ThreeBrokenDownsContext(DbContextOptions<ThreeBrokenDownsContext> options) : BlogContext(options)
{
    protected override BlogShape Shape => BlogShape.Tags | BlogShape.Summary | BlogShape.Rating | BlogShape.TitleIndex;
}
