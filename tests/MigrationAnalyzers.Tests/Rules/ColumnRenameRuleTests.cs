using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using MigrationAnalyzers.Tests.Verifiers;
using VerifyCS = MigrationAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<MigrationAnalyzers.Rules.ColumnRenameRule>;

namespace MigrationAnalyzers.Tests.Rules;

public class ColumnRenameRuleTests
{
    /// <summary>The first migration of a history: creates People (Id, Name, Email, Age).</summary>
    internal const string CreatePeople = """
        using Microsoft.EntityFrameworkCore.Migrations;

        [Migration("20240101000000_CreatePeople")]
        public class CreatePeople : Migration
        {
            protected override void Up(MigrationBuilder migrationBuilder)
            {
                migrationBuilder.CreateTable(
                    name: "People",
                    columns: table => new
                    {
                        Id = table.Column<int>(type: "INTEGER", nullable: false),
                        Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                        EmailAddress = table.Column<string>(type: "TEXT", nullable: false),
                        Age = table.Column<int>(type: "INTEGER", nullable: false),
                    },
                    constraints: table =>
                    {
                        table.PrimaryKey("PK_People", x => x.Id);
                    });
            }

            protected override void Down(MigrationBuilder migrationBuilder)
            {
                migrationBuilder.DropTable(name: "People");
            }
        }
        """;

