using System.Threading.Tasks;
using MigrationAnalyzers.Tests.Verifiers;
using VerifyCS = MigrationAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<MigrationAnalyzers.Rules.DownDefinitionMismatchRule>;

namespace MigrationAnalyzers.Tests.Rules;

public class DownDefinitionMismatchRuleTests
{
    internal const string InitialBlogs = """
        using Microsoft.EntityFrameworkCore.Migrations;

        [Migration("20230101000000_Initial")]
        public class Initial : Migration
        {
            protected override void Up(MigrationBuilder migrationBuilder)
            {
                migrationBuilder.CreateTable(
                    name: "Blogs",
                    columns: table => new
                    {
                        Id = table.Column<int>(type: "INTEGER", nullable: false),
                        Url = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                        Rating = table.Column<int>(type: "INTEGER", nullable: false)
                    },
                    constraints: table =>
                    {
                        table.PrimaryKey("PK_Blogs", x => x.Id);
                    });

                migrationBuilder.CreateIndex(
                    name: "IX_Blogs_Url",
                    table: "Blogs",
                    column: "Url",
                    unique: true);
            }

            protected override void Down(MigrationBuilder migrationBuilder)
            {
                migrationBuilder.DropTable(
                    name: "Blogs");
            }
        }
        """;

    [Theory]
    [InlineData(EfVersion.Ef10)]
    [InlineData(EfVersion.Ef8)]
    public async Task AlterColumnBackToOtherLength_Reports(EfVersion version)
    {
        const string source = """
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240101000000_LongerUrl")]
            public class LongerUrl : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.AlterColumn<string>(
                        name: "Url",
                        table: "Blogs",
                        type: "TEXT",
                        maxLength: 500,
                        nullable: false,
                        oldClrType: typeof(string),
                        oldType: "TEXT",
                        oldMaxLength: 200);
                }

                protected override void Down(MigrationBuilder migrationBuilder)
                {
                    {|#0:migrationBuilder.AlterColumn<string>(
                        name: "Url",
                        table: "Blogs",
                        type: "TEXT",
                        maxLength: 100,
                        nullable: false,
                        oldClrType: typeof(string),
                        oldType: "TEXT",
                        oldMaxLength: 500)|};
                }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source, version, DbProvider.None, null,
            VerifyCS.Diagnostic("MIG045").WithLocation(0).WithArguments("AlterColumn 'Url' on 'Blogs'", "maxLength: 100 instead of 200"));
    }

    [Theory]
    [InlineData(EfVersion.Ef10)]
    [InlineData(EfVersion.Ef8)]
    public async Task ReAddedColumnDiffersFromHistory_Reports(EfVersion version)
    {
        const string source = """
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240101000000_DropRating")]
            public class DropRating : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.DropIndex(name: "IX_Blogs_Url", table: "Blogs");
                    migrationBuilder.DropColumn(name: "Rating", table: "Blogs");
                }

