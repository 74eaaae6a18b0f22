using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using MigrationAnalyzers.Tests.Verifiers;
using VerifyCS = MigrationAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<MigrationAnalyzers.Rules.PlaceholderDefaultRule>;

namespace MigrationAnalyzers.Tests.Rules;

public class PlaceholderDefaultRuleTests
{
    private static string Migration(string up) => MigrationSources.WithUp(up);

    [Theory]
    [InlineData("int", "0", "0")]
    [InlineData("string", "\"\"", "''")]
    [InlineData("bool", "false", "false")]
    [InlineData("decimal", "0m", "0")]
    [InlineData("double", "0.0", "0")]
    [InlineData("long", "0L", "0")]
    [InlineData("DateTime", "new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified)", "0001-01-01 00:00:00")]
    [InlineData("DateTime", "DateTime.MinValue", "0001-01-01 00:00:00")]
    [InlineData("Guid", "Guid.Empty", "00000000-0000-0000-0000-000000000000")]
    [InlineData("Guid", "new Guid(\"00000000-0000-0000-0000-000000000000\")", "00000000-0000-0000-0000-000000000000")]
    [InlineData("DateTimeOffset", "new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0))", "0001-01-01 00:00:00+00:00")]
    [InlineData("TimeSpan", "TimeSpan.Zero", "00:00:00")]
    [InlineData("TimeSpan", "new TimeSpan(0, 0, 0, 0, 0)", "00:00:00")]
    [InlineData("DateOnly", "new DateOnly(1, 1, 1)", "0001-01-01")]
    [InlineData("TimeOnly", "new TimeOnly(0, 0, 0)", "00:00:00")]
    [InlineData("byte[]", "new byte[0]", "(empty bytes)")]
    public async Task AddColumnWithPlaceholder_ReportsInfo(string type, string value, string shown)
    {
        var source = Migration($$"""
                    {|#0:migrationBuilder.AddColumn<{{type}}>(
                        name: "Value",
                        table: "Items",
                        nullable: false,
                        defaultValue: {{value}})|};
            """);
        await VerifyCS.VerifyAnalyzerAsync(source, EfVersion.Ef10, DbProvider.None, null,
            new DiagnosticResult("MIG021", DiagnosticSeverity.Info).WithLocation(0).WithSeverity(DiagnosticSeverity.Info)
                .WithArguments("AddColumn", "Items", "EF's placeholder default " + shown, "Value", ""));
    }

    [Theory]
    [InlineData(EfVersion.Ef10)]
    [InlineData(EfVersion.Ef8)]
    public async Task EfScaffoldedRequiredForeignKey_ReportsWarning(EfVersion version)
    {
        // What EF scaffolds when a required relationship is added to an existing table.
        var source = Migration("""
                    {|#0:migrationBuilder.AddColumn<int>(
                        name: "AuthorId",
                        table: "Posts",
                        type: "integer",
                        nullable: false,
                        defaultValue: 0)|};

                    migrationBuilder.CreateIndex(
                        name: "IX_Posts_AuthorId",
                        table: "Posts",
                        column: "AuthorId");

                    migrationBuilder.AddForeignKey(
                        name: "FK_Posts_Authors_AuthorId",
                        table: "Posts",
                        column: "AuthorId",
                        principalTable: "Authors",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
            """);
        await VerifyCS.VerifyAnalyzerAsync(source, version, DbProvider.None, null,
            new DiagnosticResult("MIG021", DiagnosticSeverity.Info).WithLocation(0).WithSeverity(DiagnosticSeverity.Warning)
                .WithArguments("AddColumn", "Posts", "EF's placeholder default 0", "AuthorId", ", a foreign key column: the sentinel references no principal row (the key fails) or the wrong one"));
    }

    /// <summary>MySQL (here recognised from its annotations) fills existing rows with the type's implicit default: the sentinel case, Info.</summary>
    [Theory]
    [InlineData(EfVersion.Ef10)]
    [InlineData(EfVersion.Ef8)]
    public async Task MySqlNotNullAddWithoutDefault_ReportsImplicitDefault(EfVersion version)
    {
        const string shown = "MySQL's implicit default for the column's type (0, '', the first ENUM value…)";
        await VerifyCS.VerifyAnalyzerAsync(new[] { NotNullColumnWithoutDefaultRuleTests.MySqlHistory, NotNullColumnWithoutDefaultRuleTests.MySqlAdd("int", "int") }, version, DbProvider.None, null,
            new DiagnosticResult("MIG021", DiagnosticSeverity.Info).WithLocation(0).WithSeverity(DiagnosticSeverity.Info)
                .WithArguments("AddColumn", "Blogs", shown, "Code", ""));
        await VerifyCS.VerifyAnalyzerAsync(new[] { NotNullColumnWithoutDefaultRuleTests.MySqlHistory, NotNullColumnWithoutDefaultRuleTests.MySqlAdd("longtext", "string") }, version, DbProvider.None, TestSetup.Options(("provider", "mysql")),
            new DiagnosticResult("MIG021", DiagnosticSeverity.Info).WithLocation(0).WithSeverity(DiagnosticSeverity.Info)
                .WithArguments("AddColumn", "Blogs", shown, "Code", ""));
    }

