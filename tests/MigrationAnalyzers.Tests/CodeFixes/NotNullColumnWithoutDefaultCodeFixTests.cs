using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using MigrationAnalyzers.Tests.Verifiers;
using MigrationAnalyzers.Tests.Execution;
using VerifyCS = MigrationAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<MigrationAnalyzers.Rules.NotNullColumnWithoutDefaultRule, MigrationAnalyzers.CodeFixes.Rules.NotNullColumnWithoutDefaultCodeFix>;
using VerifyPlaceholder = MigrationAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<MigrationAnalyzers.Rules.PlaceholderDefaultRule, MigrationAnalyzers.CodeFixes.Rules.NotNullColumnWithoutDefaultCodeFix>;

namespace MigrationAnalyzers.Tests.CodeFixes;

public class NotNullColumnWithoutDefaultCodeFixTests
{
    /// <summary>Two NOT NULL columns on a table with rows (Fix All runs on both); executed by NotNullBackfillExecutionTests.</summary>
    private const string BeforeTemplate = """
        using System;
        using Microsoft.EntityFrameworkCore;
        using Microsoft.EntityFrameworkCore.Migrations;

        [Migration("20240201000000_AddRatingAndFeatured")]
        public class AddRatingAndFeatured : Migration
        {
            protected override void Up(MigrationBuilder migrationBuilder)
            {
                // Ratings come from the new review feature.
                {|#0:migrationBuilder.AddColumn<int>(
                    name: "Rating",
                    table: "Blogs",
                    type: "INTTYPE",
                    nullable: false)|}; // no default on purpose

                {|#1:migrationBuilder.AddColumn<bool>(
                    name: "Featured",
                    table: "Blogs",
                    type: "BOOLTYPE",
                    nullable: false)|};
            }

            protected override void Down(MigrationBuilder migrationBuilder)
            {
                migrationBuilder.DropColumn(
                    name: "Featured",
                    table: "Blogs");

                migrationBuilder.DropColumn(
                    name: "Rating",
                    table: "Blogs");
            }

            protected override void BuildTargetModel(ModelBuilder modelBuilder)
            {
                modelBuilder.Entity("Blog", b =>
                {
                    b.Property<int>("Id");
                    b.Property<string>("Title");
                    b.Property<int>("Rating");
                    b.Property<bool>("Featured");
                    b.HasKey("Id");
                    b.ToTable("Blogs");
                });
            }
        }
        """;

    private const string AfterTemplate = """
        using System;
        using Microsoft.EntityFrameworkCore;
        using Microsoft.EntityFrameworkCore.Migrations;

        [Migration("20240201000000_AddRatingAndFeatured")]
        public class AddRatingAndFeatured : Migration
        {
            protected override void Up(MigrationBuilder migrationBuilder)
            {
                // Ratings come from the new review feature.
                migrationBuilder.AddColumn<int>(
                    name: "Rating",
                    table: "Blogs",
                    type: "INTTYPE",
                    nullable: true);

                // Existing rows get 0 in Rating.
                migrationBuilder.Sql(
                    sql: "UPDATE \"Blogs\" SET \"Rating\" = 0 WHERE \"Rating\" IS NULL");

                migrationBuilder.AlterColumn<int>(
                    name: "Rating",
                    table: "Blogs",
                    type: "INTTYPE",
                    nullable: false,
                    oldClrType: typeof(int),
                    oldType: "INTTYPE",
                    oldNullable: true); // no default on purpose

                migrationBuilder.AddColumn<bool>(
                    name: "Featured",
                    table: "Blogs",
                    type: "BOOLTYPE",
                    nullable: true);

                // Existing rows get FALSELIT in Featured.
                migrationBuilder.Sql(
                    sql: "UPDATE \"Blogs\" SET \"Featured\" = FALSELIT WHERE \"Featured\" IS NULL");

                migrationBuilder.AlterColumn<bool>(
                    name: "Featured",
                    table: "Blogs",
                    type: "BOOLTYPE",
                    nullable: false,
                    oldClrType: typeof(bool),
                    oldType: "BOOLTYPE",
                    oldNullable: true);
            }

            protected override void Down(MigrationBuilder migrationBuilder)
            {
                migrationBuilder.DropColumn(
                    name: "Featured",
                    table: "Blogs");

                migrationBuilder.DropColumn(
                    name: "Rating",
                    table: "Blogs");
            }

            protected override void BuildTargetModel(ModelBuilder modelBuilder)
            {
                modelBuilder.Entity("Blog", b =>
                {
                    b.Property<int>("Id");
                    b.Property<string>("Title");
                    b.Property<int>("Rating");
                    b.Property<bool>("Featured");
                    b.HasKey("Id");
                    b.ToTable("Blogs");
                });
            }
        }
        """;

