using System.Threading.Tasks;
using MigrationAnalyzers.Tests.Verifiers;
using VerifyCS = MigrationAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<MigrationAnalyzers.Rules.RedundantIndexRule>;

namespace MigrationAnalyzers.Tests.Rules;

public class RedundantIndexRuleTests
{
    private const string Initial = """
        using Microsoft.EntityFrameworkCore.Migrations;

        [Migration("20240101000000_Initial")]
        public class Initial : Migration
        {
            protected override void Up(MigrationBuilder migrationBuilder)
            {
                migrationBuilder.CreateTable(
                    name: "Posts",
                    columns: table => new
                    {
                        Id = table.Column<int>(nullable: false),
                        BlogId = table.Column<int>(nullable: false),
                        Date = table.Column<int>(nullable: false),
                        Slug = table.Column<string>(nullable: false)
                    },
                    constraints: table => table.PrimaryKey("PK_Posts", x => x.Id));

                migrationBuilder.CreateIndex(
                    name: "IX_Posts_BlogId_Date",
                    table: "Posts",
                    columns: new[] { "BlogId", "Date" });
            }
        }
        """;

    [Theory]
    [InlineData(EfVersion.Ef10, DbProvider.None)]
    [InlineData(EfVersion.Ef8, DbProvider.PostgreSql)]
    [InlineData(EfVersion.Ef8, DbProvider.Sqlite)]
    public async Task PrefixOfEarlierIndexAndDuplicateOfPrimaryKey_Reports(EfVersion version, DbProvider provider)
    {
        const string later = """
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240301000000_MoreIndexes")]
            public class MoreIndexes : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    {|#0:migrationBuilder.CreateIndex(
                        name: "IX_Posts_BlogId",
                        table: "Posts",
                        column: "BlogId")|};

                    {|#1:migrationBuilder.CreateIndex(
                        name: "IX_Posts_Id",
                        table: "Posts",
                        column: "Id")|};

                    migrationBuilder.CreateIndex(
                        name: "IX_Posts_Date",
                        table: "Posts",
                        column: "Date");
                }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(new[] { Initial, later }, version, provider, null,
            VerifyCS.Diagnostic("MIG063").WithLocation(0).WithArguments("IX_Posts_BlogId", "Posts", "BlogId", "is a leading prefix of", "IX_Posts_BlogId_Date", "BlogId, Date"),
            VerifyCS.Diagnostic("MIG063").WithLocation(1).WithArguments("IX_Posts_Id", "Posts", "Id", "duplicates", "PK_Posts", "Id"));
    }

    [Theory]
    [InlineData(EfVersion.Ef10)]
    [InlineData(EfVersion.Ef8)]
    public async Task DuplicatesInSameUp_ReportsTheSecondAndPrefixWhateverTheOrder(EfVersion version)
    {
        const string source = """
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240101000000_Initial")]
            public class Initial : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    {|#0:migrationBuilder.CreateIndex(name: "IX_Orders_Customer", table: "Orders", column: "Customer")|};
                    migrationBuilder.CreateIndex(name: "IX_Orders_Customer_Date", table: "Orders", columns: new[] { "Customer", "Date" });
                    {|#1:migrationBuilder.CreateIndex(name: "IX_Orders_Customer_Date2", table: "Orders", columns: new[] { "Customer", "Date" })|};
                    {|#2:migrationBuilder.CreateIndex(name: "IX_Orders_Number", table: "Orders", column: "Number")|};
                    migrationBuilder.CreateIndex(name: "IX_Orders_Number_Unique", table: "Orders", column: "Number", unique: true);
                }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source, version, DbProvider.None, null,
            VerifyCS.Diagnostic("MIG063").WithLocation(0).WithArguments("IX_Orders_Customer", "Orders", "Customer", "is a leading prefix of", "IX_Orders_Customer_Date", "Customer, Date"),
            VerifyCS.Diagnostic("MIG063").WithLocation(1).WithArguments("IX_Orders_Customer_Date2", "Orders", "Customer, Date", "duplicates", "IX_Orders_Customer_Date", "Customer, Date"),
            VerifyCS.Diagnostic("MIG063").WithLocation(2).WithArguments("IX_Orders_Number", "Orders", "Number", "duplicates", "IX_Orders_Number_Unique", "Number"));
    }

    [Theory]
    [InlineData(EfVersion.Ef10)]
    [InlineData(EfVersion.Ef8)]
    public async Task EfScaffoldingAndNonRedundantShapes_NoDiagnostic(EfVersion version)
    {
        // EF's scaffolding: FK indexes, a unique index on a prefix (enforces uniqueness), a filtered
        // index, a different column order, an index that replaces one dropped later in the same Up.
        const string later = """
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240301000000_MoreIndexes")]
            public class MoreIndexes : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.CreateIndex(name: "IX_Posts_BlogId_Slug", table: "Posts", columns: new[] { "BlogId", "Slug" }, unique: true);
                    migrationBuilder.CreateIndex(name: "IX_Posts_Date_BlogId", table: "Posts", columns: new[] { "Date", "BlogId" });
                    migrationBuilder.CreateIndex(name: "IX_Posts_Date_Active", table: "Posts", column: "Date", filter: "\"Active\"");
                    migrationBuilder.CreateIndex(name: "IX_Posts_BlogId_Unique", table: "Posts", column: "BlogId", unique: true);
                    migrationBuilder.CreateIndex(name: "IX_Posts_BlogId_Date_New", table: "Posts", columns: new[] { "BlogId", "Date" });
                    migrationBuilder.DropIndex(name: "IX_Posts_BlogId_Date", table: "Posts");
                }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(new[] { Initial, later }, version, DbProvider.PostgreSql, null);
    }

    [Fact]
    public async Task IndexKnownFromPreviousTargetModel_Reports()
    {
        const string previous = """
            using Microsoft.EntityFrameworkCore;
            using Microsoft.EntityFrameworkCore.Infrastructure;
            using Microsoft.EntityFrameworkCore.Migrations;

            [DbContext(typeof(DbContext))]
            [Migration("20240101000000_Squashed")]
            public partial class Squashed : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                }

                protected override void BuildTargetModel(ModelBuilder modelBuilder)
                {
                    modelBuilder.Entity("Shop.Order", b =>
                        {
                            b.Property<int>("Id");
                            b.Property<int>("CustomerId");
                            b.Property<System.DateTime>("Date");
                            b.HasKey("Id");
                            b.HasIndex("CustomerId", "Date");
                            b.ToTable("Orders");
                        });
                }
            }
            """;
        const string current = """
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240301000000_CustomerIndex")]
            public class CustomerIndex : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    {|#0:migrationBuilder.CreateIndex(name: "IX_Orders_CustomerId", table: "Orders", column: "CustomerId")|};
                }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(new[] { previous, current }, EfVersion.Ef10, DbProvider.None, null,
            VerifyCS.Diagnostic("MIG063").WithLocation(0).WithArguments("IX_Orders_CustomerId", "Orders", "CustomerId", "is a leading prefix of", "an index", "CustomerId, Date"));
    }

    [Fact]
    public async Task OwnTargetModelDescribesTheNewIndex_NoDiagnostic()
    {
        // The migration's own .Designer.cs contains the index it creates: it must not count as "before".
        const string source = """
            using Microsoft.EntityFrameworkCore;
            using Microsoft.EntityFrameworkCore.Infrastructure;
            using Microsoft.EntityFrameworkCore.Migrations;

            [DbContext(typeof(DbContext))]
            [Migration("20240301000000_CustomerIndex")]
            public partial class CustomerIndex : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.CreateIndex(name: "IX_Orders_CustomerId", table: "Orders", column: "CustomerId");
                }

                protected override void BuildTargetModel(ModelBuilder modelBuilder)
                {
                    modelBuilder.Entity("Shop.Order", b =>
                        {
                            b.Property<int>("Id");
                            b.Property<int>("CustomerId");
                            b.HasKey("Id");
                            b.HasIndex("CustomerId");
                            b.ToTable("Orders");
                        });
                }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source, EfVersion.Ef8, DbProvider.None, null);
    }

    [Fact]
    public async Task NonConstantColumnsOrBrokenCode_NoDiagnostic()
    {
        const string source = """
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240101000000_Initial")]
            public class Initial : Migration
            {
                private static readonly string[] Columns = { "A" };

                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.CreateIndex(name: "IX_T_A_B", table: "T", columns: new[] { "A", "B" });
                    migrationBuilder.CreateIndex(name: "IX_T_A", table: "T", columns: Columns);
                    migrationBuilder.CreateIndex(name: "IX_T_X", table: "T", columns: new[] { "A", });
                    migrationBuilder.CreateIndex(name: , table: "T", column: "A");
                }
            }
            """;
        var test = new VerifyCS.Test { TestCode = source, CompilerDiagnostics = Microsoft.CodeAnalysis.Testing.CompilerDiagnostics.None };
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("MIG063").WithSpan(12, 9, 12, 90).WithArguments("IX_T_X", "T", "A", "is a leading prefix of", "IX_T_A_B", "A, B"));
        await test.RunAsync();
    }
}