    [Theory]
    [InlineData(EfVersion.Ef10)]
    [InlineData(EfVersion.Ef8)]
    public async Task NotNullAddWithoutDefaultElsewhereOrMySqlDate_NoDiagnostic(EfVersion version)
    {
        // Not MySQL: the ADD fails (MIG020's case); a MySQL date: the zero date is rejected, the ADD fails too.
        var noMySql = NotNullColumnWithoutDefaultRuleTests.MySqlHistory.Replace("MySql:CharSet", "Relational:Collation");
        await VerifyCS.VerifyAnalyzerAsync(new[] { noMySql, NotNullColumnWithoutDefaultRuleTests.MySqlAdd("int", "int") }, version, DbProvider.None, null);
        await VerifyCS.VerifyAnalyzerAsync(new[] { NotNullColumnWithoutDefaultRuleTests.MySqlHistory, NotNullColumnWithoutDefaultRuleTests.MySqlAdd("datetime(6)", "System.DateTime") }, version, DbProvider.None, null);
    }

    [Theory]
    [InlineData(EfVersion.Ef10)]
    [InlineData(EfVersion.Ef8)]
    public async Task AlterColumnToNotNullWithPlaceholder_ReportsInfo(EfVersion version)
    {
        // EF's scaffolding when a property becomes required.
        var source = Migration("""
                    {|#0:migrationBuilder.AlterColumn<string>(
                        name: "Title",
                        table: "Blogs",
                        type: "text",
                        nullable: false,
                        defaultValue: "",
                        oldClrType: typeof(string),
                        oldType: "text",
                        oldNullable: true)|};
            """);
        await VerifyCS.VerifyAnalyzerAsync(source, version, DbProvider.None, null,
            new DiagnosticResult("MIG021", DiagnosticSeverity.Info).WithLocation(0).WithSeverity(DiagnosticSeverity.Info)
                .WithArguments("AlterColumn to NOT NULL", "Blogs", "EF's placeholder default ''", "Title", ""));
    }

    [Theory]
    [InlineData("none", null)]
    [InlineData("error", DiagnosticSeverity.Error)]
    public async Task ConfiguredSeverity_RulesBothCases(string configured, DiagnosticSeverity? expected)
    {
        // Both descriptors share the id: dotnet_diagnostic.MIG021.severity rules both (none silences both, error raises both).
        var source = Migration("""
                    {|#1:migrationBuilder.AddColumn<int>(name: "Rating", table: "Posts", nullable: false, defaultValue: 0)|};
                    {|#0:migrationBuilder.AddColumn<int>(name: "AuthorId", table: "Posts", nullable: false, defaultValue: 0)|};
                    migrationBuilder.AddForeignKey(name: "FK_Posts_Authors_AuthorId", table: "Posts", column: "AuthorId", principalTable: "Authors", principalColumn: "Id");
            """);
        var results = expected is { } severity
            ? new[]
            {
                new DiagnosticResult("MIG021", DiagnosticSeverity.Info).WithLocation(1).WithSeverity(severity).WithArguments("AddColumn", "Posts", "EF's placeholder default 0", "Rating", ""),
                // The Warning descriptor configured as error is a warning-as-error, which the testing library reports as Warning.
                new DiagnosticResult("MIG021", DiagnosticSeverity.Info).WithLocation(0).WithSeverity(DiagnosticSeverity.Warning).WithArguments("AddColumn", "Posts", "EF's placeholder default 0", "AuthorId", ", a foreign key column: the sentinel references no principal row (the key fails) or the wrong one"),
            }
            : System.Array.Empty<DiagnosticResult>();
        if (expected is null)
        {
            source = source.Replace("{|#0:", string.Empty).Replace("{|#1:", string.Empty).Replace(")|};", ");");
        }

        await VerifyCS.VerifyAnalyzerAsync(source, EfVersion.Ef10, DbProvider.None, "dotnet_diagnostic.MIG021.severity = " + configured, results);
    }

