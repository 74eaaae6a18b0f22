using Microsoft.EntityFrameworkCore;
using MigrationAnalyzers.Verification.Tests.Scenarios.Model;

namespace MigrationAnalyzers.Verification.Tests.Scenarios.FailingUp;

/// <summary>The second migration's Up cannot run: it renames a table that does not exist.</summary>
public sealed class FailingUpContext(DbContextOptions<FailingUpContext> options) : BlogContext(options)
{
    protected override BlogShape Shape => BlogShape.Core;
}
