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

    [Fact]
    public async Task NonConstantTableName_NoDiagnostic()
    {
        const string source = """
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240101000000_DropDynamic")]
            public class DropDynamic : Migration
            {
                private readonly string _table = System.Environment.GetEnvironmentVariable("T") ?? "x";

                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.DropTable(name: _table);
                }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source);
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
