using System;
using System.Threading.Tasks;
using MigrationAnalyzers.Tests.Rules;
using MigrationAnalyzers.Tests.Verifiers;
using Npgsql;

namespace MigrationAnalyzers.Tests.Execution;

/// <summary>The database half of <see cref="SafetySwitchedOffRuleTests"/>: what its messages state, measured on a real PostgreSQL.</summary>
public class SafetySwitchedOffOnPostgreSqlTests
{
    /// <summary>What the message says, on a real PostgreSQL: with replica role, a row that breaks a foreign key gets in and stays.</summary>
    [PostgresFact]
    public void RealPostgreSql_ReplicaRoleLetsBrokenRowsIn()
    {
        using var database = new PostgresExecutionDatabase();
        database.Execute("""CREATE TABLE "Customers" ("Id" int PRIMARY KEY); CREATE TABLE "Orders" ("Id" int PRIMARY KEY, "CustomerId" int NOT NULL REFERENCES "Customers");""");
        Assert.ThrowsAny<PostgresException>(() => database.Execute("""INSERT INTO "Orders" VALUES (1, 42);"""));

        database.Execute("""SET session_replication_role = replica; INSERT INTO "Orders" VALUES (1, 42); SET session_replication_role = origin;""");
        Assert.Equal(1L, database.Query("""SELECT count(*) FROM "Orders" o WHERE NOT EXISTS (SELECT 1 FROM "Customers" c WHERE c."Id" = o."CustomerId")""")[0][0]);
    }
}
