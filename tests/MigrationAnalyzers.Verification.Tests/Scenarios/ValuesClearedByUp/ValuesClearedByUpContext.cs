using Microsoft.EntityFrameworkCore;
using MigrationAnalyzers.Verification.Tests.Scenarios.Model;

namespace MigrationAnalyzers.Verification.Tests.Scenarios.ValuesClearedByUp;

/// <summary>A data migration that keeps every column but clears Summary and rewrites Title.</summary>
public sealed class ValuesClearedByUpContext(DbContextOptions<ValuesClearedByUpContext> options) : BlogContext(options)
{
    protected override BlogShape Shape => BlogShape.Summary;
}
