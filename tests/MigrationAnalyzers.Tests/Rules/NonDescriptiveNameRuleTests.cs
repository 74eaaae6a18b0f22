using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using MigrationAnalyzers.Tests.Verifiers;
using VerifyCS = MigrationAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<MigrationAnalyzers.Rules.NonDescriptiveNameRule>;

namespace MigrationAnalyzers.Tests.Rules;

public class NonDescriptiveNameRuleTests
{
    private const string AddColumn = """
                migrationBuilder.AddColumn<string>(
                    name: "Email",
                    table: "Users",
                    type: "nvarchar(max)",
                    nullable: true);
        """;

    private static string Migration(string id, string className, string up) => $$"""
        using Microsoft.EntityFrameworkCore.Migrations;

        [MigrationAttribute("{{id}}")]
        public class {|#0:{{className}}|} : Microsoft.EntityFrameworkCore.Migrations.Migration
        {
            protected override void Up(MigrationBuilder migrationBuilder)
            {
        {{up}}
            }

            protected override void Down(MigrationBuilder migrationBuilder)
            {
            }
        }
        """;

    private static DiagnosticResult Expected(string name, string proposal) =>
        VerifyCS.Diagnostic("MIG082").WithLocation(0).WithArguments(name, $"re-create it as '{proposal}'");

    [Theory]
    [InlineData("Migration1")]
    [InlineData("Migration")]
    [InlineData("Update")]
    [InlineData("Update2")]
    [InlineData("Changes")]
    [InlineData("Test")]
    [InlineData("Fix")]
    [InlineData("Temp")]
    [InlineData("Wip")]
    [InlineData("New")]
    [InlineData("_20240101")]
    [InlineData("V2")]
    [InlineData("DbUpdate_3")]
    [InlineData("SchemaChanges")]
    [InlineData("Migration_20240101")]
    [InlineData("M1")]
    public async Task VagueName_ReportsWithProposal(string name)
    {
        var source = Migration("20240101000000_" + name, name, AddColumn);
        await VerifyCS.VerifyAnalyzerAsync(source, Expected(name, "AddEmailToUsers"));
    }

    [Theory]
    [InlineData("Initial")]
    [InlineData("InitialCreate")]
    [InlineData("AddEmailToUsers")]
    [InlineData("UpdateUserEmails")]
    [InlineData("FixOrderTotals")]
    [InlineData("TestTablesForReports")]
    public async Task DescriptiveName_NoDiagnostic(string name)
    {
        var source = Migration("20240101000000_" + name, name, AddColumn).Replace("{|#0:", string.Empty).Replace("|} :", " :");
        await VerifyCS.VerifyAnalyzerAsync(source);
    }

    [Theory]
    [InlineData(EfVersion.Ef10)]
    [InlineData(EfVersion.Ef8)]
    public async Task CreateTableWithIndex_ProposesAddTable(EfVersion version)
    {
        var source = Migration("20240101000000_Changes", "Changes", """
                    migrationBuilder.CreateTable(
                        name: "Posts",
                        columns: table => new
                        {
                            Id = table.Column<int>(type: "int", nullable: false),
                            BlogId = table.Column<int>(type: "int", nullable: false),
                        },
                        constraints: table =>
                        {
                            table.PrimaryKey("PK_Posts", x => x.Id);
                        });

                    migrationBuilder.CreateIndex(
                        name: "IX_Posts_BlogId",
                        table: "Posts",
                        column: "BlogId");
            """);
        await VerifyCS.VerifyAnalyzerAsync(source, version, DbProvider.None, null, Expected("Changes", "AddPostsTable"));
    }

    [Theory]
    [InlineData("""migrationBuilder.AlterColumn<string>(name: "Title", table: "Posts", maxLength: 200, nullable: false, oldClrType: typeof(string));""", "ModifyTitleInPosts")]
    [InlineData("""migrationBuilder.CreateIndex(name: "IX_Posts_BlogId", table: "Posts", column: "BlogId");""", "CreateIndexOnPostsBlogId")]
    [InlineData("""migrationBuilder.DropColumn(name: "Notes", table: "posts");""", "RemoveNotesFromPosts")]
    [InlineData("""migrationBuilder.AddColumn<int>(name: "A", table: "T", nullable: true); migrationBuilder.AddColumn<int>(name: "B", table: "T", nullable: true);""", "AddAAndBToT")]
    [InlineData("""migrationBuilder.AddColumn<int>(name: "A", table: "T", nullable: true); migrationBuilder.DropColumn(name: "B", table: "T");""", "UpdateTSchema")]
    [InlineData("""migrationBuilder.AddColumn<int>(name: "rating", table: "blog_posts", nullable: true); migrationBuilder.DropTable(name: "Legacy");""", "AddRatingToBlogPostsAndRemoveLegacyTable")]
    public async Task Operations_ProposeConventionalName(string up, string proposal)
    {
        var source = Migration("20240101000000_Update2", "Update2", "        " + up);
        await VerifyCS.VerifyAnalyzerAsync(source, Expected("Update2", proposal));
    }

    [Fact]
    public async Task NoNameableOperation_ReportsWithoutProposal()
    {
        var source = Migration("20240101000000_Fix", "Fix", """        migrationBuilder.Sql("UPDATE t SET a = 1");""");
        await VerifyCS.VerifyAnalyzerAsync(source,
            VerifyCS.Diagnostic("MIG082").WithLocation(0).WithArguments("Fix", "re-create it with a name that describes its operations"));
    }

    [Fact]
    public async Task VagueIdBehindDescriptiveClassName_Reports()
    {
        var source = Migration("20240101000000_Migration3", "AddEmailToUsers", AddColumn);
        await VerifyCS.VerifyAnalyzerAsync(source, Expected("Migration3", "AddEmailToUsers"));
    }

    [Fact]
    public async Task BaselinedMigration_NoDiagnostic()
    {
        var source = Migration("20240101000000_Update", "Update", AddColumn).Replace("{|#0:", string.Empty).Replace("|} :", " :");
        await VerifyCS.VerifyAnalyzerAsync(source, EfVersion.Ef10, DbProvider.None, TestSetup.Options(("baseline", "20240101000000_Update")));
    }

    [Fact]
    public async Task NonConstantTableName_ProposesNothingFromIt()
    {
        var source = Migration("20240101000000_Temp", "Temp", """
                    migrationBuilder.AddColumn<int>(name: "A", table: System.Environment.MachineName, nullable: true);
            """);
        await VerifyCS.VerifyAnalyzerAsync(source,
            VerifyCS.Diagnostic("MIG082").WithLocation(0).WithArguments("Temp", "re-create it with a name that describes its operations"));
    }

    [Fact]
    public async Task BrokenCode_NoCrash()
    {
        var source = Migration("20240101000000_Test", "Test", """
                    migrationBuilder.{|CS7036:AddColumn<int>|}(table: "T");
            """);
        await VerifyCS.VerifyAnalyzerAsync(source,
            VerifyCS.Diagnostic("MIG082").WithLocation(0).WithArguments("Test", "re-create it with a name that describes its operations"));
    }
}
