using System;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage;
using MigrationAnalyzers.Tests.Rules;
using MigrationAnalyzers.Tests.Verifiers;

namespace MigrationAnalyzers.Tests.Execution;

/// <summary>The database half of <see cref="IdentityChangeRuleTests"/>: what its messages state, measured on a real PostgreSQL.</summary>
public class IdentityChangeOnPostgreSqlTests
{
    /// <summary>On a real PostgreSQL: after Npgsql's identity is added to a table with rows, the next insert collides.</summary>
    [PostgresFact]
    public void RealPostgreSql_IdentityAddedToTableWithRows_NextInsertCollides()
    {
        using var database = new PostgresExecutionDatabase();
        using var context = ProviderSql.Context(DbProvider.PostgreSql, database.ConnectionString);
        database.Execute("""CREATE TABLE "Posts" ("Id" integer NOT NULL PRIMARY KEY); INSERT INTO "Posts" VALUES (1), (2), (3);""");
        var migration = ProviderSql.Instantiate(IdentityChangeRuleTests.Silent(IdentityChangeRuleTests.Alter("integer", ".Annotation(\"Npgsql:ValueGenerationStrategy\", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn)")), DbProvider.PostgreSql, context);
        var commands = context.GetService<IMigrationsSqlGenerator>().Generate(migration.UpOperations, model: null);
        context.GetService<IMigrationCommandExecutor>().ExecuteNonQuery(commands, context.GetService<IRelationalConnection>());

        var error = Assert.ThrowsAny<Exception>(() => database.Execute("""INSERT INTO "Posts" DEFAULT VALUES"""));
        Assert.Contains("duplicate key", error.Message, StringComparison.Ordinal);
    }
}
