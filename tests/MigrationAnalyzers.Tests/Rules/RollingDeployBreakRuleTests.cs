using System.Threading.Tasks;
using MigrationAnalyzers.Tests.Verifiers;
using VerifyCS = MigrationAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<MigrationAnalyzers.Rules.RollingDeployBreakRule>;

namespace MigrationAnalyzers.Tests.Rules;

public class RollingDeployBreakRuleTests
{
    private const string Source = """
        using Microsoft.EntityFrameworkCore.Migrations;

        [Migration("20240301000000_Reshape")]
        public class Reshape : Migration
        {
            protected override void Up(MigrationBuilder migrationBuilder)
            {
                {|#0:migrationBuilder.RenameColumn(
                    name: "Title",
                    table: "Posts",
                    newName: "Headline")|};

                {|#1:migrationBuilder.DropColumn(
                    name: "Legacy",
                    schema: "blog",
                    table: "Posts")|};

                {|#2:migrationBuilder.RenameTable(
                    name: "Tags",
                    newName: "Labels")|};

                migrationBuilder.AddColumn<int>(name: "Tmp", table: "Posts", nullable: true);
                migrationBuilder.DropColumn(name: "Tmp", table: "Posts");
            }
        }
        """;

    [Theory]
    [InlineData(EfVersion.Ef10, DbProvider.None)]
    [InlineData(EfVersion.Ef8, DbProvider.PostgreSql)]
    [InlineData(EfVersion.Ef10, DbProvider.SqlServer)]
    public async Task RollingDeploy_Reports(EfVersion version, DbProvider provider)
    {
        await VerifyCS.VerifyAnalyzerAsync(Source, version, provider, TestSetup.Options(("deploy", "rolling")),
            VerifyCS.Diagnostic("MIG066").WithLocation(0).WithArguments("RenameColumn", "Posts", "Posts.Title"),
            VerifyCS.Diagnostic("MIG066").WithLocation(1).WithArguments("DropColumn", "blog.Posts", "blog.Posts.Legacy"),
            VerifyCS.Diagnostic("MIG066").WithLocation(2).WithArguments("RenameTable", "Tags", "Tags"));
    }

    [Theory]
    [InlineData(EfVersion.Ef10, null)]
    [InlineData(EfVersion.Ef8, "downtime")]
    [InlineData(EfVersion.Ef10, "blue-green")]
    public async Task DowntimeOrUnsetDeploy_NoDiagnostic(EfVersion version, string? deploy)
    {
        var source = Source.Replace("{|#0:", string.Empty).Replace("{|#1:", string.Empty).Replace("{|#2:", string.Empty).Replace(")|};", ");");
        await VerifyCS.VerifyAnalyzerAsync(source, version, DbProvider.None, deploy is null ? null : TestSetup.Options(("deploy", deploy)));
    }

    [Fact]
    public async Task TableCreatedInSameUpOrAfterBaseline_NoDiagnostic()
    {
        const string create = """
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240301000000_Tags")]
            public class Tags : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.CreateTable(
                        name: "Tags",
                        columns: table => new { Id = table.Column<int>(nullable: false), Name = table.Column<string>(nullable: true) },
                        constraints: table => table.PrimaryKey("PK_Tags", x => x.Id));
                    migrationBuilder.RenameColumn(name: "Name", table: "Tags", newName: "Label");
                }
            }
            """;
        const string rename = """
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240302000000_RenameTags")]
            public class RenameTags : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.RenameTable(name: "Tags", newName: "Labels");
                }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(new[] { create, rename }, EfVersion.Ef10, DbProvider.None,
            TestSetup.Options(("deploy", "rolling"), ("baseline", "20240101000000_Initial")));
    }

    [Fact]
    public async Task NonConstantNameOrBrokenCode_NoDiagnostic()
    {
        const string source = """
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240301000000_Reshape")]
            public class Reshape : Migration
            {
                private static readonly string Column = System.Environment.GetEnvironmentVariable("C") ?? "Title";

                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.DropColumn(name: Column, table: "Posts");
                    migrationBuilder.RenameColumn(name: "A", table: , newName: "B");
                }
            }
            """;
        var test = new VerifyCS.Test(EfVersion.Ef10, DbProvider.None, TestSetup.Options(("deploy", "rolling"))) { TestCode = source, CompilerDiagnostics = Microsoft.CodeAnalysis.Testing.CompilerDiagnostics.None };
        await test.RunAsync();
    }
}
