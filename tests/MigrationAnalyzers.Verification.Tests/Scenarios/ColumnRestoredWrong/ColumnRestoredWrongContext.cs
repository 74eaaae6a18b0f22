using Microsoft.EntityFrameworkCore;
using MigrationAnalyzers.Verification.Tests.Scenarios.Model;

namespace MigrationAnalyzers.Verification.Tests.Scenarios.ColumnRestoredWrong;

/// <summary>DropSummary's Down brings Summary back as a NOT NULL integer with a default, not the nullable text it was.</summary>
public sealed class ColumnRestoredWrongContext(DbContextOptions<ColumnRestoredWrongContext> options) : BlogContext(options)
{
    protected override BlogShape Shape => BlogShape.Core;
}
