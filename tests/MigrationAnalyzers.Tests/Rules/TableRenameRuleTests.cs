using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using MigrationAnalyzers.Tests.Verifiers;
using VerifyCS = MigrationAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<MigrationAnalyzers.Rules.TableRenameRule>;
using VerifyDropTable = MigrationAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<MigrationAnalyzers.Rules.DropTableRule>;

namespace MigrationAnalyzers.Tests.Rules;

public class TableRenameRuleTests
{
    /// <summary>What EF scaffolds when an entity's table changes and the differ does not see a rename.</summary>
    internal const string DropAndCreate = """
        using Microsoft.EntityFrameworkCore.Migrations;

        #nullable disable

        [Migration("20240201000000_RenamePosts")]
        public partial class RenamePosts : Migration
        {
            protected override void Up(MigrationBuilder migrationBuilder)
            {
                {|#0:migrationBuilder.DropTable(
                    name: "Posts")|};

                migrationBuilder.CreateTable(
                    name: "Articles",
                    columns: table => new
                    {
                        Id = table.Column<int>(type: "INTEGER", nullable: false)
                            .Annotation("Sqlite:Autoincrement", true),
                        Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                        Views = table.Column<int>(type: "INTEGER", nullable: false)
                    },
                    constraints: table =>
                    {
                        table.PrimaryKey("PK_Articles", x => x.Id);
                    });

                migrationBuilder.CreateIndex(
                    name: "IX_Articles_Title",
                    table: "Articles",
                    column: "Title");
            }

            protected override void Down(MigrationBuilder migrationBuilder)
            {
                migrationBuilder.DropTable(
                    name: "Articles");

                migrationBuilder.CreateTable(
                    name: "Posts",
                    columns: table => new
                    {
                        Id = table.Column<int>(type: "INTEGER", nullable: false)
                            .Annotation("Sqlite:Autoincrement", true),
                        Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                        Views = table.Column<int>(type: "INTEGER", nullable: false)
                    },
                    constraints: table =>
                    {
                        table.PrimaryKey("PK_Posts", x => x.Id);
                    });

                migrationBuilder.CreateIndex(
                    name: "IX_Posts_Title",
                    table: "Posts",
                    column: "Title");
            }
        }
        """;

    [Theory]
    [InlineData(EfVersion.Ef10)]
    [InlineData(EfVersion.Ef8)]
    public async Task DropAndCreateWithSameColumns_Reports(EfVersion version)
    {
        await VerifyCS.VerifyAnalyzerAsync(DropAndCreate, version, DbProvider.None, null,
            VerifyCS.Diagnostic("MIG004").WithLocation(0).WithArguments("Posts", "Articles"));
    }

    [Theory]
    [InlineData(EfVersion.Ef10)]
    [InlineData(EfVersion.Ef8)]
    public async Task DropTableThatIsRename_Mig001Silent(EfVersion version)
    {
        var source = DropAndCreate.Replace("{|#0:", string.Empty).Replace(")|};", ");");
        await VerifyDropTable.VerifyAnalyzerAsync(source, version, DbProvider.None, null);
    }

    [Theory]
    [InlineData(EfVersion.Ef10)]
    [InlineData(EfVersion.Ef8)]
    public async Task DefinitionFromHistoryWithSchema_Reports(EfVersion version)
    {
        const string create = """
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240101000000_Create")]
            public class Create : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.CreateTable(
                        name: "Posts",
                        schema: "blog",
                        columns: table => new
                        {
                            Id = table.Column<int>(nullable: false),
                            Body = table.Column<string>(nullable: true),
                        },
                        constraints: table => table.PrimaryKey("PK_Posts", x => x.Id));
                }
            }
            """;
        const string source = """
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240201000000_Rename")]
            public class Rename : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.CreateTable(
                        name: "Entries",
                        schema: "blog",
                        columns: table => new
                        {
                            Id = table.Column<int>(nullable: false),
                            Body = table.Column<string>(nullable: true),
                        },
                        constraints: table => table.PrimaryKey("PK_Entries", x => x.Id));
                    {|#0:migrationBuilder.DropTable(name: "Posts", schema: "blog")|};
                }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(new[] { create, source }, version, DbProvider.None, null,
            VerifyCS.Diagnostic("MIG004").WithLocation(0).WithArguments("blog.Posts", "blog.Entries"));
    }

    [Theory]
    [InlineData(EfVersion.Ef10)]
    [InlineData(EfVersion.Ef8)]
    public async Task ColumnsFromPreviousTargetModel_Reports(EfVersion version)
    {
        const string source = """
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240201000000_RenamePeople")]
            public class RenamePeople : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    {|#0:migrationBuilder.DropTable(name: "People")|};
                    migrationBuilder.CreateTable(
                        name: "Persons",
                        columns: table => new
                        {
                            Id = table.Column<int>(type: "INTEGER", nullable: false),
                            Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                            Visits = table.Column<int>(type: "INTEGER", nullable: false),
                        });
                }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(new[] { ColumnRenameRuleTests.SqlCreatedPeopleWithTargetModel, source }, version, DbProvider.None, null,
            VerifyCS.Diagnostic("MIG004").WithLocation(0).WithArguments("People", "Persons"));
    }

