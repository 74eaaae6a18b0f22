using Microsoft.EntityFrameworkCore;
using MigrationAnalyzers.Verification.Tests.Scenarios.Model;

namespace MigrationAnalyzers.Verification.Tests.Scenarios.RequiredColumnDropped;

/// <summary>
/// Drops the required Blogs.Name; the Down is the one <c>dotnet ef migrations add</c> writes, which
/// re-creates the column with <c>defaultValue: ""</c>. A correct history: the default is only a note.
/// </summary>
public sealed class RequiredColumnDroppedContext(DbContextOptions<RequiredColumnDroppedContext> options) : BlogContext(options)
{
    protected override BlogShape Shape => BlogShape.NoBlogName;
}