                protected override void Down(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.AddColumn<int>(name: "Rating", table: "Blogs", type: "INTEGER", nullable: true);
                    migrationBuilder.CreateIndex(name: "IX_Blogs_Url", table: "Blogs", column: "Url");
                }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(new[] { InitialBlogs, source }, version, DbProvider.None, null,
            VerifyCS.Diagnostic("MIG045").WithLocation("/0/Migration1.cs", 14, 9).WithArguments("AddColumn 'Rating' on 'Blogs'", "nullable: true instead of false"),
            VerifyCS.Diagnostic("MIG045").WithLocation("/0/Migration1.cs", 15, 9).WithArguments("CreateIndex 'IX_Blogs_Url' on 'Blogs'", "unique: false instead of true"));
    }

    [Theory]
    [InlineData(EfVersion.Ef10)]
    [InlineData(EfVersion.Ef8)]
    public async Task OldArgumentsContradictHistory_NoDiagnostic(EfVersion version)
    {
        // Up's old… come from another provider's snapshot (Url was TEXT(200) per the history, not
        // nvarchar(max)); the hand-fixed Down restores the real definition. Rating's old… agree with
        // the history and Down restores something else: reported.
        const string source = """
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240101000000_Wider")]
            public class Wider : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.AlterColumn<string>(name: "Url", table: "Blogs", type: "TEXT", maxLength: 500, nullable: false, oldClrType: typeof(string), oldType: "nvarchar(max)");
                    migrationBuilder.AlterColumn<long>(name: "Rating", table: "Blogs", type: "INTEGER", nullable: false, oldClrType: typeof(int), oldType: "INTEGER");
                }

                protected override void Down(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.AlterColumn<string>(name: "Url", table: "Blogs", type: "TEXT", maxLength: 200, nullable: false, oldClrType: typeof(string), oldType: "TEXT", oldMaxLength: 500);
                    {|#0:migrationBuilder.AlterColumn<int>(name: "Rating", table: "Blogs", type: "INTEGER", nullable: true, oldClrType: typeof(long), oldType: "INTEGER")|};
                }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(new[] { InitialBlogs, source }, version, DbProvider.None, null,
            VerifyCS.Diagnostic("MIG045").WithLocation(0).WithArguments("AlterColumn 'Rating' on 'Blogs'", "nullable: true instead of false"));
    }

    private const string SqliteEvents = """
        using System;
        using Microsoft.EntityFrameworkCore.Migrations;

        [Migration("20230101000000_Events")]
        public class Events : Migration
        {
            protected override void Up(MigrationBuilder migrationBuilder)
            {
                migrationBuilder.CreateTable(
                    name: "Events",
                    columns: table => new
                    {
                        Id = table.Column<int>(type: "INTEGER", nullable: false),
                        Created = table.Column<DateTime>(type: "TEXT", nullable: false)
                    });
            }

            protected override void Down(MigrationBuilder migrationBuilder)
            {
                migrationBuilder.DropTable(name: "Events");
            }
        }
        """;

    [Theory]
    [InlineData(EfVersion.Ef10, "TEXT", null)]
    [InlineData(EfVersion.Ef8, "TEXT", null)]
    [InlineData(EfVersion.Ef10, "INTEGER", "type 'INTEGER' instead of 'TEXT'")]
    [InlineData(EfVersion.Ef8, "INTEGER", "type 'INTEGER' instead of 'TEXT'")]
    public async Task StoreTypesCompared_NotClrTypes(EfVersion version, string storeType, string? difference)
    {
        // The model changed DateTime to DateTimeOffset, which EF scaffolds no operation for on SQLite (both TEXT).
        var source = """
            using System;
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240101000000_DropCreated")]
            public class DropCreated : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.DropColumn(name: "Created", table: "Events");
                }

                protected override void Down(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.AddColumn<DateTimeOffset>(name: "Created", table: "Events", type: "STORE", nullable: false, defaultValue: DateTimeOffset.MinValue);
                }
            }
            """.Replace("STORE", storeType);
        var expected = difference is null
            ? System.Array.Empty<Microsoft.CodeAnalysis.Testing.DiagnosticResult>()
            : new[] { VerifyCS.Diagnostic("MIG045").WithLocation("/0/Migration1.cs", 14, 9).WithArguments("AddColumn 'Created' on 'Events'", difference) };
        await VerifyCS.VerifyAnalyzerAsync(new[] { SqliteEvents, source }, version, DbProvider.None, null, expected);
    }

    private const string OrdersWithShipping = """
        using Microsoft.EntityFrameworkCore;
        using Microsoft.EntityFrameworkCore.Migrations;

        [Migration("20230101000000_Orders")]
        public class Orders : Migration
        {
            protected override void Up(MigrationBuilder migrationBuilder)
            {
                migrationBuilder.CreateTable(
                    name: "Orders",
                    columns: table => new
                    {
                        Id = table.Column<int>(type: "INTEGER", nullable: false),
                        Shipping_City = table.Column<string>(type: "TEXT", nullable: false)
                    });
            }

            protected override void Down(MigrationBuilder migrationBuilder)
            {
                migrationBuilder.DropTable(name: "Orders");
            }
        }

        [Migration("20230201000000_OptionalShipping")]
        public class OptionalShipping : Migration
        {
            protected override void Up(MigrationBuilder migrationBuilder)
            {
                migrationBuilder.Sql("-- the Shipping columns were made nullable by hand on every database");
            }

            protected override void Down(MigrationBuilder migrationBuilder)
            {
            }

            protected override void BuildTargetModel(ModelBuilder modelBuilder)
            {
                modelBuilder.Entity("Shop.Order", b =>
                {
                    b.Property<int>("Id")
                        .ValueGeneratedOnAdd()
                        .HasColumnType("INTEGER");

                    b.HasKey("Id");

                    b.ToTable("Orders");
                });

                modelBuilder.Entity("Shop.Order", b =>
                {
                    b.OwnsOne("Shop.Address", "Shipping", b1 =>
                    {
                        b1.Property<int>("OrderId")
                            .HasColumnType("INTEGER");

                        b1.Property<string>("City")
                            .IsRequired()
                            .HasColumnType("TEXT");

                        b1.HasKey("OrderId");

                        b1.ToTable("Orders");

                        b1.WithOwner()
                            .HasForeignKey("OrderId");
                    });
                    REQUIRED
                });
            }
        }
        """;

    [Theory]
    [InlineData(EfVersion.Ef10, "", null)]
    [InlineData(EfVersion.Ef8, "", null)]
    [InlineData(EfVersion.Ef10, "b.Navigation(\"Shipping\").IsRequired();", "nullable: true instead of false")]
    [InlineData(EfVersion.Ef8, "b.Navigation(\"Shipping\").IsRequired();", "nullable: true instead of false")]
    public async Task OptionalOwnedTypeColumns_AreNullableInThePreviousTargetModel(EfVersion version, string required, string? difference)
    {
        const string source = """
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240101000000_DropShippingCity")]
            public class DropShippingCity : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.DropColumn(name: "Shipping_City", table: "Orders");
                }

                protected override void Down(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.AddColumn<string>(name: "Shipping_City", table: "Orders", type: "TEXT", nullable: true);
                }
            }
            """;
        var expected = difference is null
            ? System.Array.Empty<Microsoft.CodeAnalysis.Testing.DiagnosticResult>()
            : new[] { VerifyCS.Diagnostic("MIG045").WithLocation("/0/Migration1.cs", 13, 9).WithArguments("AddColumn 'Shipping_City' on 'Orders'", difference) };
        await VerifyCS.VerifyAnalyzerAsync(new[] { OrdersWithShipping.Replace("REQUIRED", required), source }, version, DbProvider.None, null, expected);
    }

    [Fact]
    public async Task OldLessAlterColumn_ComparedWithHistory()
    {
        const string source = """
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240101000000_OptionalUrl")]
            public class OptionalUrl : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.AlterColumn<string>(name: "Url", table: "Blogs", type: "TEXT", maxLength: 200, nullable: true);
                }

                protected override void Down(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.AlterColumn<string>(name: "Url", table: "Blogs", type: "TEXT", maxLength: 200, nullable: true);
                }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(new[] { InitialBlogs, source }, EfVersion.Ef10, DbProvider.None, null,
            VerifyCS.Diagnostic("MIG045").WithLocation("/0/Migration1.cs", 13, 9).WithArguments("AlterColumn 'Url' on 'Blogs'", "nullable: true instead of false"));
    }

    [Fact]
    public async Task RestoredDefinition_NoDiagnostic()
    {
        const string source = """
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240101000000_DropRating")]
            public class DropRating : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.DropColumn(name: "Rating", table: "Blogs");
                    migrationBuilder.AlterColumn<string>(name: "Url", table: "Blogs", type: "TEXT", nullable: true);
                }

                protected override void Down(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.AlterColumn<string>(name: "Url", table: "Blogs", type: "TEXT", maxLength: 200, nullable: false, defaultValue: "");
                    migrationBuilder.AddColumn<int>(name: "Rating", table: "Blogs", type: "INTEGER", nullable: false, defaultValue: 0);
                }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(new[] { InitialBlogs, source }, EfVersion.Ef10, DbProvider.None, null);
    }

    [Fact]
    public async Task UnknownHistory_NoDiagnostic()
    {
        const string source = """
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240101000000_DropRating")]
            public class DropRating : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.DropColumn(name: "Rating", table: "Blogs");
                }

                protected override void Down(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.AddColumn<int>(name: "Rating", table: "Blogs", nullable: true);
                }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task ReCreatedTableMissingColumn_Reports()
    {
        const string source = """
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240101000000_DropBlogs")]
            public class DropBlogs : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.DropTable(name: "Blogs");
                }

                protected override void Down(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.CreateTable(
                        name: "Blogs",
                        columns: table => new
                        {
                            Id = table.Column<int>(type: "INTEGER", nullable: false),
                            Url = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                        },
                        constraints: table => table.PrimaryKey("PK_Blogs", x => x.Id));
                    migrationBuilder.CreateIndex(name: "IX_Blogs_Url", table: "Blogs", column: "Url", unique: true);
                }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(new[] { InitialBlogs, source }, EfVersion.Ef10, DbProvider.None, null,
            VerifyCS.Diagnostic("MIG045").WithLocation("/0/Migration1.cs", 13, 9).WithArguments("CreateTable 'Blogs'", "column 'Rating' is missing"));
    }
}
