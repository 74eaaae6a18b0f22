using Microsoft.EntityFrameworkCore;
using MigrationAnalyzers.Verification.Tests.Scenarios.Model;

namespace MigrationAnalyzers.Verification.Tests.Scenarios.WrongIndexDropped;

/// <summary>AddTitleIndex's Down drops IX_Posts_BlogId instead of the IX_Posts_Title its Up created.</summary>
public sealed class WrongIndexDroppedContext(DbContextOptions<WrongIndexDroppedContext> options) : BlogContext(options)
{
    protected override BlogShape Shape => BlogShape.TitleIndex;
}
