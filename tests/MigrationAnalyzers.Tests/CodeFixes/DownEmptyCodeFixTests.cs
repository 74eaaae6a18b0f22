using System.Threading.Tasks;
using MigrationAnalyzers.Tests.Verifiers;
using VerifyCS = MigrationAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<MigrationAnalyzers.Rules.DownEmptyRule, MigrationAnalyzers.CodeFixes.Rules.DownEmptyCodeFix>;

namespace MigrationAnalyzers.Tests.CodeFixes;

public class DownEmptyCodeFixTests
{
    public const string Source = """
        using Microsoft.EntityFrameworkCore.Migrations;

        namespace App.Migrations
        {
            [Migration("20240102000000_AddTags")]
            public partial class AddTags : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.AlterColumn<string>(
                        name: "Title",
                        table: "Blogs",
                        type: "TEXT",
                        maxLength: 200,
                        nullable: true,
                        oldClrType: typeof(string),
                        oldType: "TEXT",
                        oldMaxLength: 100);

                    migrationBuilder.CreateTable(
                        name: "Tags",
                        columns: table => new
                        {
                            Id = table.Column<int>(type: "INTEGER", nullable: false)
                                .Annotation("Sqlite:Autoincrement", true),
                            BlogId = table.Column<int>(type: "INTEGER", nullable: false)
                        },
                        constraints: table =>
                        {
                            table.PrimaryKey("PK_Tags", x => x.Id);
                            table.ForeignKey(
                                name: "FK_Tags_Blogs_BlogId",
                                column: x => x.BlogId,
                                principalTable: "Blogs",
                                principalColumn: "Id",
                                onDelete: ReferentialAction.Cascade);
                        });

                    migrationBuilder.CreateIndex(
                        name: "IX_Tags_BlogId",
                        table: "Tags",
                        column: "BlogId");
                }

                protected override void {|#0:Down|}(MigrationBuilder migrationBuilder)
                {
                    // Nothing to undo yet.
                }
            }
        }
        """;

    public const string FixedSource = """
        using Microsoft.EntityFrameworkCore.Migrations;

        namespace App.Migrations
        {
            [Migration("20240102000000_AddTags")]
            public partial class AddTags : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.AlterColumn<string>(
                        name: "Title",
                        table: "Blogs",
                        type: "TEXT",
                        maxLength: 200,
                        nullable: true,
                        oldClrType: typeof(string),
                        oldType: "TEXT",
                        oldMaxLength: 100);

                    migrationBuilder.CreateTable(
                        name: "Tags",
                        columns: table => new
                        {
                            Id = table.Column<int>(type: "INTEGER", nullable: false)
                                .Annotation("Sqlite:Autoincrement", true),
                            BlogId = table.Column<int>(type: "INTEGER", nullable: false)
                        },
                        constraints: table =>
                        {
                            table.PrimaryKey("PK_Tags", x => x.Id);
                            table.ForeignKey(
                                name: "FK_Tags_Blogs_BlogId",
                                column: x => x.BlogId,
                                principalTable: "Blogs",
                                principalColumn: "Id",
                                onDelete: ReferentialAction.Cascade);
                        });

                    migrationBuilder.CreateIndex(
                        name: "IX_Tags_BlogId",
                        table: "Tags",
                        column: "BlogId");
                }

                protected override void Down(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.DropTable(
                        name: "Tags");

                    migrationBuilder.AlterColumn<string>(
                        name: "Title",
                        table: "Blogs",
                        type: "TEXT",
                        maxLength: 100,
                        nullable: false,
                        defaultValue: "",
                        oldClrType: typeof(string),
                        oldType: "TEXT",
                        oldMaxLength: 200,
                        oldNullable: true);
                    // Nothing to undo yet.
                }
            }
        }
        """;

    [Theory]
    [InlineData(EfVersion.Ef10)]
    [InlineData(EfVersion.Ef8)]
    public async Task EmptyDown_FilledWithInverses(EfVersion version)
    {
        await VerifyCS.VerifyCodeFixAsync(Source, FixedSource, version, DbProvider.None, null, VerifyCS.Diagnostic("MIG041").WithLocation(0).WithArguments("AddTags"));
    }

    [Fact]
    public async Task DropColumnWithUnknownHistory_NoFix()
    {
        const string source = """
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240102000000_DropLegacy")]
            public partial class DropLegacy : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.DropColumn(name: "Legacy", table: "Blogs");
                }

                protected override void {|#0:Down|}(MigrationBuilder migrationBuilder)
                {
                }
            }
            """;
        await VerifyCS.VerifyCodeFixAsync(source, source, VerifyCS.Diagnostic("MIG041").WithLocation(0).WithArguments("DropLegacy"));
    }

