using Microsoft.CodeAnalysis.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using MigrationAnalyzers.Tests.Verifiers;
using MigrationAnalyzers.Tests.Execution;
using VerifyCS = MigrationAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<MigrationAnalyzers.Rules.NarrowingAlterColumnRule, MigrationAnalyzers.CodeFixes.Rules.NarrowingAlterColumnCodeFix>;

namespace MigrationAnalyzers.Tests.CodeFixes;

public class NarrowingAlterColumnCodeFixTests
{
    /// <summary>The table the narrowings run on (NarrowingExecutionTests fills it with rows).</summary>
    internal const string CreateItems = """
        using Microsoft.EntityFrameworkCore;
        using Microsoft.EntityFrameworkCore.Migrations;

        [Migration("20240101000000_CreateItems")]
        public class CreateItems : Migration
        {
            protected override void Up(MigrationBuilder migrationBuilder)
            {
                migrationBuilder.CreateTable(
                    name: "Items",
                    columns: table => new
                    {
                        Id = table.Column<int>(nullable: false),
                        Code = table.Column<string>(type: "TEXT", nullable: true),
                        Score = table.Column<long>(type: "BIGINT", nullable: false),
                    },
                    constraints: table => table.PrimaryKey("PK_Items", x => x.Id));
            }

            protected override void Down(MigrationBuilder migrationBuilder)
            {
                migrationBuilder.DropTable(name: "Items");
            }

            protected override void BuildTargetModel(ModelBuilder modelBuilder)
            {
                modelBuilder.Entity("Item", b =>
                {
                    b.Property<int>("Id");
                    b.Property<string>("Code").HasColumnType("TEXT");
                    b.Property<long>("Score").HasColumnType("BIGINT");
                    b.HasKey("Id");
                    b.ToTable("Items");
                });
            }
        }
        """;

    /// <summary>
    /// Text → integer and bigint → int NOT NULL on a table with rows (Fix All runs on both);
    /// the same source runs on SQLite and PostgreSQL in NarrowingExecutionTests.
    /// </summary>
    internal const string Before = """
        using Microsoft.EntityFrameworkCore;
        using Microsoft.EntityFrameworkCore.Migrations;

        [Migration("20240201000000_NumericCodes")]
        public class NumericCodes : Migration
        {
            protected override void Up(MigrationBuilder migrationBuilder)
            {
                {|#0:migrationBuilder.AlterColumn<int>(
                    name: "Code",
                    table: "Items",
                    type: "INTEGER",
                    nullable: true,
                    oldClrType: typeof(string),
                    oldType: "TEXT",
                    oldNullable: true)|};

                // Scores never exceed int.
                {|#1:migrationBuilder.AlterColumn<int>(
                    name: "Score",
                    table: "Items",
                    type: "INTEGER",
                    nullable: false,
                    oldClrType: typeof(long),
                    oldType: "BIGINT")|};
            }

            protected override void Down(MigrationBuilder migrationBuilder)
            {
                migrationBuilder.AlterColumn<long>(
                    name: "Score",
                    table: "Items",
                    type: "BIGINT",
                    nullable: false,
                    oldClrType: typeof(int),
                    oldType: "INTEGER");

                migrationBuilder.AlterColumn<string>(
                    name: "Code",
                    table: "Items",
                    type: "TEXT",
                    nullable: true,
                    oldClrType: typeof(int),
                    oldType: "INTEGER",
                    oldNullable: true);
            }

            protected override void BuildTargetModel(ModelBuilder modelBuilder)
            {
                modelBuilder.Entity("Item", b =>
                {
                    b.Property<int>("Id");
                    b.Property<int?>("Code").HasColumnType("INTEGER");
                    b.Property<int>("Score").HasColumnType("INTEGER");
                    b.HasKey("Id");
                    b.ToTable("Items");
                });
            }
        }
        """;

