using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using MigrationAnalyzers.Tests.Verifiers;
using VerifyCS = MigrationAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<MigrationAnalyzers.Rules.UniqueOnExistingTableRule>;

namespace MigrationAnalyzers.Tests.Rules;

public class UniqueOnExistingTableRuleTests
{
    private const string CreateUsers = """
        using Microsoft.EntityFrameworkCore.Migrations;

        [Migration("20240101000000_CreateUsers")]
        public class CreateUsers : Migration
        {
            protected override void Up(MigrationBuilder migrationBuilder)
            {
                migrationBuilder.CreateTable(
                    name: "Users",
                    columns: table => new
                    {
                        Id = table.Column<int>(type: "integer", nullable: false),
                        Email = table.Column<string>(type: "text", nullable: true),
                        Code = table.Column<string>(type: "text", nullable: true)
                    },
                    constraints: table =>
                    {
                        table.PrimaryKey("PK_Users", x => x.Id);
                    });

                migrationBuilder.CreateIndex(
                    name: "IX_Users_Email",
                    table: "Users",
                    column: "Email");
            }
        }
        """;

    [Theory]
    [InlineData(EfVersion.Ef10)]
    [InlineData(EfVersion.Ef8)]
    public async Task UniqueKeysOnExistingTable_ReportInfo(EfVersion version)
    {
        const string source = """
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240201000000_UniqueUsers")]
            public class UniqueUsers : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    {|#0:migrationBuilder.CreateIndex(
                        name: "IX_Users_Email",
                        table: "Users",
                        column: "Email",
                        unique: true)|};

                    {|#1:migrationBuilder.AddUniqueConstraint(
                        name: "AK_Users_TenantId_Code",
                        table: "Users",
                        columns: new[] { "TenantId", "Code" })|};

                    {|#2:migrationBuilder.AddPrimaryKey(
                        name: "PK_Logins",
                        schema: "auth",
                        table: "Logins",
                        column: "Id")|};
                }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source, version, DbProvider.None, null,
            VerifyCS.Diagnostic("MIG023").WithLocation(0).WithSeverity(DiagnosticSeverity.Info).WithArguments("Unique index", "IX_Users_Email", "Email", "Users"),
            VerifyCS.Diagnostic("MIG023").WithLocation(1).WithArguments("Unique constraint", "AK_Users_TenantId_Code", "TenantId, Code", "Users"),
            VerifyCS.Diagnostic("MIG023").WithLocation(2).WithArguments("Primary key", "PK_Logins", "Id", "auth.Logins"));
    }

    [Theory]
    [InlineData(EfVersion.Ef10)]
    [InlineData(EfVersion.Ef8)]
    public async Task EfScaffoldingOfNewTableWithUniqueIndex_NoDiagnostic(EfVersion version)
    {
        const string source = """
            using Microsoft.EntityFrameworkCore.Migrations;

            #nullable disable

            [Migration("20240101000000_AddTags")]
            public partial class AddTags : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.EnsureSchema(
                        name: "blog");

                    migrationBuilder.CreateTable(
                        name: "Tags",
                        schema: "blog",
                        columns: table => new
                        {
                            Id = table.Column<int>(type: "INTEGER", nullable: false)
                                .Annotation("Sqlite:Autoincrement", true),
                            Slug = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                            Name = table.Column<string>(type: "TEXT", nullable: false)
                        },
                        constraints: table =>
                        {
                            table.PrimaryKey("PK_Tags", x => x.Id);
                            table.UniqueConstraint("AK_Tags_Name", x => x.Name);
                        });

                    migrationBuilder.CreateIndex(
                        name: "IX_Tags_Slug",
                        schema: "blog",
                        table: "Tags",
                        column: "Slug",
                        unique: true);
                }

