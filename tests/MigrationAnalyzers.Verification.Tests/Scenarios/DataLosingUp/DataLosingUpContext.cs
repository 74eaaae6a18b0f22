using Microsoft.EntityFrameworkCore;
using MigrationAnalyzers.Verification.Tests.Scenarios.Model;

namespace MigrationAnalyzers.Verification.Tests.Scenarios.DataLosingUp;

/// <summary>
/// A schema-correct history whose Ups destroy data: DropSummary drops a column holding values,
/// DropTags drops a table holding rows. Every Down restores the schema, so only the data check fails.
/// </summary>
public sealed class DataLosingUpContext(DbContextOptions<DataLosingUpContext> options) : BlogContext(options)
{
    protected override BlogShape Shape => BlogShape.Core;
}
