using Microsoft.EntityFrameworkCore;
using MigrationAnalyzers.Verification.Tests.Scenarios.Model;

namespace MigrationAnalyzers.Verification.Tests.Scenarios.ValuesClearedByUp;

/// <summary>Data migrations that keep every column: one clears Summary and rewrites Title, one deletes a row.</summary>
public sealed class ValuesClearedByUpContext(DbContextOptions<ValuesClearedByUpContext> options) : BlogContext(options)
{
    protected override BlogShape Shape => BlogShape.Summary;
}
