using System.Threading.Tasks;
using MigrationAnalyzers.Tests.Verifiers;
using VerifyCS = MigrationAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<MigrationAnalyzers.Rules.DropIndexLockRule>;

namespace MigrationAnalyzers.Tests.Rules;

public class DropIndexLockRuleTests
{
    private const string DropOnExisting = """
        using Microsoft.EntityFrameworkCore.Migrations;

        [Migration("20240301000000_DropTitleIndex")]
        public class DropTitleIndex : Migration
        {
            protected override void Up(MigrationBuilder migrationBuilder)
            {
                {|#0:migrationBuilder.DropIndex(
                    name: "IX_Posts_Title",
                    schema: "blog",
                    table: "Posts")|};
            }

            protected override void Down(MigrationBuilder migrationBuilder)
            {
                migrationBuilder.CreateIndex(
                    name: "IX_Posts_Title",
                    schema: "blog",
                    table: "Posts",
                    column: "Title");
            }
        }
        """;

    [Theory]
    [InlineData(EfVersion.Ef10)]
    [InlineData(EfVersion.Ef8)]
    public async Task PostgreSqlDropIndexOnExistingTable_Reports(EfVersion version)
    {
        await VerifyCS.VerifyAnalyzerAsync(DropOnExisting, version, DbProvider.PostgreSql, null,
            VerifyCS.Diagnostic("MIG062").WithLocation(0).WithArguments("IX_Posts_Title", "blog.Posts"));
    }

    [Theory]
    [InlineData(EfVersion.Ef10, DbProvider.SqlServer)]
    [InlineData(EfVersion.Ef8, DbProvider.Sqlite)]
    [InlineData(EfVersion.Ef10, DbProvider.None)]
    public async Task OtherOrUnknownProvider_NoDiagnostic(EfVersion version, DbProvider provider)
    {
        await VerifyCS.VerifyAnalyzerAsync(DropOnExisting.Replace("{|#0:", string.Empty).Replace(")|};", ");"), version, provider, null);
    }

    [Fact]
    public async Task DropIndexWithoutTableFoundInHistory_Reports()
    {
        const string initial = """
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240101000000_Initial")]
            public class Initial : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.CreateTable(
                        name: "Posts",
                        columns: table => new { Id = table.Column<int>(nullable: false), Title = table.Column<string>(nullable: false) },
                        constraints: table => table.PrimaryKey("PK_Posts", x => x.Id));
                    migrationBuilder.CreateIndex(name: "IX_Posts_Title", table: "Posts", column: "Title");
                }
            }
            """;
        const string drop = """
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240301000000_DropTitleIndex")]
            public class DropTitleIndex : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    {|#0:migrationBuilder.DropIndex("IX_Posts_Title")|};
                }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(new[] { initial, drop }, EfVersion.Ef10, DbProvider.PostgreSql, null,
            VerifyCS.Diagnostic("MIG062").WithLocation(0).WithArguments("IX_Posts_Title", "Posts"));
    }

    [Theory]
    [InlineData(EfVersion.Ef10)]
    [InlineData(EfVersion.Ef8)]
    public async Task TableCreatedInSameUpOrAfterBaseline_NoDiagnostic(EfVersion version)
    {
        const string source = """
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240301000000_Tags")]
            public class Tags : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.CreateTable(
                        name: "Tags",
                        columns: table => new { Id = table.Column<int>(nullable: false), Name = table.Column<string>(nullable: false) },
                        constraints: table => table.PrimaryKey("PK_Tags", x => x.Id));
                    migrationBuilder.CreateIndex(name: "IX_Tags_Name", table: "Tags", column: "Name");
                    migrationBuilder.DropIndex(name: "IX_Tags_Name", table: "Tags");
                }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source, version, DbProvider.PostgreSql, null);
    }

    [Fact]
    public async Task NonConstantName_NoDiagnostic()
    {
        const string source = """
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240301000000_DropDynamic")]
            public class DropDynamic : Migration
            {
                private readonly string _name = System.Environment.GetEnvironmentVariable("I") ?? "IX";

                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.DropIndex(name: _name, table: "Posts");
                }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source, EfVersion.Ef10, DbProvider.PostgreSql, null);
    }

    [Fact]
    public async Task BrokenCode_NoCrash()
    {
        const string source = """
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240301000000_Broken")]
            public class Broken : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.DropIndex(table: "Posts"
                }
            }
            """;
        var test = new VerifyCS.Test(EfVersion.Ef10, DbProvider.PostgreSql) { TestCode = source, CompilerDiagnostics = Microsoft.CodeAnalysis.Testing.CompilerDiagnostics.None };
        await test.RunAsync();
    }
}