    internal const string After = """
        using Microsoft.EntityFrameworkCore;
        using Microsoft.EntityFrameworkCore.Migrations;

        [Migration("20240201000000_NumericCodes")]
        public class NumericCodes : Migration
        {
            protected override void Up(MigrationBuilder migrationBuilder)
            {
                migrationBuilder.AddColumn<int>(
                    name: "Code_new",
                    table: "Items",
                    type: "INTEGER",
                    nullable: true);

                // Existing values of Code are converted to INTEGER into Code_new: check the values that do not fit before deploying.
                migrationBuilder.Sql(
                    sql: "UPDATE \"Items\" SET \"Code_new\" = CAST(\"Code\" AS INTEGER)");

                migrationBuilder.DropColumn(
                    name: "Code",
                    table: "Items");

                migrationBuilder.RenameColumn(
                    name: "Code_new",
                    table: "Items",
                    newName: "Code");

                // Scores never exceed int.
                migrationBuilder.AddColumn<int>(
                    name: "Score_new",
                    table: "Items",
                    type: "INTEGER",
                    nullable: true);

                // Existing values of Score are converted to INTEGER into Score_new: check the values that do not fit before deploying.
                migrationBuilder.Sql(
                    sql: "UPDATE \"Items\" SET \"Score_new\" = CAST(\"Score\" AS INTEGER)");

                migrationBuilder.DropColumn(
                    name: "Score",
                    table: "Items");

                migrationBuilder.RenameColumn(
                    name: "Score_new",
                    table: "Items",
                    newName: "Score");

                migrationBuilder.AlterColumn<int>(
                    name: "Score",
                    table: "Items",
                    type: "INTEGER",
                    nullable: false,
                    oldClrType: typeof(int),
                    oldType: "INTEGER",
                    oldNullable: true);
            }

            protected override void Down(MigrationBuilder migrationBuilder)
            {
                migrationBuilder.AlterColumn<int>(
                    name: "Score",
                    table: "Items",
                    type: "INTEGER",
                    nullable: true,
                    oldClrType: typeof(int),
                    oldType: "INTEGER");

                migrationBuilder.RenameColumn(
                    name: "Score",
                    table: "Items",
                    newName: "Score_new");

                migrationBuilder.AddColumn<long>(
                    name: "Score",
                    table: "Items",
                    type: "BIGINT",
                    nullable: false,
                    defaultValue: 0L);

                // Values of Score_new are converted back to BIGINT into Score.
                migrationBuilder.Sql(
                    sql: "UPDATE \"Items\" SET \"Score\" = CAST(\"Score_new\" AS BIGINT)");

                migrationBuilder.DropColumn(
                    name: "Score_new",
                    table: "Items");

                migrationBuilder.RenameColumn(
                    name: "Code",
                    table: "Items",
                    newName: "Code_new");

                migrationBuilder.AddColumn<string>(
                    name: "Code",
                    table: "Items",
                    type: "TEXT",
                    nullable: true);

                // Values of Code_new are converted back to TEXT into Code.
                migrationBuilder.Sql(
                    sql: "UPDATE \"Items\" SET \"Code\" = CAST(\"Code_new\" AS TEXT)");

                migrationBuilder.DropColumn(
                    name: "Code_new",
                    table: "Items");
            }

            protected override void BuildTargetModel(ModelBuilder modelBuilder)
            {
                modelBuilder.Entity("Item", b =>
                {
                    b.Property<int>("Id");
                    b.Property<int?>("Code").HasColumnType("INTEGER");
                    b.Property<int>("Score").HasColumnType("INTEGER");
                    b.HasKey("Id");
                    b.ToTable("Items");
                });
            }
        }
        """;

    [Theory]
    [InlineData(EfVersion.Ef10, DbProvider.Sqlite)]
    [InlineData(EfVersion.Ef10, DbProvider.PostgreSql)]
    [InlineData(EfVersion.Ef8, DbProvider.PostgreSql)]
    public async Task TwoNarrowings_ExpandContractUpAndDown(EfVersion version, DbProvider provider)
    {
        var sqlite = provider == DbProvider.Sqlite;
        await VerifyCS.VerifyCodeFixAsync(Before, After, version, provider, null,
            new Microsoft.CodeAnalysis.Testing.DiagnosticResult(MigrationAnalyzers.Rules.NarrowingAlterColumnRule.Rule).WithLocation(0).WithArguments("Items", "Code", sqlite ? "string" : "TEXT", sqlite ? "int" : "INTEGER", "type change text → integer", "existing values are truncated, rounded or fail to convert"),
            new Microsoft.CodeAnalysis.Testing.DiagnosticResult(MigrationAnalyzers.Rules.NarrowingAlterColumnRule.Rule).WithLocation(1).WithArguments("Items", "Score", sqlite ? "long" : "BIGINT", sqlite ? "int" : "INTEGER", sqlite ? "long → int" : "BIGINT → INTEGER", "existing values are truncated, rounded or fail to convert"));
    }