    [Theory]
    [InlineData(EfVersion.Ef10)]
    [InlineData(EfVersion.Ef8)]
    public async Task DropAndAddWithDownReAdd_Reports(EfVersion version)
    {
        const string source = """
            using Microsoft.EntityFrameworkCore.Migrations;

            #nullable disable

            [Migration("20240201000000_RenameName")]
            public partial class RenameName : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    {|#0:migrationBuilder.DropColumn(
                        name: "Name",
                        table: "People")|};

                    migrationBuilder.AddColumn<string>(
                        name: "FullName",
                        table: "People",
                        type: "TEXT",
                        nullable: true);
                }

                protected override void Down(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.DropColumn(
                        name: "FullName",
                        table: "People");

                    migrationBuilder.AddColumn<string>(
                        name: "Name",
                        table: "People",
                        type: "TEXT",
                        nullable: true);
                }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source, version, DbProvider.None, null,
            VerifyCS.Diagnostic("MIG003").WithLocation(0).WithArguments("Name", "FullName", "People"));
    }

    /// <summary>A history whose operations do not show People (raw SQL); its target model does.</summary>
    internal const string SqlCreatedPeopleWithTargetModel = """
        using Microsoft.EntityFrameworkCore;
        using Microsoft.EntityFrameworkCore.Migrations;

        [Migration("20240101000000_Initial")]
        public class Initial : Migration
        {
            protected override void Up(MigrationBuilder migrationBuilder)
            {
                migrationBuilder.Sql("CREATE TABLE People (Id INTEGER PRIMARY KEY, Name TEXT, Visits INTEGER NOT NULL)");
            }

            protected override void BuildTargetModel(ModelBuilder modelBuilder)
            {
                modelBuilder.Entity("Person", b =>
                {
                    b.Property<int>("Id")
                        .ValueGeneratedOnAdd()
                        .HasColumnType("INTEGER");

                    b.Property<string>("DisplayName")
                        .HasMaxLength(100)
                        .HasColumnType("TEXT")
                        .HasColumnName("Name");

                    b.Property<int>("Visits")
                        .HasColumnType("INTEGER");

                    b.HasKey("Id");

                    b.ToTable("People", (string)null);
                });
            }
        }
        """;

    [Theory]
    [InlineData(EfVersion.Ef10)]
    [InlineData(EfVersion.Ef8)]
    public async Task DefinitionFromPreviousTargetModel_Reports(EfVersion version)
    {
        const string source = """
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240201000000_RenameName")]
            public class RenameName : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    {|#0:migrationBuilder.DropColumn(name: "Name", table: "People")|};
                    migrationBuilder.AddColumn<string>(name: "FullName", table: "People", type: "TEXT", maxLength: 200, nullable: true);
                }
            }
            """;
        const string incompatible = """
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240201000000_RenameName")]
            public class RenameName : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.DropColumn(name: "Name", table: "People");
                    migrationBuilder.AddColumn<string>(name: "FullName", table: "People", type: "nvarchar(50)", maxLength: 50, nullable: true);
                }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(new[] { SqlCreatedPeopleWithTargetModel, source }, version, DbProvider.None, null,
            VerifyCS.Diagnostic("MIG003").WithLocation(0).WithArguments("Name", "FullName", "People"));
        await VerifyCS.VerifyAnalyzerAsync(new[] { SqlCreatedPeopleWithTargetModel, incompatible }, version, DbProvider.None, null);
    }

    [Theory]
    [InlineData(EfVersion.Ef10)]
    [InlineData(EfVersion.Ef8)]
    public async Task DefinitionFromHistory_AddBeforeDropWithSchemaAndWidening_Reports(EfVersion version)
    {
        const string source = """
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240201000000_RenameAge")]
            public class RenameAge : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.AddColumn<long>(
                        name: "AgeInYears",
                        table: "People",
                        type: "INTEGER",
                        nullable: false,
                        defaultValue: 0L);

                    {|#0:migrationBuilder.DropColumn(
                        name: "Age",
                        table: "People")|};
                }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(new[] { CreatePeople, source }, version, DbProvider.None, null,
            VerifyCS.Diagnostic("MIG003").WithLocation(0).WithArguments("Age", "AgeInYears", "People"));
    }

    [Theory]
    [InlineData(EfVersion.Ef10)]
    [InlineData(EfVersion.Ef8)]
    public async Task TwoSimilarPairsOnOneTable_ReportsBoth(EfVersion version)
    {
        const string source = """
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240201000000_RenameTwo")]
            public class RenameTwo : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    {|#0:migrationBuilder.DropColumn(name: "EmailAddress", table: "People")|};
                    {|#1:migrationBuilder.DropColumn(name: "Name", table: "People")|};
                    migrationBuilder.AddColumn<string>(name: "FullName", table: "People", type: "TEXT", maxLength: 200, nullable: true);
                    migrationBuilder.AddColumn<string>(name: "Email", table: "People", type: "TEXT", nullable: false, defaultValue: "");
                }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(new[] { CreatePeople, source }, version, DbProvider.None, null,
            VerifyCS.Diagnostic("MIG003").WithLocation(0).WithArguments("EmailAddress", "Email", "People"),
            VerifyCS.Diagnostic("MIG003").WithLocation(1).WithArguments("Name", "FullName", "People"));
    }

    [Theory]
    [InlineData(EfVersion.Ef10)]
    [InlineData(EfVersion.Ef8)]
    public async Task EfRenameColumnScaffolding_NoDiagnostic(EfVersion version)
    {
        const string source = """
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240201000000_RenameName")]
            public partial class RenameName : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.RenameColumn(
                        name: "Name",
                        table: "People",
                        newName: "FullName");
                }

                protected override void Down(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.RenameColumn(
                        name: "FullName",
                        table: "People",
                        newName: "Name");
                }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(new[] { CreatePeople, source }, version, DbProvider.None, null);
    }

    [Theory]
    [InlineData(EfVersion.Ef10)]
    [InlineData(EfVersion.Ef8)]
    public async Task TwoUnrelatedPairsWithDissimilarNames_NoDiagnostic(EfVersion version)
    {
        const string source = """
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240201000000_Reshape")]
            public class Reshape : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.DropColumn(name: "Name", table: "People");
                    migrationBuilder.DropColumn(name: "Age", table: "People");
                    migrationBuilder.AddColumn<string>(name: "Biography", table: "People", type: "TEXT", nullable: true);
                    migrationBuilder.AddColumn<int>(name: "Score", table: "People", type: "INTEGER", nullable: false, defaultValue: 0);
                }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(new[] { CreatePeople, source }, version, DbProvider.None, null);
    }

    [Theory]
    [InlineData(EfVersion.Ef10)]
    [InlineData(EfVersion.Ef8)]
    public async Task IncompatibleTypes_NoDiagnostic(EfVersion version)
    {
        // string → int, a shorter store type (TEXT is unbounded whatever maxLength says, nvarchar(50) is not:
        // the same judgement as MIG005's), nullable → NOT NULL: none can take the old values.
        const string source = """
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240201000000_Retype")]
            public class Retype : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.DropColumn(name: "Name", table: "People");
                    migrationBuilder.AddColumn<int>(name: "NameId", table: "People", type: "INTEGER", nullable: true);
                }
            }
            """;
        const string shorter = """
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240301000000_Shorten")]
            public class Shorten : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.DropColumn(name: "EmailAddress", table: "People");
                    migrationBuilder.AddColumn<string>(name: "Email", table: "People", type: "nvarchar(50)", maxLength: 50, nullable: false, defaultValue: "");
                }
            }
            """;
        const string required = """
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240401000000_Require")]
            public class Require : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.DropColumn(name: "Name", table: "People");
                    migrationBuilder.AddColumn<string>(name: "FullName", table: "People", type: "TEXT", maxLength: 100, nullable: false, defaultValue: "");
                }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(new[] { CreatePeople, source }, version, DbProvider.None, null);
        await VerifyCS.VerifyAnalyzerAsync(new[] { CreatePeople, shorter }, version, DbProvider.None, null);
        await VerifyCS.VerifyAnalyzerAsync(new[] { CreatePeople, required }, version, DbProvider.None, null);
    }

    [Fact]
    public async Task OldDefinitionUnknown_NoDiagnostic()
    {
        // No Down re-add and no migration creating People: the dropped column's type is unknown.
        const string source = """
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240201000000_RenameName")]
            public class RenameName : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.DropColumn(name: "Name", table: "People");
                    migrationBuilder.AddColumn<string>(name: "FullName", table: "People", nullable: true);
                }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task NonConstantNames_NoDiagnostic()
    {
        const string source = """
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240201000000_RenameName")]
            public class RenameName : Migration
            {
                private readonly string _column = System.Environment.GetEnvironmentVariable("C") ?? "FullName";

                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.DropColumn(name: "Name", table: "People");
                    migrationBuilder.AddColumn<string>(name: _column, table: "People", type: "TEXT", maxLength: 100, nullable: true);
                }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(new[] { CreatePeople, source }, EfVersion.Ef10, DbProvider.None, null);
    }

    [Fact]
    public async Task ExpandContractWithSqlCopy_NoDiagnostic()
    {
        // MIG005's own fix: the data is copied by Sql before the drop, then the new column is renamed back.
        const string source = """
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240201000000_WidenName")]
            public class WidenName : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.AddColumn<string>(name: "Name_new", table: "People", type: "TEXT", maxLength: 200, nullable: true);
                    migrationBuilder.Sql("UPDATE \"People\" SET \"Name_new\" = \"Name\"");
                    migrationBuilder.DropColumn(name: "Name", table: "People");
                    migrationBuilder.RenameColumn(name: "Name_new", table: "People", newName: "Name");
                }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(new[] { CreatePeople, source }, EfVersion.Ef10, DbProvider.None, null);
    }

    [Fact]
    public async Task OtherProvidersBranch_NoDiagnostic()
    {
        const string source = """
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240201000000_RenameName")]
            public class RenameName : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    if (migrationBuilder.ActiveProvider == "Npgsql.EntityFrameworkCore.PostgreSQL")
                    {
                        migrationBuilder.DropColumn(name: "Name", table: "People");
                        migrationBuilder.AddColumn<string>(name: "FullName", table: "People", type: "TEXT", maxLength: 100, nullable: true);
                    }
                }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(new[] { CreatePeople, source }, EfVersion.Ef10, DbProvider.None, TestSetup.Options(("provider", "sqlserver")));
    }

    [Fact]
    public async Task BrokenCode_NoCrash()
    {
        const string source = """
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240201000000_RenameName")]
            public class RenameName : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.DropColumn(table: "People");
                    migrationBuilder.AddColumn<string>(name: "FullName", table: "People", nullable: true);
                    migrationBuilder.DropColumn(name: "Name", table: "People")
                }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(new[] { CreatePeople, source }, EfVersion.Ef10, DbProvider.None, null,
            DiagnosticResult.CompilerError("CS7036").WithSpan("/0/Migration1.cs", 8, 26, 8, 36).WithArguments("name", "Microsoft.EntityFrameworkCore.Migrations.MigrationBuilder.DropColumn(string, string, string?)"),
            DiagnosticResult.CompilerError("CS1002").WithSpan("/0/Migration1.cs", 10, 67, 10, 67));
    }
}
