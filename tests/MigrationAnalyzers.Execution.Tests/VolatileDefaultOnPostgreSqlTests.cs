using System;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage;
using MigrationAnalyzers.Tests.Rules;
using MigrationAnalyzers.Tests.Verifiers;
using Npgsql;

namespace MigrationAnalyzers.Tests.Execution;

/// <summary>The database half of <see cref="VolatileDefaultRuleTests"/>: what its messages state, measured on a real PostgreSQL.</summary>
public class VolatileDefaultOnPostgreSqlTests
{
    /// <summary>
    /// What the message states, measured on a real PostgreSQL (when MIGRATION_ANALYZERS_POSTGRES is
    /// set) with the SQL Npgsql generates: now() keeps the table's file (no rewrite) and gives every
    /// row one value; gen_random_uuid() and clock_timestamp() rewrite it (a new relfilenode).
    /// </summary>
    [PostgresFact]
    public void RealPostgreSql_VolatileRewritesStableDoesNot()
    {
        using var database = new PostgresExecutionDatabase();
        using var context = ProviderSql.Context(DbProvider.PostgreSql, database.ConnectionString);
        context.Database.ExecuteSqlRaw("""
            CREATE TABLE "Posts" ("Id" serial PRIMARY KEY);
            INSERT INTO "Posts" SELECT FROM generate_series(1, 500);
            """);
        long FileNode() => context.Database.SqlQueryRaw<long>("SELECT pg_relation_filenode('\"Posts\"')::bigint AS \"Value\"").ToList().Single();
        void Apply(string type, string sql)
        {
            var migration = ProviderSql.Instantiate(VolatileDefaultRuleTests.AddColumn(type, sql).Replace("{|#0:", string.Empty).Replace(")|};", ");").Replace("\"Value\"", "\"V" + Math.Abs(sql.GetHashCode()) + "\""), DbProvider.PostgreSql, context);
            var commands = context.GetService<IMigrationsSqlGenerator>().Generate(migration.UpOperations, model: null);
            context.GetService<IMigrationCommandExecutor>().ExecuteNonQuery(commands, context.GetService<IRelationalConnection>());
        }

        var before = FileNode();
        Apply("System.DateTime", "now()");
        Assert.Equal(before, FileNode());

        Apply("System.Guid", "gen_random_uuid()");
        var afterUuid = FileNode();
        Assert.NotEqual(before, afterUuid);

        Apply("System.DateTime", "clock_timestamp()");
        Assert.NotEqual(afterUuid, FileNode());
    }
}