                protected override void Down(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.DropTable(
                        name: "Tags",
                        schema: "blog");
                }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source, version, DbProvider.None, null);
    }

    [Fact]
    public async Task NonUniqueIndexOnExistingTable_NoDiagnostic()
    {
        const string source = """
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240201000000_IndexEmail")]
            public class IndexEmail : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.CreateIndex(name: "IX_Users_Email", table: "Users", column: "Email");
                    migrationBuilder.CreateIndex(name: "IX_Users_Code", table: "Users", column: "Code", unique: false);
                }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task KeyColumnsAddedEmptyInThisUp_NoDiagnostic()
    {
        const string source = """
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240201000000_AddExternalId")]
            public class AddExternalId : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.AddColumn<string>(name: "ExternalId", table: "Users", type: "text", nullable: true);
                    migrationBuilder.AddColumn<int>(name: "Realm", table: "Users", nullable: true);
                    migrationBuilder.CreateIndex(name: "IX_Users_ExternalId_Realm", table: "Users", columns: new[] { "ExternalId", "Realm" }, unique: true);
                    migrationBuilder.AddUniqueConstraint("AK_Users_ExternalId", "Users", "ExternalId");
                }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source);
    }

    [Theory]
    [InlineData("nullable: true, defaultValue: \"none\"")]
    [InlineData("nullable: true, defaultValueSql: \"'none'\"")]
    [InlineData("nullable: true, computedColumnSql: \"lower(\\\"Email\\\")\"")]
    [InlineData("nullable: false, defaultValue: \"\"")]
    [InlineData("nullable: false")]
    public async Task KeyColumnAddedWithValue_Reports(string definition)
    {
        var source = $$"""
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240201000000_AddExternalId")]
            public class AddExternalId : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.AddColumn<string>(name: "ExternalId", table: "Users", {{definition}});
                    {|#0:migrationBuilder.CreateIndex(name: "IX_Users_ExternalId", table: "Users", column: "ExternalId", unique: true)|};
                }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source, VerifyCS.Diagnostic("MIG023").WithLocation(0).WithArguments("Unique index", "IX_Users_ExternalId", "ExternalId", "Users"));
    }

    [Theory]
    [InlineData("migrationBuilder.Sql(\"UPDATE \\\"Users\\\" SET \\\"ExternalId\\\" = \\\"Email\\\"\");")]
    [InlineData("migrationBuilder.UpdateData(table: \"Users\", keyColumn: \"Id\", keyValue: 1, column: \"ExternalId\", value: \"a\");")]
    [InlineData("migrationBuilder.AlterColumn<string>(name: \"ExternalId\", table: \"Users\", nullable: false, defaultValue: \"\", oldClrType: typeof(string), oldNullable: true);")]
    public async Task EmptyColumnFilledBeforeTheKey_Reports(string fill)
    {
        var source = $$"""
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240201000000_AddExternalId")]
            public class AddExternalId : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.AddColumn<string>(name: "ExternalId", table: "Users", nullable: true);
                    {{fill}}
                    {|#0:migrationBuilder.CreateIndex(name: "IX_Users_ExternalId", table: "Users", column: "ExternalId", unique: true)|};
                }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source, VerifyCS.Diagnostic("MIG023").WithLocation(0).WithArguments("Unique index", "IX_Users_ExternalId", "ExternalId", "Users"));
    }

    [Fact]
    public async Task OnlySomeKeyColumnsAddedEmpty_Reports()
    {
        const string source = """
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240201000000_AddRealm")]
            public class AddRealm : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.AddColumn<int>(name: "Realm", table: "Users", nullable: true);
                    {|#0:migrationBuilder.CreateIndex(name: "IX_Users_Email_Realm", table: "Users", columns: new[] { "Email", "Realm" }, unique: true)|};
                }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source, VerifyCS.Diagnostic("MIG023").WithLocation(0).WithArguments("Unique index", "IX_Users_Email_Realm", "Email, Realm", "Users"));
    }

    [Theory]
    [InlineData(EfVersion.Ef10)]
    [InlineData(EfVersion.Ef8)]
    public async Task EfScaffoldingOfRenamedTable_NoDiagnostic(EfVersion version)
    {
        // What `dotnet ef migrations add` writes for ToTable("Members") on an entity with an alternate key.
        const string source = """
            using Microsoft.EntityFrameworkCore.Migrations;

            #nullable disable

            [Migration("20240201000000_RenameUsersToMembers")]
            public partial class RenameUsersToMembers : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.DropUniqueConstraint(
                        name: "AK_Users_Code",
                        table: "Users");

                    migrationBuilder.DropPrimaryKey(
                        name: "PK_Users",
                        table: "Users");

                    migrationBuilder.RenameTable(
                        name: "Users",
                        newName: "Members");

                    migrationBuilder.RenameIndex(
                        name: "IX_Users_Email",
                        table: "Members",
                        newName: "IX_Members_Email");

                    migrationBuilder.AddUniqueConstraint(
                        name: "AK_Members_Code",
                        table: "Members",
                        column: "Code");

                    migrationBuilder.AddPrimaryKey(
                        name: "PK_Members",
                        table: "Members",
                        column: "Id");
                }

                protected override void Down(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.DropUniqueConstraint(
                        name: "AK_Members_Code",
                        table: "Members");

                    migrationBuilder.DropPrimaryKey(
                        name: "PK_Members",
                        table: "Members");

                    migrationBuilder.RenameTable(
                        name: "Members",
                        newName: "Users");

                    migrationBuilder.AddUniqueConstraint(
                        name: "AK_Users_Code",
                        table: "Users",
                        column: "Code");

                    migrationBuilder.AddPrimaryKey(
                        name: "PK_Users",
                        table: "Users",
                        column: "Id");
                }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source, version, DbProvider.None, null);
        await VerifyCS.VerifyAnalyzerAsync(new[] { CreateUsers.Replace("x => x.Id);", "x => x.Id); table.UniqueConstraint(\"AK_Users_Code\", x => x.Code);"), source }, version, DbProvider.None, null);
    }

    [Fact]
    public async Task IndexMadeUnique_Reports()
    {
        // EF scaffolds DropIndex + CreateIndex(unique: true) when an index becomes unique: the rows were never checked.
        const string source = """
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240201000000_UniqueEmail")]
            public class UniqueEmail : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.DropIndex(name: "IX_Users_Email", table: "Users");
                    {|#0:migrationBuilder.CreateIndex(name: "IX_Users_Email", table: "Users", column: "Email", unique: true)|};
                }
            }
            """;
        var expected = VerifyCS.Diagnostic("MIG023").WithLocation(0).WithArguments("Unique index", "IX_Users_Email", "Email", "Users");
        await VerifyCS.VerifyAnalyzerAsync(source, expected);
        await VerifyCS.VerifyAnalyzerAsync(new[] { CreateUsers, source }, EfVersion.Ef10, DbProvider.None, null, expected);
    }

    [Fact]
    public async Task UniqueIndexRecreatedOrCoveredByExistingKey_NoDiagnostic()
    {
        // Known history: IX_Users_Code was unique; re-created with a filter it cannot fail. (Id, Email) contains the primary key.
        const string source = """
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240201000000_FilterCode")]
            public class FilterCode : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.DropIndex(name: "IX_Users_Code", table: "Users");
                    migrationBuilder.CreateIndex(name: "IX_Users_Code", table: "Users", column: "Code", unique: true, filter: "\"Code\" IS NOT NULL");
                    migrationBuilder.CreateIndex(name: "IX_Users_Id_Email", table: "Users", columns: new[] { "Id", "Email" }, unique: true);
                }
            }
            """;
        var history = CreateUsers.Replace("""column: "Email");""", """column: "Email"); migrationBuilder.CreateIndex(name: "IX_Users_Code", table: "Users", column: "Code", unique: true);""");
        await VerifyCS.VerifyAnalyzerAsync(new[] { history, source }, EfVersion.Ef10, DbProvider.None, null);
    }

    [Fact]
    public async Task PrimaryKeyChangedOnKnownTable_Reports()
    {
        const string source = """
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240201000000_KeyByCode")]
            public class KeyByCode : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.DropPrimaryKey(name: "PK_Users", table: "Users");
                    {|#0:migrationBuilder.AddPrimaryKey(name: "PK_Users", table: "Users", column: "Code")|};
                }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(new[] { CreateUsers, source }, EfVersion.Ef10, DbProvider.None, null,
            VerifyCS.Diagnostic("MIG023").WithLocation(0).WithArguments("Primary key", "PK_Users", "Code", "Users"));
    }

    [Fact]
    public async Task Baseline_SilentAtOrBeforeItAndForTablesCreatedAfterIt()
    {
        const string afterBaselineCreate = """
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240301000000_CreateTeams")]
            public class CreateTeams : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.CreateTable(
                        name: "Teams",
                        columns: table => new { Id = table.Column<int>(nullable: false), Name = table.Column<string>(nullable: true) });
                }
            }
            """;
        const string atBaseline = """
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240201000000_UniqueEmail")]
            public class UniqueEmail : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder) =>
                    {|#1:migrationBuilder.CreateIndex(name: "IX_Users_Email2", table: "Users", column: "Email", unique: true)|};
            }
            """;
        const string afterBaseline = """
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240401000000_UniqueNames")]
            public class UniqueNames : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    {|#2:migrationBuilder.CreateIndex(name: "IX_Teams_Name", table: "Teams", column: "Name", unique: true)|};
                    {|#0:migrationBuilder.CreateIndex(name: "IX_Users_Code", table: "Users", column: "Code", unique: true)|};
                }
            }
            """;
        var sources = new[] { CreateUsers, afterBaselineCreate, atBaseline, afterBaseline };
        await VerifyCS.VerifyAnalyzerAsync(sources, EfVersion.Ef10, DbProvider.None, TestSetup.Options(("baseline", "20240201000000_UniqueEmail")),
            VerifyCS.Diagnostic("MIG023").WithLocation(0).WithArguments("Unique index", "IX_Users_Code", "Code", "Users"));

        // Without a baseline every table this Up did not create is existing, Teams included.
        await VerifyCS.VerifyAnalyzerAsync(sources, EfVersion.Ef10, DbProvider.None, null,
            VerifyCS.Diagnostic("MIG023").WithLocation(1).WithArguments("Unique index", "IX_Users_Email2", "Email", "Users"),
            VerifyCS.Diagnostic("MIG023").WithLocation(2).WithArguments("Unique index", "IX_Teams_Name", "Name", "Teams"),
            VerifyCS.Diagnostic("MIG023").WithLocation(0).WithArguments("Unique index", "IX_Users_Code", "Code", "Users"));
    }

    [Fact]
    public async Task Baseline_TableCreatedAfterItAndRenamedInThisUp_IsNotExisting()
    {
        const string createTeams = """
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240301000000_CreateTeams")]
            public class CreateTeams : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder) =>
                    migrationBuilder.CreateTable(name: "Teams", columns: table => new { Id = table.Column<int>(nullable: false), Name = table.Column<string>(nullable: true) });
            }
            """;
        const string renameAndIndex = """
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240401000000_Squads")]
            public class Squads : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.RenameTable(name: "Teams", newName: "Squads");
                    migrationBuilder.RenameTable(name: "Users", newName: "Members");
                    migrationBuilder.CreateIndex(name: "IX_Squads_Name", table: "Squads", column: "Name", unique: true);
                    {|#0:migrationBuilder.CreateIndex(name: "IX_Members_Code", table: "Members", column: "Code", unique: true)|};
                }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(new[] { CreateUsers, createTeams, renameAndIndex }, EfVersion.Ef10, DbProvider.None, TestSetup.Options(("baseline", "20240201000000_Baseline")),
            VerifyCS.Diagnostic("MIG023").WithLocation(0).WithArguments("Unique index", "IX_Members_Code", "Code", "Members"));
    }

    [Theory]
    [InlineData("postgresql", false)]
    [InlineData("sqlserver", true)]
    public async Task UniqueIndexInProviderBranch_ReportsOnlyForThatProvider(string provider, bool reported)
    {
        const string source = """
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240201000000_UniqueEmail")]
            public class UniqueEmail : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    if (ActiveProvider == "Microsoft.EntityFrameworkCore.SqlServer")
                    {
                        {|#0:migrationBuilder.CreateIndex(name: "IX_Users_Email", table: "Users", column: "Email", unique: true)|};
                    }
                }
            }
            """;
        var expected = reported
            ? new[] { VerifyCS.Diagnostic("MIG023").WithLocation(0).WithArguments("Unique index", "IX_Users_Email", "Email", "Users") }
            : new DiagnosticResult[0];
        await VerifyCS.VerifyAnalyzerAsync(source, EfVersion.Ef10, DbProvider.None, TestSetup.Options(("provider", provider)), expected);
    }

    [Fact]
    public async Task NonConstantArguments_NoDiagnostic()
    {
        const string source = """
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240201000000_UniqueDynamic")]
            public class UniqueDynamic : Migration
            {
                private readonly string _table = System.Environment.GetEnvironmentVariable("T") ?? "x";
                private readonly bool _unique = System.Environment.TickCount > 0;

                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.CreateIndex(name: "IX_Email", table: _table, column: "Email", unique: true);
                    migrationBuilder.CreateIndex(name: "IX_Users_Email", table: "Users", column: "Email", unique: _unique);
                    migrationBuilder.AddPrimaryKey(name: "PK_Users", table: "Users", columns: new[] { "Id", _table });
                }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source);
    }

    [Theory]
    [InlineData("migrationBuilder.CreateIndex(name: \"IX\", table: \"Users\", unique: true);")]
    [InlineData("migrationBuilder.AddPrimaryKey(name: \"PK\", table: \"Users\", columns: new string[0]);")]
    [InlineData("migrationBuilder.AddUniqueConstraint(name: \"AK\", table: \"Users\", column: null);")]
    [InlineData("migrationBuilder.AddColumn<int>(name: \"A\", table: \"Users\", nullable: true); migrationBuilder.CreateIndex(name: \"IX\", table: \"Users\", columns: new[] { \"A\", null }, unique: true);")]
    [InlineData("migrationBuilder.DropIndex(name: \"IX\"); migrationBuilder.CreateIndex(name: \"IX\", table: \"Users\", column: \"A\", unique: ")]
    public Task MalformedCode_NoCrash(string body) =>
        BrokenCode.VerifyNoCrashAsync<MigrationAnalyzers.Rules.UniqueOnExistingTableRule>(BrokenCode.InUp(body));
}