    [Fact]
    public async Task AlterColumnOfExistingForeignKey_ReportsWarning()
    {
        const string create = """
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240101000000_Init")]
            public class Init : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.CreateTable(
                        name: "Posts",
                        columns: table => new
                        {
                            Id = table.Column<int>(nullable: false),
                            BlogId = table.Column<int>(nullable: true),
                        },
                        constraints: table =>
                        {
                            table.PrimaryKey("PK_Posts", x => x.Id);
                            table.ForeignKey("FK_Posts_Blogs_BlogId", x => x.BlogId, "Blogs", "Id");
                        });
                }
            }
            """;
        const string alter = """
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240201000000_BlogRequired")]
            public class BlogRequired : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    {|#0:migrationBuilder.AlterColumn<int>(
                        name: "BlogId",
                        table: "Posts",
                        nullable: false,
                        defaultValue: 0,
                        oldClrType: typeof(int),
                        oldNullable: true)|};
                }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(new[] { create, alter }, EfVersion.Ef10, DbProvider.None, null,
            new DiagnosticResult("MIG021", DiagnosticSeverity.Info).WithLocation(0).WithSeverity(DiagnosticSeverity.Warning)
                .WithArguments("AlterColumn to NOT NULL", "Posts", "EF's placeholder default 0", "BlogId", ", a foreign key column: the sentinel references no principal row (the key fails) or the wrong one"));
    }

    [Theory]
    [InlineData(EfVersion.Ef10)]
    [InlineData(EfVersion.Ef8)]
    public async Task RealDefaultsNullableAndNewTable_NoDiagnostic(EfVersion version)
    {
        var source = Migration("""
                    migrationBuilder.AddColumn<int>(name: "Rating", table: "Blogs", nullable: false, defaultValue: 3);
                    migrationBuilder.AddColumn<string>(name: "State", table: "Blogs", nullable: false, defaultValue: "draft");
                    migrationBuilder.AddColumn<bool>(name: "Visible", table: "Blogs", nullable: false, defaultValue: true);
                    migrationBuilder.AddColumn<DateTime>(name: "Since", table: "Blogs", nullable: false, defaultValue: new DateTime(2024, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified));
                    migrationBuilder.AddColumn<int>(name: "Score", table: "Blogs", nullable: true, defaultValue: 0);
                    migrationBuilder.AddColumn<int>(name: "Votes", table: "Blogs", nullable: false);
                    migrationBuilder.AlterColumn<int>(name: "Views", table: "Blogs", nullable: false, defaultValue: 0, oldClrType: typeof(int));
                    migrationBuilder.CreateTable(
                        name: "Tags",
                        columns: table => new { Id = table.Column<int>(nullable: false) },
                        constraints: table => table.PrimaryKey("PK_Tags", x => x.Id));
                    migrationBuilder.AddColumn<int>(name: "Weight", table: "Tags", nullable: false, defaultValue: 0);
            """);
        await VerifyCS.VerifyAnalyzerAsync(source, version, DbProvider.None, null);
    }

    [Fact]
    public async Task AlterColumnAfterBackfill_NoDiagnostic()
    {
        // The shape the MIG020/MIG021 fix produces: the AlterColumn's default never reaches a row.
        var source = Migration("""
                    migrationBuilder.AddColumn<int>(name: "Rating", table: "Blogs", nullable: true);
                    migrationBuilder.Sql("UPDATE \"Blogs\" SET \"Rating\" = 0 WHERE \"Rating\" IS NULL");
                    migrationBuilder.AlterColumn<int>(name: "Rating", table: "Blogs", nullable: false, defaultValue: 0, oldClrType: typeof(int), oldNullable: true);
            """);
        await VerifyCS.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task NonConstantDefaultAndBrokenCode_NoDiagnostic()
    {
        var source = Migration("""
                    migrationBuilder.AddColumn<int>(name: "Rating", table: "Blogs", nullable: false, defaultValue: Environment.TickCount);
                    migrationBuilder.AddColumn<DateTime>(name: "Since", table: "Blogs", nullable: false, defaultValue: new DateTime(0, 0, 0));
                    migrationBuilder.AddColumn<int>(name: "Score", nullable: false, defaultValue: 0)
            """);
        var test = new VerifyCS.Test { TestCode = source, CompilerDiagnostics = CompilerDiagnostics.None };
        await test.RunAsync();
    }
}