    [Fact]
    public async Task DropColumnWithKnownHistory_ReAddsOldDefinition()
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
                            Legacy = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                            Score = table.Column<decimal>(type: "TEXT", precision: 5, scale: 2, nullable: true)
                        },
                        constraints: table => table.PrimaryKey("PK_Blogs", x => x.Id));
                }

                protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable(name: "Blogs");
            }
            """;
        const string source = """
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240102000000_DropLegacy")]
            public partial class DropLegacy : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.DropColumn(name: "Legacy", table: "Blogs");
                    migrationBuilder.DropColumn(name: "Score", table: "Blogs");
                }

                protected override void {|#0:Down|}(MigrationBuilder migrationBuilder) { }
            }
            """;
        const string fixedSource = """
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240102000000_DropLegacy")]
            public partial class DropLegacy : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.DropColumn(name: "Legacy", table: "Blogs");
                    migrationBuilder.DropColumn(name: "Score", table: "Blogs");
                }

                protected override void Down(MigrationBuilder migrationBuilder) {
                    migrationBuilder.AddColumn<decimal>(
                        name: "Score",
                        table: "Blogs",
                        type: "TEXT",
                        precision: 5,
                        scale: 2,
                        nullable: true);

                    migrationBuilder.AddColumn<string>(
                        name: "Legacy",
                        table: "Blogs",
                        type: "TEXT",
                        maxLength: 50,
                        nullable: false,
                        defaultValue: "");
                }
            }
            """;
        var test = new VerifyCS.Test();
        test.TestState.Sources.Add(("/0/History.cs", history));
        test.TestState.Sources.Add(("/0/Test0.cs", source));
        test.FixedState.Sources.Add(("/0/History.cs", history));
        test.FixedState.Sources.Add(("/0/Test0.cs", fixedSource));
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("MIG041").WithLocation(0).WithArguments("DropLegacy"));
        await test.RunAsync();
    }

    [Fact]
    public async Task DroppedCheckConstraintAndSequence_ReCreatedFromHistory()
    {
        const string history = """
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240101000000_CreateBlogs")]
            public partial class CreateBlogs : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.CreateSequence<long>(name: "Numbers", startValue: 100L, incrementBy: 5);
                    migrationBuilder.CreateTable(
                        name: "Blogs",
                        columns: table => new { Id = table.Column<int>(nullable: false), Rating = table.Column<int>(nullable: false) },
                        constraints: table =>
                        {
                            table.PrimaryKey("PK_Blogs", x => x.Id);
                            table.CheckConstraint("CK_Blogs_Rating", "Rating >= 0");
                        });
                }

                protected override void Down(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.DropTable(name: "Blogs");
                    migrationBuilder.DropSequence(name: "Numbers");
                }
            }
            """;
        const string source = """
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240102000000_Loosen")]
            public partial class Loosen : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.DropCheckConstraint(name: "CK_Blogs_Rating", table: "Blogs");
                    migrationBuilder.DropSequence(name: "Numbers");
                }

                protected override void {|#0:Down|}(MigrationBuilder migrationBuilder)
                {
                }
            }
            """;
        const string fixedSource = """
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240102000000_Loosen")]
            public partial class Loosen : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.DropCheckConstraint(name: "CK_Blogs_Rating", table: "Blogs");
                    migrationBuilder.DropSequence(name: "Numbers");
                }

                protected override void Down(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.CreateSequence<long>(
                        name: "Numbers",
                        startValue: 100L,
                        incrementBy: 5);

                    migrationBuilder.AddCheckConstraint(
                        name: "CK_Blogs_Rating",
                        table: "Blogs",
                        sql: "Rating >= 0");
                }
            }
            """;
        var test = new VerifyCS.Test();
        test.TestState.Sources.Add(("/0/History.cs", history));
        test.TestState.Sources.Add(("/0/Test0.cs", source));
        test.FixedState.Sources.Add(("/0/History.cs", history));
        test.FixedState.Sources.Add(("/0/Test0.cs", fixedSource));
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("MIG041").WithLocation(0).WithArguments("Loosen"));
        await test.RunAsync();
    }

    public const string DropTitleSource = """
        using Microsoft.EntityFrameworkCore.Migrations;

        namespace App.Migrations
        {
            [Migration("20240102000000_DropTitle")]
            public partial class DropTitle : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.DropColumn(
                        name: "Title",
                        table: "Blogs");
                }

                protected override void {|#0:Down|}(MigrationBuilder migrationBuilder)
                {
                }
            }
        }
        """;

    public const string DropTitleFixedSource = """
        using Microsoft.EntityFrameworkCore.Migrations;

        namespace App.Migrations
        {
            [Migration("20240102000000_DropTitle")]
            public partial class DropTitle : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.DropColumn(
                        name: "Title",
                        table: "Blogs");
                }

                protected override void Down(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.AddColumn<string>(
                        name: "Title",
                        table: "Blogs",
                        type: "TEXT",
                        maxLength: 100,
                        nullable: false,
                        defaultValue: "");
                }
            }
        }
        """;

    [Fact]
    public async Task DroppedColumn_ReAddedAsTheBaselineDefinedIt()
    {
        var test = new VerifyCS.Test();
        test.TestState.Sources.Add(("/0/Baseline.cs", RoundTripBaseline.Source));
        test.TestState.Sources.Add(("/0/Test0.cs", DropTitleSource));
        test.FixedState.Sources.Add(("/0/Baseline.cs", RoundTripBaseline.Source));
        test.FixedState.Sources.Add(("/0/Test0.cs", DropTitleFixedSource));
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("MIG041").WithLocation(0).WithArguments("DropTitle"));
        await test.RunAsync();
    }
}
