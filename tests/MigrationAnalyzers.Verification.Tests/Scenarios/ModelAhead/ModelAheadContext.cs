using Microsoft.EntityFrameworkCore;
using MigrationAnalyzers.Verification.Tests.Scenarios.Model;

namespace MigrationAnalyzers.Verification.Tests.Scenarios.ModelAhead;

/// <summary>The model has Posts.Rating; no migration (and not the snapshot) has it.</summary>
public sealed class ModelAheadContext(DbContextOptions<ModelAheadContext> options) : BlogContext(options)
{
    protected override BlogShape Shape => BlogShape.Summary | BlogShape.Rating;
}
