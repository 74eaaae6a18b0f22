using Microsoft.EntityFrameworkCore;
using MigrationAnalyzers.Verification.Tests.Scenarios.Model;

namespace MigrationAnalyzers.Verification.Tests.Scenarios.CorrectHistory;

/// <summary>Two migrations whose Downs undo their Ups exactly and whose snapshot matches the model.</summary>
public sealed class CorrectHistoryContext(DbContextOptions<CorrectHistoryContext> options) : BlogContext(options)
{
    protected override BlogShape Shape => BlogShape.Summary | BlogShape.TitleIndex;
}
