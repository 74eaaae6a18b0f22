using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using MigrationAnalyzers.Tests.Verifiers;
using VerifyCS = MigrationAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<MigrationAnalyzers.Rules.DeleteDataRule>;

namespace MigrationAnalyzers.Tests.Rules;

public class DeleteDataRuleTests
{
    private const string Cascade = " and, through cascading foreign keys, the rows that reference them (or the delete fails on them)";

    /// <summary>No foreign key references the table: Info (the rows go, nothing cascades).</summary>
    private static DiagnosticResult Info(int location, string table) =>
        new DiagnosticResult("MIG006", DiagnosticSeverity.Info).WithLocation(location).WithSeverity(DiagnosticSeverity.Info).WithArguments(table, string.Empty);

    private static DiagnosticResult Warning(int location, string table) =>
        new DiagnosticResult("MIG006", DiagnosticSeverity.Warning).WithLocation(location).WithSeverity(DiagnosticSeverity.Warning).WithArguments(table, Cascade);

    /// <summary>Categories, referenced by Products through a foreign key; Colors, referenced by nothing.</summary>
    private const string History = """
        using Microsoft.EntityFrameworkCore.Migrations;

        [Migration("20240101000000_Initial")]
        public class Initial : Migration
        {
            protected override void Up(MigrationBuilder migrationBuilder)
            {
                migrationBuilder.CreateTable(
                    name: "Categories",
                    columns: table => new { Id = table.Column<int>(type: "INTEGER", nullable: false) },
                    constraints: table => table.PrimaryKey("PK_Categories", x => x.Id));
                migrationBuilder.CreateTable(
                    name: "Colors",
                    columns: table => new { Id = table.Column<int>(type: "INTEGER", nullable: false) },
                    constraints: table => table.PrimaryKey("PK_Colors", x => x.Id));
                migrationBuilder.CreateTable(
                    name: "Products",
                    columns: table => new
                    {
                        Id = table.Column<int>(type: "INTEGER", nullable: false),
                        CategoryId = table.Column<int>(type: "INTEGER", nullable: false),
                    },
                    constraints: table =>
                    {
                        table.PrimaryKey("PK_Products", x => x.Id);
                        table.ForeignKey("FK_Products_Categories_CategoryId", x => x.CategoryId, "Categories", "Id", onDelete: ReferentialAction.Cascade);
                    });
            }

            protected override void Down(MigrationBuilder migrationBuilder)
            {
            }
        }
        """;

    private const string DeleteSeeds = """
        using Microsoft.EntityFrameworkCore.Migrations;

        [Migration("20240201000000_RemoveSeeds")]
        public class RemoveSeeds : Migration
        {
            protected override void Up(MigrationBuilder migrationBuilder)
            {
                {|#0:migrationBuilder.DeleteData(table: "Categories", keyColumn: "Id", keyValue: 1)|};
                {|#1:migrationBuilder.DeleteData(table: "Colors", keyColumn: "Id", keyValue: 1)|};
            }

            protected override void Down(MigrationBuilder migrationBuilder)
            {
            }
        }
        """;

    [Theory]
    [InlineData(EfVersion.Ef10)]
    [InlineData(EfVersion.Ef8)]
    public async Task TableReferencedByHistoryForeignKey_Warning_UnreferencedTable_Info(EfVersion version)
    {
        await VerifyCS.VerifyAnalyzerAsync(new[] { History, DeleteSeeds }, version, DbProvider.None, null,
            Warning(0, "Categories"), Info(1, "Colors"));
    }

    [Theory]
    [InlineData(EfVersion.Ef10)]
    [InlineData(EfVersion.Ef8)]
    public async Task TableReferencedInTargetModel_Warning(EfVersion version)
    {
        // No history: the migration's target model (.Designer.cs) has Product → Category.
        var source = DeleteSeeds.Replace("using Microsoft.EntityFrameworkCore.Migrations;", "using Microsoft.EntityFrameworkCore;\nusing Microsoft.EntityFrameworkCore.Migrations;").Replace("""
                protected override void Down(MigrationBuilder migrationBuilder)
                {
                }
            """, """
                protected override void Down(MigrationBuilder migrationBuilder)
                {
                }

                protected override void BuildTargetModel(ModelBuilder modelBuilder)
                {
                    modelBuilder.Entity("Shop.Category", b =>
                    {
                        b.Property<int>("Id").HasColumnType("INTEGER");
                        b.HasKey("Id");
                        b.ToTable("Categories");
                    });

                    modelBuilder.Entity("Shop.Color", b =>
                    {
                        b.Property<int>("Id").HasColumnType("INTEGER");
                        b.HasKey("Id");
                        b.ToTable("Colors");
                    });

                    modelBuilder.Entity("Shop.Product", b =>
                    {
                        b.Property<int>("Id").HasColumnType("INTEGER");
                        b.Property<int>("CategoryId").HasColumnType("INTEGER");
                        b.HasKey("Id");
                        b.ToTable("Products");
                    });

                    modelBuilder.Entity("Shop.Product", b =>
                    {
                        b.HasOne("Shop.Category", "Category")
                            .WithMany()
                            .HasForeignKey("CategoryId")
                            .OnDelete(DeleteBehavior.Cascade)
                            .IsRequired();
                    });
                }
            """);
        await VerifyCS.VerifyAnalyzerAsync(source, version, DbProvider.None, null, Warning(0, "Categories"), Info(1, "Colors"));
    }

