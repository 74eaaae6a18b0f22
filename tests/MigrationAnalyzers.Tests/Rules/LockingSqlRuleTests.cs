using System.Threading.Tasks;
using MigrationAnalyzers.Tests.Execution;
using MigrationAnalyzers.Tests.Verifiers;
using Npgsql;
using VerifyCS = MigrationAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<MigrationAnalyzers.Rules.LockingSqlRule>;

namespace MigrationAnalyzers.Tests.Rules;

public class LockingSqlRuleTests
{
    private const string Rewrite = "rewrites the whole table under an ACCESS EXCLUSIVE lock: every read and write of it waits until the rewrite ends; use pg_repack (or plain VACUUM) outside the migration";
    private const string Reindex = "blocks writes to the table, and reads that use the rebuilt indexes, until every index is rebuilt; use REINDEX … CONCURRENTLY (PostgreSQL 12+) with suppressTransaction: true in a migration of its own";

    private static string Lock(string mode, string blocked) =>
        $"takes the {mode} lock that is held until the migration's transaction commits: {blocked} of the table waits for the rest of the migration; drop the LOCK or take a weaker mode";

    private static string Sql(string sql, bool expected = true) => MigrationSources.WithUp(
        "        " + (expected ? "{|#0:" : string.Empty) + "migrationBuilder.Sql(@\"" + sql.Replace("\"", "\"\"") + "\")" + (expected ? "|}" : string.Empty) + ";");

    public static TheoryData<EfVersion, string, string, string> Locking() => new()
    {
        { EfVersion.Ef10, "LOCK TABLE \"Posts\";", "LOCK TABLE \"Posts\"", Lock("ACCESS EXCLUSIVE", "every read and write") },
        { EfVersion.Ef8, "lock \"Posts\" in share mode", "lock \"Posts\" in share mode", Lock("SHARE", "every write") },
        { EfVersion.Ef10, "LOCK TABLE a, b IN EXCLUSIVE MODE NOWAIT;", "LOCK TABLE a, b IN EXCLUSIVE MODE NOWAIT", Lock("EXCLUSIVE", "every write (and SELECT … FOR UPDATE)") },
        { EfVersion.Ef10, "VACUUM FULL \"Posts\";", "VACUUM FULL \"Posts\"", Rewrite },
        { EfVersion.Ef8, "VACUUM (FULL, ANALYZE) \"Posts\";", "VACUUM (FULL, ANALYZE) \"Posts\"", Rewrite },
        { EfVersion.Ef10, "CLUSTER \"Posts\" USING \"IX_Posts_BlogId\";", "CLUSTER \"Posts\" USING \"IX_Posts_BlogId\"", Rewrite },
        { EfVersion.Ef10, "-- keep it fast\nREINDEX INDEX \"IX_Posts_BlogId\";", "REINDEX INDEX \"IX_Posts_BlogId\"", Reindex },
        { EfVersion.Ef8, "UPDATE \"Posts\" SET \"Rank\" = 0; REINDEX TABLE \"Posts\";", "REINDEX TABLE \"Posts\"", Reindex },
        { EfVersion.Ef10, "DO $do$ BEGIN REINDEX TABLE \"Posts\"; END $do$;", "REINDEX TABLE \"Posts\"", Reindex },
    };

    [Theory]
    [MemberData(nameof(Locking))]
    public async Task LockingStatement_Reports(EfVersion version, string sql, string statement, string effect)
    {
        await VerifyCS.VerifyAnalyzerAsync(Sql(sql), version, DbProvider.PostgreSql, null,
            VerifyCS.Diagnostic("MIG067").WithLocation(0).WithArguments(statement, effect));
    }

    [Theory]
    [InlineData(EfVersion.Ef10, "REINDEX TABLE CONCURRENTLY \"Posts\";")]
    [InlineData(EfVersion.Ef8, "REINDEX (VERBOSE) INDEX CONCURRENTLY \"IX_Posts_BlogId\";")]
    [InlineData(EfVersion.Ef10, "VACUUM ANALYZE \"Posts\";")]
    [InlineData(EfVersion.Ef10, "LOCK TABLE \"Posts\" IN ROW EXCLUSIVE MODE;")]
    [InlineData(EfVersion.Ef8, "LOCK TABLE \"Posts\" IN SHARE UPDATE EXCLUSIVE MODE;")]
    [InlineData(EfVersion.Ef10, "-- VACUUM FULL \"Posts\";\nSELECT 'CLUSTER \"Posts\"', \"LOCK\" FROM \"REINDEX\";")]
    [InlineData(EfVersion.Ef10, "CREATE FUNCTION tidy() RETURNS void AS $fn$ BEGIN EXECUTE 'VACUUM FULL'; LOCK TABLE \"Posts\"; END $fn$ LANGUAGE plpgsql;")]
    [InlineData(EfVersion.Ef8, "UPDATE \"Posts\" SET \"Full\" = true WHERE \"Cluster\" = 1;")]
    public async Task NonBlockingOrNotRun_NoDiagnostic(EfVersion version, string sql)
    {
        await VerifyCS.VerifyAnalyzerAsync(Sql(sql, expected: false), version, DbProvider.PostgreSql, null);
    }

    [Theory]
    [InlineData(EfVersion.Ef10, DbProvider.SqlServer)]
    [InlineData(EfVersion.Ef8, DbProvider.Sqlite)]
    [InlineData(EfVersion.Ef10, DbProvider.None)]
    public async Task OtherProviders_NoDiagnostic(EfVersion version, DbProvider provider)
    {
        await VerifyCS.VerifyAnalyzerAsync(Sql("LOCK TABLE Posts; REINDEX TABLE Posts;", expected: false), version, provider, null);
    }

    [Fact]
    public async Task OtherProviderBranch_NoDiagnostic()
    {
        var source = MigrationSources.WithUp("""
                    if (migrationBuilder.ActiveProvider == "Microsoft.EntityFrameworkCore.SqlServer")
                    {
                        migrationBuilder.Sql("REINDEX TABLE Posts");
                    }
            """);
        await VerifyCS.VerifyAnalyzerAsync(source, EfVersion.Ef10, DbProvider.PostgreSql, null);
    }
}
