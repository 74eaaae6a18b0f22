using System.Threading.Tasks;
using MigrationAnalyzers.Tests.Verifiers;
using VerifyCS = MigrationAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<MigrationAnalyzers.Rules.DropTableRule>;

namespace MigrationAnalyzers.Tests.Rules;

public class DropTableRuleTests
{
    [Theory]
    [InlineData(EfVersion.Ef10)]
    [InlineData(EfVersion.Ef8)]
    public async Task DropTableInUp_Reports(EfVersion version)
    {
        const string source = """
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240101000000_DropPosts")]
            public class DropPosts : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    {|#0:migrationBuilder.DropTable(
                        name: "Posts")|};
                }

                protected override void Down(MigrationBuilder migrationBuilder)
                {
                }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source, version, DbProvider.None, null, VerifyCS.Diagnostic("MIG001").WithLocation(0).WithArguments("Posts"));
    }

    [Fact]
    public async Task DropTableInDown_NoDiagnostic()
    {
        const string source = """
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240101000000_AddPosts")]
            public class AddPosts : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.CreateTable(
                        name: "Posts",
                        columns: table => new
                        {
                            Id = table.Column<int>(type: "INTEGER", nullable: false)
                                .Annotation("Sqlite:Autoincrement", true),
                        },
                        constraints: table =>
                        {
                            table.PrimaryKey("PK_Posts", x => x.Id);
                        });
                }

                protected override void Down(MigrationBuilder mb) => mb.DropTable(name: "Posts");
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source);
    }

    [Theory]
    [InlineData(EfVersion.Ef10)]
    [InlineData(EfVersion.Ef8)]
    public async Task NameTheModelCannotRead_ReportsAsWritten(EfVersion version)
    {
        // SPEC §3: a drop the model cannot name (a field, a loop over names) still deletes a table (G20).
        const string source = """
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240101000000_DropDynamic")]
            public class DropDynamic : Migration
            {
                private readonly string _table = System.Environment.GetEnvironmentVariable("T") ?? "x";

                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    {|#0:migrationBuilder.DropTable(name: _table)|};
                    foreach (var name in new[] { "Logs2019", "Logs2020" })
                    {
                        {|#1:migrationBuilder.DropTable(name: name, schema: "archive")|};
                    }
                }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source, version, DbProvider.None, null,
            VerifyCS.Diagnostic("MIG001").WithLocation(0).WithArguments("_table"),
            VerifyCS.Diagnostic("MIG001").WithLocation(1).WithArguments("archive.name"));
    }

    [Theory]
    [InlineData(EfVersion.Ef10, """INSERT INTO "BlogPosts" ("Id", "Title") SELECT "Id", "Title" FROM "Posts";""")]
    [InlineData(EfVersion.Ef8, """INSERT INTO "BlogPosts" ("Id", "Title") SELECT "Id", "Title" FROM "Posts";""")]
    [InlineData(EfVersion.Ef10, "INSERT INTO dbo.BlogPosts (Id, Title) SELECT p.Id, p.Title FROM dbo.Posts AS p JOIN dbo.Blogs b ON b.Id = p.BlogId")]
    [InlineData(EfVersion.Ef10, "SELECT * INTO BlogPosts FROM Posts")]
    [InlineData(EfVersion.Ef10, "CREATE TABLE BlogPosts AS SELECT * FROM Posts")]
    [InlineData(EfVersion.Ef10, "MERGE INTO BlogPosts t USING Posts s ON t.Id = s.Id WHEN NOT MATCHED THEN INSERT (Id) VALUES (s.Id);")]
    public async Task RowsCopiedEarlierInUp_NoDiagnostic(EfVersion version, string sql)
    {
        var source = $$"""
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240101000000_MovePosts")]
            public class MovePosts : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.Sql(@"{{sql.Replace("\"", "\"\"")}}");
                    migrationBuilder.DropTable(name: "Posts");
                }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source, version, DbProvider.None, null);
    }

    [Theory]
    [InlineData("INSERT INTO \"Posts\" (\"Title\") SELECT \"Title\" FROM \"Drafts\"")]
    [InlineData("INSERT INTO \"Audit\" (\"Text\") VALUES ('dropping Posts')")]
    [InlineData("SELECT COUNT(*) FROM \"Posts\"")]
    [InlineData("DELETE FROM \"Posts\"")]
    public async Task SqlThatDoesNotCopyTheRows_Reports(string sql)
    {
        var source = $$"""
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240101000000_MovePosts")]
            public class MovePosts : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.Sql(@"{{sql.Replace("\"", "\"\"")}}");
                    {|#0:migrationBuilder.DropTable(name: "Posts")|};
                    migrationBuilder.Sql("INSERT INTO \"Archive\" SELECT * FROM \"Comments\"");
                    {|#1:migrationBuilder.DropTable(name: "Tags")|};
                }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source, EfVersion.Ef10, DbProvider.None, null,
            VerifyCS.Diagnostic("MIG001").WithLocation(0).WithArguments("Posts"),
            VerifyCS.Diagnostic("MIG001").WithLocation(1).WithArguments("Tags"));
    }

    [Fact]
    public async Task PositionalArgumentsAndSchema_ReportsQualifiedName()
    {
        const string source = """
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240101000000_DropAudit")]
            public class DropAudit : Migration
            {
                private const string Schema = "audit";

                protected override void Up(MigrationBuilder b)
                {
                    {|#0:b.DropTable("Events", Schema)|};
                }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source, VerifyCS.Diagnostic("MIG001").WithLocation(0).WithArguments("audit.Events"));
    }
}
