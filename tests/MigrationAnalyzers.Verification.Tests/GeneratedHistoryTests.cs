using System.Threading.Tasks;
using MigrationAnalyzers.Verification.Tests.Infrastructure;
using MigrationAnalyzers.Verification.Tests.Scenarios.Generated;
using Xunit;
using Xunit.Abstractions;

namespace MigrationAnalyzers.Verification.Tests;

/// <summary>
/// Histories written by dotnet-ef itself (types, annotations, Designer target models, seed
/// updates, EF's defaultValue on re-created required columns): the only finding must be the real
/// data loss, so the checks raise nothing on what EF generates.
/// </summary>
public sealed class GeneratedHistoryTests(ITestOutputHelper output)
{
    [DatabaseFact]
    public Task Sqlite_EfGeneratedHistory_ReportsOnlyTheDroppedColumn() => EfGeneratedHistory_ReportsOnlyTheDroppedColumn(
        SqliteMigrationVerifier.For<SqliteShopContext>(), "20261125094730_DropOrderTotal");

    [PostgresFact]
    public Task Postgres_EfGeneratedHistory_ReportsOnlyTheDroppedColumn() => EfGeneratedHistory_ReportsOnlyTheDroppedColumn(
        NpgsqlMigrationVerifier.For<NpgsqlShopContext>(PostgresServer.ConnectionString!), "20261125094746_DropOrderTotal");

    private async Task EfGeneratedHistory_ReportsOnlyTheDroppedColumn<TContext>(MigrationVerifier<TContext> verifier, string dropOrderTotal)
        where TContext : ShopContext
    {
        var report = await verifier.Limited().WithSampleData().VerifyAsync();
        output.WriteLine(report.ToString());

        Assert.Equal(5, report.Migrations.Count);
        var finding = Assert.Single(report.Findings);
        Assert.Equal((dropOrderTotal, VerificationStep.Data), (finding.MigrationId, finding.Step));
        // Three rows written before each of the three Ups that had an Orders table to write to.
        Assert.Equal(new[] { "table Orders: column Total dropped by Up with 9 non-null values" }, finding.Details);
        // EF's Down re-creates the required Total with defaultValue: 0m: noted, not failed. (Npgsql's
        // EF Core 8 schema reader leaves out a default equal to the CLR default, so there is nothing to note.)
        if (report.DatabaseName == "PostgreSQL" && !TestDatabaseExtensions.EfTakesMigrationLock)
        {
            Assert.Empty(report.Notes);
            return;
        }

        var note = Assert.Single(report.Notes);
        Assert.StartsWith(dropOrderTotal + ": only a column default differs after Down", note);
    }
}