    [Theory]
    [InlineData(EfVersion.Ef10)]
    [InlineData(EfVersion.Ef8)]
    public async Task EfScaffoldedDeleteDataInUp_Reports(EfVersion version)
    {
        const string source = """
            using Microsoft.EntityFrameworkCore.Migrations;

            #nullable disable

            namespace Shop.Migrations
            {
                [Migration("20240101000000_RemoveDefaultCategory")]
                public partial class RemoveDefaultCategory : Migration
                {
                    protected override void Up(MigrationBuilder migrationBuilder)
                    {
                        {|#0:migrationBuilder.DeleteData(
                            table: "Categories",
                            keyColumn: "Id",
                            keyValue: 1)|};
                    }

                    protected override void Down(MigrationBuilder migrationBuilder)
                    {
                        migrationBuilder.InsertData(
                            table: "Categories",
                            columns: new[] { "Id", "Name" },
                            values: new object[] { 1, "Default" });
                    }
                }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source, version, DbProvider.None, null, Info(0, "Categories"));
    }

    [Theory]
    [InlineData(EfVersion.Ef10)]
    [InlineData(EfVersion.Ef8)]
    public async Task CompositeKeyWithSchema_ReportsQualifiedTable(EfVersion version)
    {
        const string source = """
            using System;
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240101000000_RemoveRates")]
            public class RemoveRates : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    {|#0:migrationBuilder.DeleteData(
                        schema: "billing",
                        table: "Rates",
                        keyColumns: new[] { "Currency", "ValidFrom" },
                        keyValues: new object[] { "EUR", new DateTime(2024, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified) })|};
                    {|#1:migrationBuilder.DeleteData("Rates", "Id", 7, "billing")|};
                }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source, version, DbProvider.None, null,
            Info(0, "billing.Rates"),
            Info(1, "billing.Rates"));
    }

    [Theory]
    [InlineData(EfVersion.Ef10)]
    [InlineData(EfVersion.Ef8)]
    public async Task EfScaffoldingOfSeedDataAdded_NoDiagnostic(EfVersion version)
    {
        const string source = """
            using Microsoft.EntityFrameworkCore.Migrations;

            #nullable disable

            [Migration("20240101000000_SeedCategories")]
            public partial class SeedCategories : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.CreateTable(
                        name: "Categories",
                        columns: table => new
                        {
                            Id = table.Column<int>(type: "INTEGER", nullable: false)
                                .Annotation("Sqlite:Autoincrement", true),
                            Name = table.Column<string>(type: "TEXT", nullable: false)
                        },
                        constraints: table =>
                        {
                            table.PrimaryKey("PK_Categories", x => x.Id);
                        });

                    migrationBuilder.InsertData(
                        table: "Categories",
                        columns: new[] { "Id", "Name" },
                        values: new object[,]
                        {
                            { 1, "Books" },
                            { 2, "Music" }
                        });

                    migrationBuilder.UpdateData(
                        table: "Categories",
                        keyColumn: "Id",
                        keyValue: 2,
                        column: "Name",
                        value: "Records");
                }

                protected override void Down(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.DeleteData(
                        table: "Categories",
                        keyColumn: "Id",
                        keyValue: 1);

                    migrationBuilder.DropTable(
                        name: "Categories");
                }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source, version, DbProvider.None, null);
    }

    [Fact]
    public async Task NonConstantArguments_NoDiagnostic()
    {
        const string source = """
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240101000000_RemoveDynamic")]
            public class RemoveDynamic : Migration
            {
                private readonly string _table = System.Environment.GetEnvironmentVariable("T") ?? "x";
                private readonly int _id = System.Environment.TickCount;

                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.DeleteData(table: _table, keyColumn: "Id", keyValue: 1);
                    migrationBuilder.DeleteData(table: "Categories", keyColumn: "Id", keyValue: _id);
                }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source);
    }

    [Theory]
    [InlineData("postgresql", false)]
    [InlineData("sqlserver", true)]
    public async Task DeleteDataInProviderBranch_ReportsOnlyForThatProvider(string provider, bool reported)
    {
        const string source = """
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240101000000_RemoveSqlServerSeed")]
            public class RemoveSqlServerSeed : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    if (ActiveProvider == "Microsoft.EntityFrameworkCore.SqlServer")
                    {
                        {|#0:migrationBuilder.DeleteData(table: "Settings", keyColumn: "Key", keyValue: "Collation")|};
                    }
                }
            }
            """;
        var expected = reported
            ? new[] { Info(0, "Settings") }
            : new DiagnosticResult[0];
        await VerifyCS.VerifyAnalyzerAsync(source, EfVersion.Ef10, DbProvider.None, TestSetup.Options(("provider", provider)), expected);
    }

    [Theory]
    [InlineData("migrationBuilder.DeleteData(table: \"Categories\");")]
    [InlineData("migrationBuilder.DeleteData(table: \"Categories\", keyColumn: , keyValue: 1);")]
    [InlineData("migrationBuilder.DeleteData(")]
    [InlineData("migrationBuilder.DeleteData(table: null, keyColumn: \"Id\", keyValue: 1);")]
    public Task MalformedCode_NoCrash(string body) =>
        BrokenCode.VerifyNoCrashAsync<MigrationAnalyzers.Rules.DeleteDataRule>(BrokenCode.InUp(body));
}
