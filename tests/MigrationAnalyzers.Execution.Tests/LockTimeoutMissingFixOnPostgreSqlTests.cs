using System;
using System.Threading.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using MigrationAnalyzers.Tests.CodeFixes;
using MigrationAnalyzers.Tests.Rules;
using MigrationAnalyzers.Tests.Verifiers;
using Npgsql;

namespace MigrationAnalyzers.Tests.Execution;

/// <summary>The database half of <see cref="LockTimeoutMissingCodeFixTests"/>: what its messages state, measured on a real PostgreSQL.</summary>
public class LockTimeoutMissingFixOnPostgreSqlTests
{
    /// <summary>
    /// The fixed migration on a real PostgreSQL: while another transaction reads "Posts" (the unfixed ALTER
    /// just waits there), it gives up with
    /// lock_not_available (55P03) instead of queuing every later query behind it; once the reader is done it applies.
    /// </summary>
    [PostgresFact]
    public void RealPostgreSql_FixedMigrationFailsFastUnderLockThenApplies()
    {
        using var database = new PostgresExecutionDatabase();
        database.Execute("""CREATE TABLE "Posts" ("Id" int PRIMARY KEY); INSERT INTO "Posts" VALUES (1), (2);""");
        var fixedMigration = FixedMigrationRun.Unmarked(LockTimeoutMissingCodeFixTests.FixedSource).Replace("'5s'", "'1s'", StringComparison.Ordinal);
        var assembly = MigrationAssemblyCompiler.Compile(fixedMigration);

        using (var reader = new NpgsqlConnection(database.ConnectionString))
        {
            reader.Open();
            using var transaction = reader.BeginTransaction();
            using (var select = new NpgsqlCommand("""SELECT count(*) FROM "Posts";""", reader, transaction))
            {
                select.ExecuteScalar();
            }

            // Unfixed, Npgsql's ALTER for the AddColumn just waits (here until the client gives up after 2 s).
            using (var unfixed = new NpgsqlConnection(database.ConnectionString))
            {
                unfixed.Open();
                using var alter = new NpgsqlCommand("""ALTER TABLE "Posts" ADD "Slug" text;""", unfixed) { CommandTimeout = 2 };
                var waited = Assert.ThrowsAny<NpgsqlException>(() => alter.ExecuteNonQuery());
                Assert.IsType<TimeoutException>(waited.InnerException);
            }

            var started = DateTime.UtcNow;
            var error = Assert.ThrowsAny<Exception>(() => database.Migrate(assembly));
            var postgres = Assert.IsType<PostgresException>(error is PostgresException ? error : error.InnerException ?? error);
            Assert.Equal("55P03", postgres.SqlState);
            Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(30));
        }

        database.Migrate(assembly);
        Assert.Equal(2L, database.Query("""SELECT count(*) FROM "Posts" WHERE "Slug" IS NULL""")[0][0]);
    }
}