    [Fact]
    public async Task SqlServerSchemaNullableToNotNullAndAnnotations_CoalescesAndCarriesEverything()
    {
        const string before = """
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240201000000_ShorterNames")]
            public class ShorterNames : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    {|#0:migrationBuilder.AlterColumn<string>(
                        name: "Name",
                        schema: "shop",
                        table: "Products",
                        type: "nvarchar(50)",
                        maxLength: 50,
                        nullable: false,
                        defaultValue: "",
                        oldClrType: typeof(string),
                        oldType: "nvarchar(200)",
                        oldMaxLength: 200,
                        oldNullable: true)|}
                        .Annotation("Relational:ColumnOrder", 2)
                        .OldAnnotation("Relational:ColumnOrder", 2);
                }
            }
            """;
        const string after = """
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240201000000_ShorterNames")]
            public class ShorterNames : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.AddColumn<string>(
                        name: "Name_new",
                        schema: "shop",
                        table: "Products",
                        type: "nvarchar(50)",
                        maxLength: 50,
                        nullable: true)
                        .Annotation("Relational:ColumnOrder", 2);

                    // Existing values of Name are converted to nvarchar(50) into Name_new: check the values that do not fit before deploying.
                    migrationBuilder.Sql(
                        sql: "UPDATE [shop].[Products] SET [Name_new] = COALESCE(CAST([Name] AS nvarchar(50)), '')");

                    migrationBuilder.DropColumn(
                        name: "Name",
                        schema: "shop",
                        table: "Products");

                    migrationBuilder.RenameColumn(
                        name: "Name_new",
                        table: "Products",
                        newName: "Name",
                        schema: "shop");

                    migrationBuilder.AlterColumn<string>(
                        name: "Name",
                        schema: "shop",
                        table: "Products",
                        type: "nvarchar(50)",
                        maxLength: 50,
                        nullable: false,
                        defaultValue: "",
                        oldClrType: typeof(string),
                        oldType: "nvarchar(50)",
                        oldMaxLength: 50,
                        oldNullable: true)
                        .Annotation("Relational:ColumnOrder", 2)
                        .OldAnnotation("Relational:ColumnOrder", 2);
                }
            }
            """;
        // A shorter text column: the message says the ALTER fails on longer values and how to find them,
        // the fix title that its cast truncates them.
        var test = new VerifyCS.Test(EfVersion.Ef10, DbProvider.SqlServer)
        {
            TestCode = before,
            FixedCode = after,
            CodeActionVerifier = (action, verifier) => verifier.Equal("Rewrite as expand/contract (new column, explicit cast that truncates longer values, drop, rename)", action.Title),
        };
        test.ExpectedDiagnostics.Add(new Microsoft.CodeAnalysis.Testing.DiagnosticResult(MigrationAnalyzers.Rules.NarrowingAlterColumnRule.Rule).WithLocation(0).WithArguments(
            "shop.Products", "Name", "nvarchar(200)", "nvarchar(50)", "max length 200 → 50",
            "the ALTER fails on SQL Server, PostgreSQL and MySQL (strict mode) when any existing value is longer; find those rows with SELECT * FROM [shop].[Products] WHERE LEN([Name]) > 50"));
        await test.RunAsync(System.Threading.CancellationToken.None);
    }

