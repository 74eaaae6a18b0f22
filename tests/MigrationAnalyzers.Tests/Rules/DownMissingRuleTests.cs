using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using MigrationAnalyzers.Tests.Verifiers;
using VerifyCS = MigrationAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<MigrationAnalyzers.Rules.DownMissingRule>;

namespace MigrationAnalyzers.Tests.Rules;

public class DownMissingRuleTests
{
    private const string SchemaAdvice =
        "and leaves the schema of Up in place; override Down with the inverse of every Up operation in reverse order, or throw NotSupportedException in it to state that the migration is irreversible";

    [Theory]
    [InlineData(EfVersion.Ef10)]
    [InlineData(EfVersion.Ef8)]
    public async Task DownNotOverridden_ReportsOnClassIdentifier(EfVersion version)
    {
        const string source = """
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240101000000_AddRating")]
            public class {|#0:AddRating|} : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.AddColumn<int>(
                        name: "Rating",
                        table: "Blogs",
                        nullable: true);
                }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source, version, DbProvider.None, null, VerifyCS.Diagnostic("MIG040").WithLocation(0).WithArguments("AddRating", SchemaAdvice));
    }

    [Theory]
    [InlineData(EfVersion.Ef10)]
    [InlineData(EfVersion.Ef8)]
    public async Task DataOnlyUp_SaysTheFixIsAnEmptyDown(EfVersion version)
    {
        const string source = """
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240101000000_FixRatings")]
            public class {|#0:FixRatings|} : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.UpdateData(table: "Blogs", keyColumn: "Id", keyValue: 1, column: "Rating", value: 5);
                    migrationBuilder.Sql("INSERT INTO \"Tags\" (\"Name\") VALUES ('ef'); DELETE FROM \"Tags\" WHERE \"Name\" IS NULL;");
                }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source, version, DbProvider.None, null,
            VerifyCS.Diagnostic("MIG040").WithLocation(0).WithArguments("FixRatings", "although Up only changes data, which needs no inverse; override Down with an empty body"));
    }

    [Theory]
    [InlineData(EfVersion.Ef10)]
    [InlineData(EfVersion.Ef8)]
    public async Task DataAndSchemaUp_SaysTheSchemaStays(EfVersion version)
    {
        const string source = """
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240101000000_FixRatings")]
            public class {|#0:FixRatings|} : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.UpdateData(table: "Blogs", keyColumn: "Id", keyValue: 1, column: "Rating", value: 5);
                    migrationBuilder.Sql("CREATE INDEX \"IX_Blogs_Rating\" ON \"Blogs\" (\"Rating\")");
                }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source, version, DbProvider.None, null,
            VerifyCS.Diagnostic("MIG040").WithLocation(0).WithArguments("FixRatings", SchemaAdvice));
    }

    [Theory]
    [InlineData(EfVersion.Ef10)]
    [InlineData(EfVersion.Ef8)]
    public async Task DownOverridden_NoDiagnostic(EfVersion version)
    {
        const string source = """
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240101000000_AddRating")]
            public class AddRating : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.AddColumn<int>(name: "Rating", table: "Blogs", nullable: true);
                }

                protected override void Down(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.DropColumn(name: "Rating", table: "Blogs");
                }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source, version, DbProvider.None, null);
    }

    [Fact]
    public async Task DownInCustomBaseClass_NoDiagnostic()
    {
        const string source = """
            using System;
            using Microsoft.EntityFrameworkCore.Migrations;

            public abstract class IrreversibleMigration : Migration
            {
                protected override void Down(MigrationBuilder migrationBuilder) => throw new NotSupportedException("Irreversible.");
            }

            [Migration("20240101000000_Purge")]
            public class Purge : IrreversibleMigration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.DropColumn(name: "Legacy", table: "Blogs");
                }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task BrokenUp_NoCrash()
    {
        const string source = """
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240101000000_Broken")]
            public class Broken : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.AddColumn<int>(name: , table: "Blogs");
                }
            }
            """;
        var test = new VerifyCS.Test { TestCode = source, CompilerDiagnostics = CompilerDiagnostics.None };
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("MIG040").WithSpan(4, 14, 4, 20).WithArguments("Broken", SchemaAdvice));
        await test.RunAsync();
    }
}
