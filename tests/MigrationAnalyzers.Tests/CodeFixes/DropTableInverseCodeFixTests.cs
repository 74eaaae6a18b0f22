using System.Threading.Tasks;
using MigrationAnalyzers.Tests.Reversibility;
using VerifyCS = MigrationAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<MigrationAnalyzers.Rules.DownEmptyRule, MigrationAnalyzers.CodeFixes.Rules.DownEmptyCodeFix>;

namespace MigrationAnalyzers.Tests.CodeFixes;

/// <summary>DropTable's inverse: the table re-created from the schema history (columns, keys, indexes).</summary>
public class DropTableInverseCodeFixTests
{
    public const string CreateTags = """
        using Microsoft.EntityFrameworkCore;
        using Microsoft.EntityFrameworkCore.Migrations;

        namespace App.Migrations
        {
            [Migration("20240101500000_CreateTags")]
            public partial class CreateTags : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.CreateTable(
                        name: "Tags",
                        columns: table => new
                        {
                            Id = table.Column<int>(type: "INTEGER", nullable: false)
                                .Annotation("Sqlite:Autoincrement", true),
                            Name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                            BlogId = table.Column<int>(type: "INTEGER", nullable: false)
                        },
                        constraints: table =>
                        {
                            table.PrimaryKey("PK_Tags", x => x.Id);
                            table.UniqueConstraint("AK_Tags_Name", x => x.Name);
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
                }

                protected override void BuildTargetModel(ModelBuilder modelBuilder)
                {
                    modelBuilder.Entity("Blog", b =>
                    {
                        b.Property<int>("Id").ValueGeneratedOnAdd().HasColumnType("INTEGER");
                        b.Property<string>("Title").IsRequired().HasMaxLength(100).HasColumnType("TEXT");
                        b.HasKey("Id");
                        b.ToTable("Blogs");
                    });
                    modelBuilder.Entity("Tag", b =>
                    {
                        b.Property<int>("Id").ValueGeneratedOnAdd().HasColumnType("INTEGER");
                        b.Property<string>("Name").IsRequired().HasMaxLength(50).HasColumnType("TEXT");
                        b.Property<int>("BlogId").HasColumnType("INTEGER");
                        b.HasKey("Id");
                        b.HasAlternateKey("Name");
                        b.HasIndex("BlogId");
                        b.ToTable("Tags");
                    });
                    modelBuilder.Entity("Tag", b =>
                    {
                        b.HasOne("Blog", null).WithMany().HasForeignKey("BlogId").OnDelete(DeleteBehavior.Cascade).IsRequired();
                    });
                }
            }
        }
        """;

    public const string Source = """
        using Microsoft.EntityFrameworkCore.Migrations;

        namespace App.Migrations
        {
            [Migration("20240102000000_DropTags")]
            public partial class DropTags : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.DropTable(
                        name: "Tags");
                }

                protected override void {|#0:Down|}(MigrationBuilder migrationBuilder)
                {
                }
            }
        }
        """;

    public const string FixedSource = """
        using Microsoft.EntityFrameworkCore.Migrations;

        namespace App.Migrations
        {
            [Migration("20240102000000_DropTags")]
            public partial class DropTags : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.DropTable(
                        name: "Tags");
                }

                protected override void Down(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.CreateTable(
                        name: "Tags",
                        columns: table => new
                        {
                            Id = table.Column<int>(type: "INTEGER", nullable: false)
                                .Annotation("Sqlite:Autoincrement", true),
                            Name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                            BlogId = table.Column<int>(type: "INTEGER", nullable: false)
                        },
                        constraints: table =>
                        {
                            table.PrimaryKey("PK_Tags", x => x.Id);
                            table.UniqueConstraint("AK_Tags_Name", x => x.Name);
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
            }
        }
        """;

    [Fact]
    public async Task DroppedTable_ReCreatedFromHistory()
    {
        var test = new VerifyCS.Test();
        test.TestState.Sources.Add(("/0/Baseline.cs", RoundTripBaseline.Source));
        test.TestState.Sources.Add(("/0/CreateTags.cs", CreateTags));
        test.TestState.Sources.Add(("/0/Test0.cs", Source));
        test.FixedState.Sources.Add(("/0/Baseline.cs", RoundTripBaseline.Source));
        test.FixedState.Sources.Add(("/0/CreateTags.cs", CreateTags));
        test.FixedState.Sources.Add(("/0/Test0.cs", FixedSource));
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("MIG041").WithLocation(0).WithArguments("DropTags"));
        await test.RunAsync();
    }

    [Fact]
    public async Task DroppedTableWithCheckConstraint_NoFix()
    {
        var history = CreateTags.Replace(
            "table.UniqueConstraint(\"AK_Tags_Name\", x => x.Name);",
            "table.UniqueConstraint(\"AK_Tags_Name\", x => x.Name);\n                table.CheckConstraint(\"CK_Tags_Name\", \"length(Name) > 0\");");
        var test = new VerifyCS.Test();
        test.TestState.Sources.Add(("/0/CreateTags.cs", history));
        test.TestState.Sources.Add(("/0/Test0.cs", Source));
        test.FixedState.Sources.Add(("/0/CreateTags.cs", history));
        test.FixedState.Sources.Add(("/0/Test0.cs", Source));
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("MIG041").WithLocation(0).WithArguments("DropTags"));
        test.FixedState.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("MIG041").WithLocation(0).WithArguments("DropTags"));
        await test.RunAsync();
    }
}
