using System;
using System.Threading.Tasks;
using Microsoft.EntityFrameworkCore;
using MigrationAnalyzers.Verification.Tests.Infrastructure;
using MigrationAnalyzers.Verification.Tests.Scenarios.CorrectHistory;
using Xunit;

namespace MigrationAnalyzers.Verification.Tests;

public sealed class ContextFactoryTests
{
    [DatabaseFact]
    public async Task ExplicitFactory_IsGivenOptionsWithScratchDatabaseAndConfigureOptionsApplied()
    {
        var contexts = 0;
        var configured = 0;

        var report = await SqliteMigrationVerifier
            .For((DbContextOptions<CorrectHistoryContext> options) =>
            {
                contexts++;
                return new CorrectHistoryContext(options);
            })
            .ConfigureOptions(_ => configured++)
            .Limited()
            .VerifyAsync();

        Assert.True(report.Passed, report.ToString());
        Assert.True(contexts > 2, $"one context per step expected, got {contexts}");
        // Once for the migrated database, once for the one EnsureCreated builds from the model.
        Assert.Equal(2, configured);
    }

    [Fact]
    public void ContextWithoutOptionsConstructor_IsRejectedWithHint()
    {
        var exception = Assert.Throws<ArgumentException>(() => SqliteMigrationVerifier.For<NoOptionsContext>());

        Assert.Contains("pass a factory", exception.Message);
    }

    private sealed class NoOptionsContext : DbContext
    {
    }
}
