using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace MigrationAnalyzers.Verification.Tests.Scenarios.HalfApplied;

/// <summary>A context with one migration whose second statement fails after a schema change (MIG087's case).</summary>
public sealed class HalfAppliedContext(DbContextOptions<HalfAppliedContext> options) : DbContext(options);

/// <summary>Creates a table, then runs a statement that fails: the migration as a whole cannot apply.</summary>
[DbContext(typeof(HalfAppliedContext))]
[Migration("20240101000000_AuditsThenFailure")]
public sealed class AuditsThenFailure : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "Audits",
            columns: table => new { Id = table.Column<int>(nullable: false) },
            constraints: table => table.PrimaryKey("PK_Audits", x => x.Id));

        // A data step that fails on every provider: the table it reads does not exist.
        migrationBuilder.Sql("INSERT INTO Audits (Id) SELECT Id FROM NoSuchTable;");
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable(name: "Audits");
}