    /// <summary>SPEC §5: after the fix no other rule reports — Down is Up's exact inverse, in reverse order (MIG042/MIG043/MIG045 stay silent).</summary>
    [Theory]
    [InlineData("postgresql", "character varying(200)", "character varying(50)")]
    public async Task FixedMigration_NoOtherAnalyzerWarns(string provider, string oldType, string newType)
    {
        var history = $$"""
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240101000000_Blogs")]
            public class Blogs : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.CreateTable(
                        name: "Blogs",
                        columns: table => new
                        {
                            Id = table.Column<int>(type: "integer", nullable: false),
                            Title = table.Column<string>(type: "{{oldType}}", maxLength: 200, nullable: false),
                        },
                        constraints: table => table.PrimaryKey("PK_Blogs", x => x.Id));
                }

                protected override void Down(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.DropTable(name: "Blogs");
                }
            }
            """;
        var source = $$"""
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240201000000_ShortTitles")]
            public class ShortTitles : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.AlterColumn<string>(name: "Title", table: "Blogs", type: "{{newType}}", maxLength: 50, nullable: false, oldClrType: typeof(string), oldType: "{{oldType}}", oldMaxLength: 200);
                }

                protected override void Down(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.AlterColumn<string>(name: "Title", table: "Blogs", type: "{{oldType}}", maxLength: 200, nullable: false, oldClrType: typeof(string), oldType: "{{newType}}", oldMaxLength: 50);
                }
            }
            """;
        await AssertFixLeavesNoWarningAsync(source, provider, history);
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgresql")]
    public Task TwoNarrowings_FixedMigration_NoOtherAnalyzerWarns(string provider) =>
        AssertFixLeavesNoWarningAsync(FixedMigrationRun.Unmarked(Before), provider, CreateItems);

    /// <summary>Applies the fix (Fix All rounds), then runs every analyzer of the assembly on the result: no Warning may remain.</summary>
    private static async Task AssertFixLeavesNoWarningAsync(string source, string provider, params string[] others)
    {
        var rule = new MigrationAnalyzers.Rules.NarrowingAlterColumnRule();
        var fixedSource = await CodeFixRunner.FixAsync(source, provider, rule, new MigrationAnalyzers.CodeFixes.Rules.NarrowingAlterColumnCodeFix(), others);
        Assert.Contains("_new", fixedSource);

        var tree = Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText(fixedSource, new Microsoft.CodeAnalysis.CSharp.CSharpParseOptions(Microsoft.CodeAnalysis.CSharp.LanguageVersion.Latest));
        var compilation = Microsoft.CodeAnalysis.CSharp.CSharpCompilation.Create(
            "Fixed",
            others.Select(o => Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText(o, new Microsoft.CodeAnalysis.CSharp.CSharpParseOptions(Microsoft.CodeAnalysis.CSharp.LanguageVersion.Latest))).Prepend(tree),
            EfReferences.For(EfVersion.Ef10, provider == "sqlite" ? DbProvider.Sqlite : DbProvider.PostgreSql),
            new Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions(Microsoft.CodeAnalysis.OutputKind.DynamicallyLinkedLibrary));
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        var diagnostics = await compilation.WithAnalyzers(MigrationAnalyzers.Tests.Meta.AllAnalyzers.Shipped).GetAnalyzerDiagnosticsAsync();
        var warnings = diagnostics
            .Where(d => d.Location.SourceTree == tree && d.Severity >= Microsoft.CodeAnalysis.DiagnosticSeverity.Warning)
            .Select(d => d.Id + " " + d.GetMessage())
            .ToList();
        Assert.True(warnings.Count == 0, fixedSource + "\n" + string.Join("\n", warnings));
    }

    [Fact]
    public async Task UnknownProviderWithoutStoreType_NoFixOffered()
    {
        // No type: and no provider to derive one from: no CAST can be written, so nothing is offered.
        const string source = """
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240201000000_Shorter")]
            public class Shorter : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.AlterColumn<string>(name: "Name", table: "Products", maxLength: 20, oldClrType: typeof(string), oldMaxLength: 80);
                }
            }
            """;
        var result = await CodeFixRunner.FixAsync(source, "none", new MigrationAnalyzers.Rules.NarrowingAlterColumnRule(), new MigrationAnalyzers.CodeFixes.Rules.NarrowingAlterColumnCodeFix());
        Assert.Equal(source, result);
        var fixedWithProvider = await CodeFixRunner.FixAsync(source, "postgresql", new MigrationAnalyzers.Rules.NarrowingAlterColumnRule(), new MigrationAnalyzers.CodeFixes.Rules.NarrowingAlterColumnCodeFix());
        Assert.Contains("CAST(\\\"Name\\\" AS character varying(20))", fixedWithProvider);
    }
}
