using System.Threading.Tasks;
using MigrationAnalyzers.Tests.Rules;
using MigrationAnalyzers.Tests.Verifiers;
using Npgsql;

namespace MigrationAnalyzers.Tests.Execution;

/// <summary>The database half of <see cref="LockingSqlRuleTests"/>: what its messages state, measured on a real PostgreSQL.</summary>
public class LockingSqlOnPostgreSqlTests
{
    /// <summary>The locks the messages name, read from pg_locks inside a transaction on a real server.</summary>
    [PostgresFact]
    public void RealPostgreSql_LockModes()
    {
        using var database = new PostgresExecutionDatabase();
        database.Execute("""CREATE TABLE "Posts" ("Id" int PRIMARY KEY, "BlogId" int); CREATE INDEX "IX_Posts_BlogId" ON "Posts" ("BlogId");""");
        string TableLock(string sql)
        {
            using var transaction = ((NpgsqlConnection)database.Connection).BeginTransaction();
            database.Execute(sql);
            var mode = (string)database.Query("""SELECT string_agg(mode, ',' ORDER BY mode) FROM pg_locks WHERE relation = '"Posts"'::regclass AND pid = pg_backend_pid()""")[0][0]!;
            transaction.Rollback();
            return mode;
        }

        Assert.Equal("AccessExclusiveLock", TableLock("""LOCK TABLE "Posts";"""));
        Assert.Contains("AccessExclusiveLock", TableLock("""CLUSTER "Posts" USING "IX_Posts_BlogId";"""), System.StringComparison.Ordinal);
        Assert.Equal("ShareLock", TableLock("""REINDEX TABLE "Posts";"""));
        Assert.Equal("RowExclusiveLock", TableLock("""LOCK TABLE "Posts" IN ROW EXCLUSIVE MODE;"""));
        var vacuum = Assert.ThrowsAny<PostgresException>(() => TableLock("""VACUUM FULL "Posts";"""));
        Assert.Contains("cannot run inside a transaction block", vacuum.MessageText, System.StringComparison.Ordinal);
    }
}
