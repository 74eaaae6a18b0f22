using System.Threading.Tasks;
using MigrationAnalyzers.Tests.Verifiers;
using VerifyCS = MigrationAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<MigrationAnalyzers.Rules.AlterColumnToNotNullRule, MigrationAnalyzers.CodeFixes.Rules.AlterColumnToNotNullCodeFix>;

namespace MigrationAnalyzers.Tests.CodeFixes;

public class AlterColumnToNotNullCodeFixTests
{
    /// <summary>Two columns made NOT NULL (Fix All runs on both); executed by NotNullBackfillExecutionTests.</summary>
    internal const string Before = """
        using Microsoft.EntityFrameworkCore;
        using Microsoft.EntityFrameworkCore.Migrations;

        [Migration("20240201000000_TitleAndViewsRequired")]
        public class TitleAndViewsRequired : Migration
        {
            protected override void Up(MigrationBuilder migrationBuilder)
            {
                {|#0:migrationBuilder.AlterColumn<string>(
                    name: "Title",
                    table: "Blogs",
                    nullable: false,
                    oldClrType: typeof(string),
                    oldNullable: true)|};

                // Views were optional until now.
                {|#1:migrationBuilder.AlterColumn<int>(
                    name: "Views",
                    table: "Blogs",
                    nullable: false,
                    oldClrType: typeof(int),
                    oldNullable: true)|};
            }

            protected override void Down(MigrationBuilder migrationBuilder)
            {
                migrationBuilder.AlterColumn<int>(
                    name: "Views",
                    table: "Blogs",
                    nullable: true,
                    oldClrType: typeof(int));

                migrationBuilder.AlterColumn<string>(
                    name: "Title",
                    table: "Blogs",
                    nullable: true,
                    oldClrType: typeof(string));
            }

            protected override void BuildTargetModel(ModelBuilder modelBuilder)
            {
                modelBuilder.Entity("Blog", b =>
                {
                    b.Property<int>("Id");
                    b.Property<string>("Title").IsRequired();
                    b.Property<int>("Views");
                    b.HasKey("Id");
                    b.ToTable("Blogs");
                });
            }
        }
        """;

    internal const string After = """
        using Microsoft.EntityFrameworkCore;
        using Microsoft.EntityFrameworkCore.Migrations;

        [Migration("20240201000000_TitleAndViewsRequired")]
        public class TitleAndViewsRequired : Migration
        {
            protected override void Up(MigrationBuilder migrationBuilder)
            {
                // Existing rows get '' in Title.
                migrationBuilder.Sql(
                    sql: "UPDATE \"Blogs\" SET \"Title\" = '' WHERE \"Title\" IS NULL");

                migrationBuilder.AlterColumn<string>(
                    name: "Title",
                    table: "Blogs",
                    nullable: false,
                    oldClrType: typeof(string),
                    oldNullable: true);

                // Views were optional until now.
                // Existing rows get 0 in Views.
                migrationBuilder.Sql(
                    sql: "UPDATE \"Blogs\" SET \"Views\" = 0 WHERE \"Views\" IS NULL");

                migrationBuilder.AlterColumn<int>(
                    name: "Views",
                    table: "Blogs",
                    nullable: false,
                    oldClrType: typeof(int),
                    oldNullable: true);
            }

            protected override void Down(MigrationBuilder migrationBuilder)
            {
                migrationBuilder.AlterColumn<int>(
                    name: "Views",
                    table: "Blogs",
                    nullable: true,
                    oldClrType: typeof(int));

                migrationBuilder.AlterColumn<string>(
                    name: "Title",
                    table: "Blogs",
                    nullable: true,
                    oldClrType: typeof(string));
            }

            protected override void BuildTargetModel(ModelBuilder modelBuilder)
            {
                modelBuilder.Entity("Blog", b =>
                {
                    b.Property<int>("Id");
                    b.Property<string>("Title").IsRequired();
                    b.Property<int>("Views");
                    b.HasKey("Id");
                    b.ToTable("Blogs");
                });
            }
        }
        """;

    [Theory]
    [InlineData(EfVersion.Ef10, DbProvider.Sqlite)]
    [InlineData(EfVersion.Ef10, DbProvider.PostgreSql)]
    [InlineData(EfVersion.Ef8, DbProvider.Sqlite)]
    public async Task TwoAlters_BackfillInsertedAndFixAll(EfVersion version, DbProvider provider)
    {
        await VerifyCS.VerifyCodeFixAsync(Before, After, version, provider, null,
            VerifyCS.Diagnostic("MIG022").WithLocation(0).WithArguments("Blogs", "Title"),
            VerifyCS.Diagnostic("MIG022").WithLocation(1).WithArguments("Blogs", "Views"));
    }

    [Fact]
    public async Task SqlServerSchemaAndMySqlDefault_UsesTheDefaultValue()
    {
        const string before = """
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240201000000_StateRequired")]
            public class StateRequired : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    {|#0:migrationBuilder.AlterColumn<bool>(
                        name: "Active",
                        schema: "crm",
                        table: "Customers",
                        nullable: false,
                        defaultValue: true,
                        oldClrType: typeof(bool),
                        oldNullable: true)|};
                }
            }
            """;
        const string after = """
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240201000000_StateRequired")]
            public class StateRequired : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    // Existing rows get 1 in Active.
                    migrationBuilder.Sql(
                        sql: "UPDATE `crm`.`Customers` SET `Active` = 1 WHERE `Active` IS NULL");

                    migrationBuilder.AlterColumn<bool>(
                        name: "Active",
                        schema: "crm",
                        table: "Customers",
                        nullable: false,
                        defaultValue: true,
                        oldClrType: typeof(bool),
                        oldNullable: true);
                }
            }
            """;

        // MySQL: the default is not trusted to backfill (unverified generator), so MIG022 reports; the fix uses it.
        await VerifyCS.VerifyCodeFixAsync(before, after, EfVersion.Ef10, DbProvider.None, TestSetup.Options(("provider", "mysql")),
            VerifyCS.Diagnostic("MIG022").WithLocation(0).WithArguments("crm.Customers", "Active"));
    }
}