    internal static readonly string Before = BeforeTemplate.Replace("INTTYPE", "INTEGER").Replace("BOOLTYPE", "INTEGER");

    internal static readonly string AfterSqlite = AfterTemplate.Replace("INTTYPE", "INTEGER").Replace("BOOLTYPE", "INTEGER").Replace("FALSELIT", "0");

    /// <summary>The PostgreSQL flavour: store types and the boolean literal differ.</summary>
    internal static readonly string BeforePostgres = BeforeTemplate.Replace("INTTYPE", "integer").Replace("BOOLTYPE", "boolean");

    internal static readonly string AfterPostgres = AfterTemplate.Replace("INTTYPE", "integer").Replace("BOOLTYPE", "boolean").Replace("FALSELIT", "false");

    [Fact]
    public async Task Sqlite_TwoColumns_RewrittenAndFixAll()
    {
        await VerifyCS.VerifyCodeFixAsync(Before, AfterSqlite, EfVersion.Ef10, DbProvider.Sqlite, null,
            new Microsoft.CodeAnalysis.Testing.DiagnosticResult(MigrationAnalyzers.Rules.NotNullColumnWithoutDefaultRule.Rule).WithLocation(0).WithArguments("Blogs", "Rating"),
            new Microsoft.CodeAnalysis.Testing.DiagnosticResult(MigrationAnalyzers.Rules.NotNullColumnWithoutDefaultRule.Rule).WithLocation(1).WithArguments("Blogs", "Featured"));
    }

    [Theory]
    [InlineData(EfVersion.Ef10)]
    [InlineData(EfVersion.Ef8)]
    public async Task Postgres_BooleanLiteralAndStoreTypes(EfVersion version)
    {
        Assert.Contains("type: \"boolean\"", BeforePostgres);
        Assert.Contains("= false WHERE", AfterPostgres);
        await VerifyCS.VerifyCodeFixAsync(BeforePostgres, AfterPostgres, version, DbProvider.PostgreSql, null,
            new Microsoft.CodeAnalysis.Testing.DiagnosticResult(MigrationAnalyzers.Rules.NotNullColumnWithoutDefaultRule.Rule).WithLocation(0).WithArguments("Blogs", "Rating"),
            new Microsoft.CodeAnalysis.Testing.DiagnosticResult(MigrationAnalyzers.Rules.NotNullColumnWithoutDefaultRule.Rule).WithLocation(1).WithArguments("Blogs", "Featured"));
    }

    [Fact]
    public async Task SqlServer_SchemaPositionalArgumentsAndAnnotations()
    {
        const string before = """
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240201000000_AddCode")]
            public class AddCode : Migration
            {
                protected override void Up(MigrationBuilder b)
                {
                    {|#0:b.AddColumn<string>("Code", "Products", "nvarchar(20)", maxLength: 20, schema: "shop")|}
                        .Annotation("Relational:ColumnOrder", 3);
                }
            }
            """;
        const string after = """
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240201000000_AddCode")]
            public class AddCode : Migration
            {
                protected override void Up(MigrationBuilder b)
                {
                    b.AddColumn<string>(
                        name: "Code",
                        table: "Products",
                        type: "nvarchar(20)",
                        maxLength: 20,
                        schema: "shop",
                        nullable: true)
                        .Annotation("Relational:ColumnOrder", 3);

                    // Existing rows get '' in Code.
                    b.Sql(
                        sql: "UPDATE [shop].[Products] SET [Code] = '' WHERE [Code] IS NULL");

                    b.AlterColumn<string>(
                        name: "Code",
                        table: "Products",
                        type: "nvarchar(20)",
                        maxLength: 20,
                        schema: "shop",
                        nullable: false,
                        oldClrType: typeof(string),
                        oldType: "nvarchar(20)",
                        oldMaxLength: 20,
                        oldNullable: true)
                        .Annotation("Relational:ColumnOrder", 3)
                        .OldAnnotation("Relational:ColumnOrder", 3);
                }
            }
            """;
        await VerifyCS.VerifyCodeFixAsync(before, after, EfVersion.Ef10, DbProvider.SqlServer, null,
            new Microsoft.CodeAnalysis.Testing.DiagnosticResult(MigrationAnalyzers.Rules.NotNullColumnWithoutDefaultRule.Rule).WithLocation(0).WithArguments("shop.Products", "Code"));
    }

