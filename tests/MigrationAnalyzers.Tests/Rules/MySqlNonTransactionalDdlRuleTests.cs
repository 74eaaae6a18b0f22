using System.Threading.Tasks;
using MigrationAnalyzers.Tests.Verifiers;
using VerifyCS = MigrationAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<MigrationAnalyzers.Rules.MySqlNonTransactionalDdlRule>;

namespace MigrationAnalyzers.Tests.Rules;

public class MySqlNonTransactionalDdlRuleTests
{
    private static readonly string MySql = TestSetup.Options(("provider", "mysql"));

    private static string Migration(string up, bool expected = true) => $$"""
        using Microsoft.EntityFrameworkCore.Migrations;

        [Migration("20240201000000_PostSlugs")]
        public class {{(expected ? "{|#0:PostSlugs|}" : "PostSlugs")}} : Migration
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

    /// <summary>One CREATE TABLE statement: its primary and foreign keys are written inside it, not as statements of their own.</summary>
    private const string CreateTagsWithKeys = """
                migrationBuilder.CreateTable(
                    name: "Tags",
                    columns: table => new
                    {
                        Id = table.Column<int>(type: "int", nullable: false),
                        PostId = table.Column<int>(type: "int", nullable: false)
                    },
                    constraints: table =>
                    {
                        table.PrimaryKey("PK_Tags", x => x.Id);
                        table.ForeignKey("FK_Tags_Posts_PostId", x => x.PostId, "Posts", "Id");
                        table.UniqueConstraint("AK_Tags_PostId", x => x.PostId);
                    });
        """;

    private const string AddSlug = """        migrationBuilder.AddColumn<string>(name: "Slug", table: "Posts", type: "varchar(200)", nullable: true);""";
    private const string IndexSlug = """        migrationBuilder.CreateIndex(name: "IX_Posts_Slug", table: "Posts", column: "Slug", unique: true);""";
    private const string Backfill = """        migrationBuilder.Sql("UPDATE Posts SET Slug = LOWER(Title);");""";

    [Theory]
    [InlineData(EfVersion.Ef10)]
    [InlineData(EfVersion.Ef8)]
    public async Task SchemaAndDataChanges_Reports(EfVersion version)
    {
        await VerifyCS.VerifyAnalyzerAsync(Migration(AddSlug + "\n" + Backfill + "\n" + IndexSlug), version, DbProvider.None, MySql,
            VerifyCS.Diagnostic("MIG087").WithLocation(0).WithArguments("PostSlugs", 2, "s", " and 1 data change"));
    }

    [Theory]
    [InlineData(EfVersion.Ef10)]
    [InlineData(EfVersion.Ef8)]
    public async Task OneSchemaChangeWithSeedData_Reports(EfVersion version)
    {
        var up = AddSlug + "\n" + """        migrationBuilder.UpdateData(table: "Posts", keyColumn: "Id", keyValue: 1, column: "Slug", value: "hello");""";
        await VerifyCS.VerifyAnalyzerAsync(Migration(up), version, DbProvider.None, MySql,
            VerifyCS.Diagnostic("MIG087").WithLocation(0).WithArguments("PostSlugs", 1, string.Empty, " and 1 data change"));
    }

    [Fact]
    public async Task SchemaChangesInOneSql_Reports()
    {
        var up = """        migrationBuilder.Sql("ALTER TABLE Posts ADD Slug varchar(200) NULL; CREATE UNIQUE INDEX IX_Posts_Slug ON Posts (Slug);");""";
        await VerifyCS.VerifyAnalyzerAsync(Migration(up), EfVersion.Ef10, DbProvider.None, MySql,
            VerifyCS.Diagnostic("MIG087").WithLocation(0).WithArguments("PostSlugs", 2, "s", string.Empty));
    }

    [Theory]
    [InlineData(EfVersion.Ef10, AddSlug)]
    [InlineData(EfVersion.Ef8, Backfill + "\n" + """        migrationBuilder.InsertData(table: "Tags", columns: new[] { "Id", "Name" }, values: new object[] { 1, "news" });""")]
    [InlineData(EfVersion.Ef10, """        migrationBuilder.AlterDatabase().Annotation("MySql:CharSet", "utf8mb4");""" + "\n" + AddSlug)]
    [InlineData(EfVersion.Ef10, AddSlug + "\n" + """        migrationBuilder.Sql(GetScript());""")]
    [InlineData(EfVersion.Ef10, CreateTagsWithKeys)]
    [InlineData(EfVersion.Ef8, CreateTagsWithKeys)]
    public async Task OneSchemaChangeOrOnlyData_NoDiagnostic(EfVersion version, string up)
    {
        var source = Migration(up, expected: false).Replace("    protected override void Down", "    private static string GetScript() => \"\";\n\n    protected override void Down");
        await VerifyCS.VerifyAnalyzerAsync(source, version, DbProvider.None, MySql);
    }

    [Theory]
    [InlineData(EfVersion.Ef10, DbProvider.SqlServer)]
    [InlineData(EfVersion.Ef8, DbProvider.PostgreSql)]
    [InlineData(EfVersion.Ef10, DbProvider.None)]
    public async Task OtherProviders_NoDiagnostic(EfVersion version, DbProvider provider)
    {
        await VerifyCS.VerifyAnalyzerAsync(Migration(AddSlug + "\n" + Backfill + "\n" + IndexSlug, expected: false), version, provider, null);
    }
}
