using System.Threading.Tasks;
using MigrationAnalyzers.CodeFixes.Rules;
using MigrationAnalyzers.Rules;
using MigrationAnalyzers.Tests.Execution;

namespace MigrationAnalyzers.Tests.CodeFixes;

/// <summary>
/// The fix base registers an action only when its plan changes something: where the fix cannot
/// write the code, the light bulb offers nothing (the old backfill and MIG005 frames offered an
/// action that changed nothing).
/// </summary>
public class NoOpFixTests
{
    private const string NarrowingWithoutStoreType = """
        using Microsoft.EntityFrameworkCore.Migrations;

        [Migration("20240201000000_Shorter")]
        public class Shorter : Migration
        {
            protected override void Up(MigrationBuilder migrationBuilder)
            {
                migrationBuilder.AlterColumn<string>(name: "Name", table: "Products", maxLength: 20, oldClrType: typeof(string), oldMaxLength: 80);
            }
        }
        """;

    private const string NotNullWithoutWritableDefault = """
        using Microsoft.EntityFrameworkCore.Migrations;

        [Migration("20240201000000_AddHome")]
        public class AddHome : Migration
        {
            protected override void Up(MigrationBuilder migrationBuilder)
            {
                migrationBuilder.AddColumn<System.Uri>(name: "Home", table: "Blogs", type: "text", nullable: false);
            }
        }
        """;

    [Fact]
    public async Task NarrowingWithoutStoreType_NoActionRegistered_WithProviderOne()
    {
        Assert.Empty(await CodeFixRunner.OfferedAsync(NarrowingWithoutStoreType, "none", new NarrowingAlterColumnRule(), new NarrowingAlterColumnCodeFix()));

        // The same diagnostic with a provider to derive the type from: the action is there.
        Assert.Single(await CodeFixRunner.OfferedAsync(NarrowingWithoutStoreType, "postgresql", new NarrowingAlterColumnRule(), new NarrowingAlterColumnCodeFix()));
    }

    [Fact]
    public async Task NotNullWithoutWritableDefault_NoActionRegistered()
    {
        Assert.Empty(await CodeFixRunner.OfferedAsync(NotNullWithoutWritableDefault, "postgresql", new NotNullColumnWithoutDefaultRule(), new NotNullColumnWithoutDefaultCodeFix()));

        // With a CLR default the fix can write, it is offered.
        Assert.Single(await CodeFixRunner.OfferedAsync(NotNullWithoutWritableDefault.Replace("System.Uri", "int").Replace("\"text\"", "\"integer\""), "postgresql", new NotNullColumnWithoutDefaultRule(), new NotNullColumnWithoutDefaultCodeFix()));
    }

    private const string NarrowingInSqlAndAlterColumn = """
        using Microsoft.EntityFrameworkCore.Migrations;

        [Migration("20240101000000_Initial")]
        public class Initial : Migration
        {
            protected override void Up(MigrationBuilder migrationBuilder)
            {
                migrationBuilder.CreateTable(
                    name: "Products",
                    columns: table => new
                    {
                        Id = table.Column<int>(type: "integer", nullable: false),
                        Name = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false),
                        Code = table.Column<string>(type: "character varying(80)", maxLength: 80, nullable: false)
                    });
            }
        }

        [Migration("20240201000000_Shorter")]
        public class Shorter : Migration
        {
            protected override void Up(MigrationBuilder migrationBuilder)
            {
                migrationBuilder.Sql("ALTER TABLE \"Products\" ALTER COLUMN \"Name\" TYPE character varying(20);");
                migrationBuilder.AlterColumn<string>(name: "Code", table: "Products", type: "character varying(20)", maxLength: 20, nullable: false, oldClrType: typeof(string), oldType: "character varying(80)", oldMaxLength: 80);
            }
        }
        """;

    /// <summary>MIG005 in Sql has no fix (the statement is the user's own SQL): only the AlterColumn beside it gets one.</summary>
    [Fact]
    public async Task NarrowingInSql_NoActionRegistered()
    {
        var offered = await CodeFixRunner.OfferedAsync(NarrowingInSqlAndAlterColumn, "postgresql", new NarrowingAlterColumnRule(), new NarrowingAlterColumnCodeFix());
        Assert.StartsWith("Rewrite as expand/contract", Assert.Single(offered), System.StringComparison.Ordinal);
    }
}