    [Fact]
    public async Task Mig021Placeholder_BackfillsWithTheDefaultAndKeepsIt()
    {
        const string before = """
            using System;
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240201000000_AddPublished")]
            public class AddPublished : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    {|#0:migrationBuilder.AddColumn<DateTime>(
                        name: "Published",
                        table: "Posts",
                        type: "timestamp without time zone",
                        nullable: false,
                        defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified))|};
                }
            }
            """;
        const string after = """
            using System;
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240201000000_AddPublished")]
            public class AddPublished : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.AddColumn<DateTime>(
                        name: "Published",
                        table: "Posts",
                        type: "timestamp without time zone",
                        nullable: true);

                    // Existing rows get '0001-01-01 00:00:00' in Published.
                    migrationBuilder.Sql(
                        sql: "UPDATE \"Posts\" SET \"Published\" = '0001-01-01 00:00:00' WHERE \"Published\" IS NULL");

                    migrationBuilder.AlterColumn<DateTime>(
                        name: "Published",
                        table: "Posts",
                        type: "timestamp without time zone",
                        nullable: false,
                        defaultValue: new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified),
                        oldClrType: typeof(DateTime),
                        oldType: "timestamp without time zone",
                        oldNullable: true);
                }
            }
            """;
        await VerifyPlaceholder.VerifyCodeFixAsync(before, after, EfVersion.Ef10, DbProvider.PostgreSql, null,
            new Microsoft.CodeAnalysis.Testing.DiagnosticResult("MIG021", DiagnosticSeverity.Info).WithLocation(0).WithSeverity(DiagnosticSeverity.Info)
                .WithArguments("AddColumn", "Posts", "EF's placeholder default 0001-01-01 00:00:00", "Published", ""));
    }

    [Fact]
    public async Task Mig021OnAlterColumn_InsertsBackfill()
    {
        const string before = """
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240201000000_TitleRequired")]
            public class TitleRequired : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    {|#0:migrationBuilder.AlterColumn<string>(
                        name: "Title",
                        table: "Blogs",
                        nullable: false,
                        defaultValue: "",
                        oldClrType: typeof(string),
                        oldNullable: true)|};
                }
            }
            """;
        const string after = """
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240201000000_TitleRequired")]
            public class TitleRequired : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    // Existing rows get '' in Title.
                    migrationBuilder.Sql(
                        sql: "UPDATE \"Blogs\" SET \"Title\" = '' WHERE \"Title\" IS NULL");

                    migrationBuilder.AlterColumn<string>(
                        name: "Title",
                        table: "Blogs",
                        nullable: false,
                        defaultValue: "",
                        oldClrType: typeof(string),
                        oldNullable: true);
                }
            }
            """;
        await VerifyPlaceholder.VerifyCodeFixAsync(before, after, EfVersion.Ef10, DbProvider.None, null,
            new Microsoft.CodeAnalysis.Testing.DiagnosticResult("MIG021", DiagnosticSeverity.Info).WithLocation(0).WithSeverity(DiagnosticSeverity.Info)
                .WithArguments("AlterColumn to NOT NULL", "Blogs", "EF's placeholder default ''", "Title", ""));
    }

    [Fact]
    public async Task TypeWithoutKnownDefault_NoFixOffered()
    {
        // No defaultValue and no CLR default the fix can write as SQL: nothing is offered (no guess).
        const string source = """
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240201000000_AddHome")]
            public class AddHome : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.AddColumn<System.Uri>(name: "Home", table: "Blogs", type: "text", nullable: false);
                }
            }
            """;
        var result = await CodeFixRunner.FixAsync(source, "postgresql", new MigrationAnalyzers.Rules.NotNullColumnWithoutDefaultRule(), new MigrationAnalyzers.CodeFixes.Rules.NotNullColumnWithoutDefaultCodeFix());
        Assert.Equal(source, result);
    }

    [Fact]
    public async Task CrlfDocument_KeepsCrlf()
    {
        var source = """
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240201000000_AddRating")]
            public class AddRating : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.AddColumn<int>(name: "Rating", table: "Blogs", nullable: false);
                }
            }
            """.Replace("\r\n", "\n").Replace("\n", "\r\n");
        var result = await CodeFixRunner.FixAsync(source, "sqlite", new MigrationAnalyzers.Rules.NotNullColumnWithoutDefaultRule(), new MigrationAnalyzers.CodeFixes.Rules.NotNullColumnWithoutDefaultCodeFix());
        Assert.Contains("// Existing rows get 0 in Rating.\r\n", result);
        Assert.DoesNotContain("\n", result.Replace("\r\n", string.Empty));
    }
}
