using System;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage;
using MigrationAnalyzers.Tests.CodeFixes;
using MigrationAnalyzers.Tests.Rules;
using MigrationAnalyzers.Tests.Verifiers;
using Npgsql;

namespace MigrationAnalyzers.Tests.Execution;

/// <summary>The database half of <see cref="BlockingIndexBuildCodeFixTests"/>: what its messages state, measured on a real PostgreSQL.</summary>
public class BlockingIndexBuildFixOnPostgreSqlTests
{
    /// <summary>
    /// Runs the fixed migration on a real PostgreSQL (a throw-away database) through EF's own
    /// migration command executor, the path <c>Database.Migrate()</c> takes: the table holds rows,
    /// the AddColumn runs in the transaction, the concurrent builds run outside it, and both
    /// indexes end up valid.
    /// </summary>
    [PostgresFact]
    public void FixedMigration_RunsOnRealPostgreSql()
    {
        using var database = new PostgresExecutionDatabase();
        using var context = ProviderSql.Context(DbProvider.PostgreSql, database.ConnectionString);
        context.Database.ExecuteSqlRaw("""
            CREATE TABLE "Posts" ("Id" serial PRIMARY KEY, "Title" text NOT NULL);
            INSERT INTO "Posts" ("Title") SELECT 'post ' || g FROM generate_series(1, 1000) g;
            """);

        // Why the suppression matters: inside a transaction block PostgreSQL refuses CONCURRENTLY.
        using (context.Database.BeginTransaction())
        {
            var refused = Assert.Throws<PostgresException>(() => context.Database.ExecuteSqlRaw("CREATE INDEX CONCURRENTLY \"IX_Tx\" ON \"Posts\" (\"Id\")"));
            Assert.Equal(PostgresErrorCodes.ActiveSqlTransaction, refused.SqlState);
        }

        var migration = ProviderSql.Instantiate(BlockingIndexBuildCodeFixTests.After.Replace("{{annotation}}", BlockingIndexBuildCodeFixTests.Concurrently), DbProvider.PostgreSql, context);
        var commands = context.GetService<IMigrationsSqlGenerator>().Generate(migration.UpOperations, model: null);
        context.GetService<IMigrationCommandExecutor>().ExecuteNonQuery(commands, context.GetService<IRelationalConnection>());

        var valid = context.Database.SqlQueryRaw<int>("""
            SELECT count(*)::int AS "Value" FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
            WHERE c.relname IN ('IX_Posts_Title', 'IX_Posts_Slug') AND i.indisvalid
            """).ToList().Single();
        Assert.Equal(2, valid);
        Assert.Equal(1000, context.Database.SqlQueryRaw<int>("SELECT count(*)::int AS \"Value\" FROM \"Posts\"").ToList().Single());
    }

    /// <summary>
    /// The fixed Sql calls on a real PostgreSQL through EF's migration command executor (the path of
    /// <c>Database.Migrate()</c>): the unfixed statement is refused with CONCURRENTLY inside the transaction,
    /// the fixed ones run outside it and leave valid indexes, the rows stay.
    /// </summary>
    [PostgresFact]
    public void FixedSqlMigration_RunsOnRealPostgreSql()
    {
        using var database = new PostgresExecutionDatabase();
        using var context = ProviderSql.Context(DbProvider.PostgreSql, database.ConnectionString);
        context.Database.ExecuteSqlRaw("""
            CREATE TABLE "Posts" ("Id" serial PRIMARY KEY, "Title" text NOT NULL);
            INSERT INTO "Posts" ("Title") SELECT 'post ' || g FROM generate_series(1, 1000) g;
            """);
        var fixedSource = BlockingIndexBuildCodeFixTests.SqlAfter.Replace("{|#2:", string.Empty).Replace(")|};", ");");
        var migration = ProviderSql.Instantiate(fixedSource, DbProvider.PostgreSql, context);
        var commands = context.GetService<IMigrationsSqlGenerator>().Generate(migration.UpOperations, model: null);
        Assert.Equal(2, commands.Count(c => c.TransactionSuppressed && c.CommandText.Contains("CONCURRENTLY")));
        context.GetService<IMigrationCommandExecutor>().ExecuteNonQuery(commands, context.GetService<IRelationalConnection>());

        var valid = context.Database.SqlQueryRaw<int>("""
            SELECT count(*)::int AS "Value" FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
            WHERE c.relname IN ('IX_Posts_Title', 'IX_Posts_Slug', 'ix_posts_id') AND i.indisvalid
            """).ToList().Single();
        Assert.Equal(3, valid);
        Assert.Equal(1000, context.Database.SqlQueryRaw<int>("SELECT count(*)::int AS \"Value\" FROM \"Posts\"").ToList().Single());

        // Without the fix's suppressTransaction, the CONCURRENTLY statement fails inside the migration's transaction.
        var unsuppressed = ProviderSql.Instantiate(fixedSource.Replace(", suppressTransaction: true", string.Empty).Replace("IX_Posts_Title", "IX_Posts_Title2"), DbProvider.PostgreSql, context);
        var inTransaction = context.GetService<IMigrationsSqlGenerator>().Generate(unsuppressed.UpOperations.Where(o => o is Microsoft.EntityFrameworkCore.Migrations.Operations.SqlOperation { Sql: var sql } && sql.Contains("IX_Posts_Title2")).ToList(), model: null);
        using (context.Database.BeginTransaction())
        {
            var refused = Assert.Throws<PostgresException>(() => context.GetService<IMigrationCommandExecutor>().ExecuteNonQuery(inTransaction, context.GetService<IRelationalConnection>()));
            Assert.Equal(PostgresErrorCodes.ActiveSqlTransaction, refused.SqlState);
        }
    }
}
