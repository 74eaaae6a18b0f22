using System.Threading.Tasks;
using MigrationAnalyzers.Tests.Verifiers;
using VerifyCS = MigrationAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<MigrationAnalyzers.Rules.DownDefinitionMismatchRule, MigrationAnalyzers.CodeFixes.Rules.DownDefinitionMismatchCodeFix>;

namespace MigrationAnalyzers.Tests.CodeFixes;

public class DownDefinitionMismatchCodeFixTests
{
    public const string Source = """
        using Microsoft.EntityFrameworkCore.Migrations;

        namespace App.Migrations
        {
            [Migration("20240102000000_OptionalTitle")]
            public partial class OptionalTitle : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.AlterColumn<string>(
                        name: "Title",
                        table: "Blogs",
                        type: "TEXT",
                        maxLength: 100,
                        nullable: true,
                        oldClrType: typeof(string),
                        oldType: "TEXT",
                        oldMaxLength: 100);

                    migrationBuilder.AddColumn<int>(
                        name: "Rating",
                        table: "Blogs",
                        type: "INTEGER",
                        nullable: true);
                }

                protected override void Down(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.DropColumn(
                        name: "Rating",
                        table: "Blogs");

                    {|#0:migrationBuilder.AlterColumn<string>(
                        name: "Title",
                        table: "Blogs",
                        type: "TEXT",
                        maxLength: 100,
                        nullable: true,
                        oldClrType: typeof(string),
                        oldType: "TEXT",
                        oldMaxLength: 100,
                        oldNullable: true)|}; // back to how it was
                }
            }
        }
        """;

    public const string FixedSource = """
        using Microsoft.EntityFrameworkCore.Migrations;

        namespace App.Migrations
        {
            [Migration("20240102000000_OptionalTitle")]
            public partial class OptionalTitle : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.AlterColumn<string>(
                        name: "Title",
                        table: "Blogs",
                        type: "TEXT",
                        maxLength: 100,
                        nullable: true,
                        oldClrType: typeof(string),
                        oldType: "TEXT",
                        oldMaxLength: 100);

                    migrationBuilder.AddColumn<int>(
                        name: "Rating",
                        table: "Blogs",
                        type: "INTEGER",
                        nullable: true);
                }

                protected override void Down(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.DropColumn(
                        name: "Rating",
                        table: "Blogs");

                    migrationBuilder.AlterColumn<string>(
                        name: "Title",
                        table: "Blogs",
                        type: "TEXT",
                        maxLength: 100,
                        nullable: false,
                        defaultValue: "",
                        oldClrType: typeof(string),
                        oldType: "TEXT",
                        oldMaxLength: 100,
                        oldNullable: true); // back to how it was
                }
            }
        }
        """;

    [Theory]
    [InlineData(EfVersion.Ef10)]
    [InlineData(EfVersion.Ef8)]
    public async Task AlterColumnBackToWrongNullability_RewrittenToOldDefinition(EfVersion version)
    {
        await VerifyCS.VerifyCodeFixAsync(Source, FixedSource, version, DbProvider.None, null,
            VerifyCS.Diagnostic("MIG045").WithLocation(0).WithArguments("AlterColumn 'Title' on 'Blogs'", "nullable: true instead of false"));
    }

    [Fact]
    public async Task TwoMismatches_FixAllRestoresBoth()
    {
        const string history = """
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240101000000_CreateBlogs")]
            public partial class CreateBlogs : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.CreateTable(
                        name: "Blogs",
                        columns: table => new
                        {
                            Id = table.Column<int>(type: "INTEGER", nullable: false),
                            Rating = table.Column<int>(type: "INTEGER", nullable: false),
                            Url = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                        },
                        constraints: table => table.PrimaryKey("PK_Blogs", x => x.Id));
                }

                protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable(name: "Blogs");
            }
            """;
        const string source = """
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240102000000_Trim")]
            public partial class Trim : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.DropColumn(name: "Rating", table: "Blogs");
                    migrationBuilder.AlterColumn<string>(name: "Url", table: "Blogs", type: "TEXT", maxLength: 500, nullable: true);
                }

                protected override void Down(MigrationBuilder migrationBuilder)
                {
                    {|#0:migrationBuilder.AlterColumn<string>(name: "Url", table: "Blogs", type: "TEXT", maxLength: 50, nullable: true)|};
                    {|#1:migrationBuilder.AddColumn<long>(name: "Rating", table: "Blogs", type: "bigint", nullable: false, defaultValue: 0L)|};
                }
            }
            """;
        const string fixedSource = """
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240102000000_Trim")]
            public partial class Trim : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.DropColumn(name: "Rating", table: "Blogs");
                    migrationBuilder.AlterColumn<string>(name: "Url", table: "Blogs", type: "TEXT", maxLength: 500, nullable: true);
                }

                protected override void Down(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.AlterColumn<string>(
                        name: "Url",
                        table: "Blogs",
                        type: "TEXT",
                        maxLength: 200,
                        nullable: true,
                        oldClrType: typeof(string),
                        oldType: "TEXT",
                        oldMaxLength: 500,
                        oldNullable: true);
                    migrationBuilder.AddColumn<int>(
                        name: "Rating",
                        table: "Blogs",
                        type: "INTEGER",
                        nullable: false,
                        defaultValue: 0);
                }
            }
            """;
        var test = new VerifyCS.Test();
        test.TestState.Sources.Add(("/0/History.cs", history));
        test.TestState.Sources.Add(("/0/Test0.cs", source));
        test.FixedState.Sources.Add(("/0/History.cs", history));
        test.FixedState.Sources.Add(("/0/Test0.cs", fixedSource));
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("MIG045").WithLocation(0).WithArguments("AlterColumn 'Url' on 'Blogs'", "maxLength: 50 instead of 200"));
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("MIG045").WithLocation(1).WithArguments("AddColumn 'Rating' on 'Blogs'", "type 'bigint' instead of 'INTEGER'"));
        await test.RunAsync();
    }
}