    [Theory]
    [InlineData(EfVersion.Ef10)]
    [InlineData(EfVersion.Ef8)]
    public async Task EfRenameTableScaffolding_NoDiagnostic(EfVersion version)
    {
        const string source = """
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240201000000_RenamePosts")]
            public partial class RenamePosts : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.DropPrimaryKey(
                        name: "PK_Posts",
                        table: "Posts");

                    migrationBuilder.RenameTable(
                        name: "Posts",
                        newName: "Articles");

                    migrationBuilder.RenameIndex(
                        name: "IX_Posts_Title",
                        table: "Articles",
                        newName: "IX_Articles_Title");

                    migrationBuilder.AddPrimaryKey(
                        name: "PK_Articles",
                        table: "Articles",
                        column: "Id");
                }

                protected override void Down(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.DropPrimaryKey(
                        name: "PK_Articles",
                        table: "Articles");

                    migrationBuilder.RenameTable(
                        name: "Articles",
                        newName: "Posts");

                    migrationBuilder.RenameIndex(
                        name: "IX_Articles_Title",
                        table: "Posts",
                        newName: "IX_Posts_Title");

                    migrationBuilder.AddPrimaryKey(
                        name: "PK_Posts",
                        table: "Posts",
                        column: "Id");
                }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source, version, DbProvider.None, null);
    }

    [Theory]
    [InlineData(EfVersion.Ef10)]
    [InlineData(EfVersion.Ef8)]
    public async Task DifferentColumnsOrIncompatibleTypes_NoDiagnostic(EfVersion version)
    {
        // Articles has an extra column; in the other, Views became a string: neither is Posts renamed.
        var source = DropAndCreate.Replace("{|#0:", string.Empty).Replace(")|};", ");");
        var downAt = source.IndexOf("protected override void Down", System.StringComparison.Ordinal);
        var up = source.Substring(0, downAt);
        var down = source.Substring(downAt);
        var extraColumn = up.Replace("Views = table.Column<int>(type: \"INTEGER\", nullable: false)", "Views = table.Column<int>(type: \"INTEGER\", nullable: false),\n Slug = table.Column<string>(nullable: true)") + down;
        var otherType = up.Replace("Views = table.Column<int>(type: \"INTEGER\", nullable: false)", "Views = table.Column<string>(type: \"TEXT\", nullable: false)") + down;
        Assert.Contains("Slug", extraColumn);
        Assert.Contains("Views = table.Column<string>", otherType);
        await VerifyCS.VerifyAnalyzerAsync(extraColumn, version, DbProvider.None, null);
        await VerifyCS.VerifyAnalyzerAsync(otherType, version, DbProvider.None, null);
    }

    [Fact]
    public async Task SameNameRecreatedOrUnknownOldTable_NoDiagnostic()
    {
        // Drop + re-create under the same name is a rebuild, not a rename; Logs's old shape is unknown.
        const string source = """
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240201000000_Rebuild")]
            public class Rebuild : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.DropTable(name: "Logs");
                    migrationBuilder.CreateTable(
                        name: "AuditLogs",
                        columns: table => new { Id = table.Column<int>(nullable: false) });
                }

                protected override void Down(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.DropTable(name: "AuditLogs");
                }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task NonConstantNameAndCopyBySql_NoDiagnostic()
    {
        const string source = """
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240201000000_Copy")]
            public class Copy : Migration
            {
                private readonly string _table = System.Environment.GetEnvironmentVariable("T") ?? "Entries";

                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.CreateTable(name: "Entries", columns: table => new { Id = table.Column<int>(nullable: false) });
                    migrationBuilder.Sql("INSERT INTO Entries (Id) SELECT Id FROM Posts");
                    migrationBuilder.DropTable(name: "Posts");
                    migrationBuilder.CreateTable(name: _table, columns: table => new { Id = table.Column<int>(nullable: false) });
                    migrationBuilder.DropTable(name: "Drafts");
                }

                protected override void Down(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.CreateTable(name: "Posts", columns: table => new { Id = table.Column<int>(nullable: false) });
                    migrationBuilder.CreateTable(name: "Drafts", columns: table => new { Id = table.Column<int>(nullable: false) });
                }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task BrokenCode_NoCrash()
    {
        const string source = """
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240201000000_Broken")]
            public class Broken : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.DropTable();
                    migrationBuilder.CreateTable(name: "Articles", columns: table => new { Id = table.Column<int>(nullable: false) )
                }
            }
            """;
        var test = new VerifyCS.Test { TestCode = source, CompilerDiagnostics = CompilerDiagnostics.None };
        await test.RunAsync();
    }
}
