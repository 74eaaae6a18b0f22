using Microsoft.EntityFrameworkCore;
using MigrationAnalyzers.Verification.Tests.Scenarios.Model;

namespace MigrationAnalyzers.Verification.Tests.Scenarios.MigrationMissesSnapshot;

/// <summary>
/// The snapshot agrees with the model (so no pending changes), but AddRating was emptied by hand:
/// the database never gets Posts.Rating.
/// </summary>
public sealed class MigrationMissesSnapshotContext(DbContextOptions<MigrationMissesSnapshotContext> options) : BlogContext(options)
{
    protected override BlogShape Shape => BlogShape.Summary | BlogShape.Rating;
}
