using System.Threading.Tasks;
using MigrationAnalyzers.Tests.Verifiers;
using VerifyColumnRename = MigrationAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<MigrationAnalyzers.Rules.ColumnRenameRule>;
using VerifyDropColumn = MigrationAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<MigrationAnalyzers.Rules.DropColumnRule>;
using VerifyDropTable = MigrationAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<MigrationAnalyzers.Rules.DropTableRule>;
using VerifyTableRename = MigrationAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<MigrationAnalyzers.Rules.TableRenameRule>;

namespace MigrationAnalyzers.Tests.Rules;

/// <summary>
/// Drop + add pairs that look like renames but are not (SPEC §3 "a fix that could corrupt data is
/// not offered on a guess"): a derived name (<c>ClientSecret</c> → <c>ClientSecretHash</c>) or a
/// foreign key to another principal. The drop is reported as MIG001/MIG002, MIG003/MIG004 (and so
/// their rename fixes) stay away; the true renames next to them still are MIG003/MIG004.
/// </summary>
public class RenameGuessGuardTests
{
    /// <summary>Authors, Users and Clients (a secret, and an author key to Authors); Posts keyed to Authors.</summary>
    private const string History = """
        using Microsoft.EntityFrameworkCore.Migrations;

        [Migration("20240101000000_Initial")]
        public class Initial : Migration
        {
            protected override void Up(MigrationBuilder migrationBuilder)
            {
                migrationBuilder.CreateTable(
                    name: "Authors",
                    columns: table => new { Id = table.Column<int>(type: "INTEGER", nullable: false) },
                    constraints: table => table.PrimaryKey("PK_Authors", x => x.Id));

                migrationBuilder.CreateTable(
                    name: "Users",
                    columns: table => new { Id = table.Column<int>(type: "INTEGER", nullable: false) },
                    constraints: table => table.PrimaryKey("PK_Users", x => x.Id));

                migrationBuilder.CreateTable(
                    name: "Clients",
                    columns: table => new
                    {
                        Id = table.Column<int>(type: "INTEGER", nullable: false),
                        ClientSecret = table.Column<string>(type: "TEXT", nullable: true),
                        AuthorId = table.Column<int>(type: "INTEGER", nullable: true),
                    },
                    constraints: table =>
                    {
                        table.PrimaryKey("PK_Clients", x => x.Id);
                        table.ForeignKey("FK_Clients_Authors_AuthorId", x => x.AuthorId, "Authors", "Id");
                    });

                migrationBuilder.CreateTable(
                    name: "Posts",
                    columns: table => new
                    {
                        Id = table.Column<int>(type: "INTEGER", nullable: false),
                        Title = table.Column<string>(type: "TEXT", nullable: true),
                        AuthorId = table.Column<int>(type: "INTEGER", nullable: false),
                    },
                    constraints: table =>
                    {
                        table.PrimaryKey("PK_Posts", x => x.Id);
                        table.ForeignKey("FK_Posts_Authors_AuthorId", x => x.AuthorId, "Authors", "Id");
                    });
            }

            protected override void Down(MigrationBuilder migrationBuilder)
            {
            }
        }
        """;

    private static string ReplaceSecret(string newName) => $$"""
        using Microsoft.EntityFrameworkCore.Migrations;

        [Migration("20240201000000_HashSecrets")]
        public class HashSecrets : Migration
        {
            protected override void Up(MigrationBuilder migrationBuilder)
            {
                {|#0:migrationBuilder.DropColumn(name: "ClientSecret", table: "Clients")|};
                migrationBuilder.AddColumn<string>(name: "{{newName}}", table: "Clients", type: "TEXT", nullable: true);
            }

            protected override void Down(MigrationBuilder migrationBuilder)
            {
            }
        }
        """;

    private static string ReplaceAuthor(string newName, string principal) => $$"""
        using Microsoft.EntityFrameworkCore.Migrations;

        [Migration("20240201000000_Rekey")]
        public class Rekey : Migration
        {
            protected override void Up(MigrationBuilder migrationBuilder)
            {
                migrationBuilder.DropForeignKey(name: "FK_Clients_Authors_AuthorId", table: "Clients");
                {|#0:migrationBuilder.DropColumn(name: "AuthorId", table: "Clients")|};
                migrationBuilder.AddColumn<int>(name: "{{newName}}", table: "Clients", type: "INTEGER", nullable: true);
                migrationBuilder.AddForeignKey(
                    name: "FK_Clients_{{principal}}_{{newName}}",
                    table: "Clients",
                    column: "{{newName}}",
                    principalTable: "{{principal}}",
                    principalColumn: "Id");
            }

            protected override void Down(MigrationBuilder migrationBuilder)
            {
            }
        }
        """;

    private static string ReplacePosts(string principal) => $$"""
        using Microsoft.EntityFrameworkCore.Migrations;

        [Migration("20240201000000_Articles")]
        public class Articles : Migration
        {
            protected override void Up(MigrationBuilder migrationBuilder)
            {
                {|#0:migrationBuilder.DropTable(name: "Posts")|};
                migrationBuilder.CreateTable(
                    name: "Articles",
                    columns: table => new
                    {
                        Id = table.Column<int>(type: "INTEGER", nullable: false),
                        Title = table.Column<string>(type: "TEXT", nullable: true),
                        AuthorId = table.Column<int>(type: "INTEGER", nullable: false),
                    },
                    constraints: table =>
                    {
                        table.PrimaryKey("PK_Articles", x => x.Id);
                        table.ForeignKey("FK_Articles_{{principal}}_AuthorId", x => x.AuthorId, "{{principal}}", "Id");
                    });
            }

            protected override void Down(MigrationBuilder migrationBuilder)
            {
            }
        }
        """;

    [Theory]
    [InlineData(EfVersion.Ef10, "ClientSecretHash")]
    [InlineData(EfVersion.Ef8, "ClientSecretHash")]
    [InlineData(EfVersion.Ef10, "EncryptedClientSecret")]
    [InlineData(EfVersion.Ef10, "client_secret_hash")]
    [InlineData(EfVersion.Ef10, "ClientSecretJson")]
    public async Task DerivedColumnName_ReportsTheDropNotARename(EfVersion version, string newName)
    {
        var source = ReplaceSecret(newName);
        await VerifyColumnRename.VerifyAnalyzerAsync(new[] { History, source }, version, DbProvider.None, null);
        await VerifyDropColumn.VerifyAnalyzerAsync(new[] { History, source }, version, DbProvider.None, null,
            new Microsoft.CodeAnalysis.Testing.DiagnosticResult(MigrationAnalyzers.Rules.DropColumnRule.Rule).WithLocation(0).WithArguments("ClientSecret", "Clients"));
    }

    [Theory]
    [InlineData(EfVersion.Ef10)]
    [InlineData(EfVersion.Ef8)]
    public async Task QualifyingWordIsStillARename(EfVersion version)
    {
        var source = ReplaceSecret("ClientSecretValue");
        await VerifyColumnRename.VerifyAnalyzerAsync(new[] { History, source }, version, DbProvider.None, null,
            VerifyColumnRename.Diagnostic("MIG003").WithLocation(0).WithArguments("ClientSecret", "ClientSecretValue", "Clients"));
        await VerifyDropColumn.VerifyAnalyzerAsync(new[] { History, source }, version, DbProvider.None, null);
    }

    [Theory]
    [InlineData(EfVersion.Ef10)]
    [InlineData(EfVersion.Ef8)]
    public async Task AddedColumnKeyedToAnotherPrincipal_ReportsTheDropNotARename(EfVersion version)
    {
        var source = ReplaceAuthor("OwnerId", "Users");
        await VerifyColumnRename.VerifyAnalyzerAsync(new[] { History, source }, version, DbProvider.None, null);
        await VerifyDropColumn.VerifyAnalyzerAsync(new[] { History, source }, version, DbProvider.None, null,
            new Microsoft.CodeAnalysis.Testing.DiagnosticResult(MigrationAnalyzers.Rules.DropColumnRule.Rule).WithLocation(0).WithArguments("AuthorId", "Clients"));
    }

    [Theory]
    [InlineData(EfVersion.Ef10)]
    [InlineData(EfVersion.Ef8)]
    public async Task AddedColumnKeyedWhereTheDroppedOneHadNoKey_ReportsTheDropNotARename(EfVersion version)
    {
        // ClientSecret had no foreign key; the only added column on Clients gets one.
        const string source = """
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240201000000_SecretOwner")]
            public class SecretOwner : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    {|#0:migrationBuilder.DropColumn(name: "ClientSecret", table: "Clients")|};
                    migrationBuilder.AddColumn<string>(name: "Secret", table: "Clients", type: "TEXT", nullable: true);
                    migrationBuilder.AddForeignKey(name: "FK_Clients_Users_Secret", table: "Clients", column: "Secret", principalTable: "Users", principalColumn: "Id");
                }

                protected override void Down(MigrationBuilder migrationBuilder)
                {
                }
            }
            """;
        await VerifyColumnRename.VerifyAnalyzerAsync(new[] { History, source }, version, DbProvider.None, null);
        await VerifyDropColumn.VerifyAnalyzerAsync(new[] { History, source }, version, DbProvider.None, null,
            new Microsoft.CodeAnalysis.Testing.DiagnosticResult(MigrationAnalyzers.Rules.DropColumnRule.Rule).WithLocation(0).WithArguments("ClientSecret", "Clients"));
    }

    [Theory]
    [InlineData(EfVersion.Ef10)]
    [InlineData(EfVersion.Ef8)]
    public async Task AddedColumnKeyedToTheSamePrincipal_IsARename(EfVersion version)
    {
        var source = ReplaceAuthor("WriterId", "Authors");
        await VerifyColumnRename.VerifyAnalyzerAsync(new[] { History, source }, version, DbProvider.None, null,
            VerifyColumnRename.Diagnostic("MIG003").WithLocation(0).WithArguments("AuthorId", "WriterId", "Clients"));
        await VerifyDropColumn.VerifyAnalyzerAsync(new[] { History, source }, version, DbProvider.None, null);
    }

    [Theory]
    [InlineData(EfVersion.Ef10)]
    [InlineData(EfVersion.Ef8)]
    public async Task CreatedTableKeyedToAnotherPrincipal_ReportsTheDropNotARename(EfVersion version)
    {
        var source = ReplacePosts("Users");
        await VerifyTableRename.VerifyAnalyzerAsync(new[] { History, source }, version, DbProvider.None, null);
        await VerifyDropTable.VerifyAnalyzerAsync(new[] { History, source }, version, DbProvider.None, null,
            VerifyDropTable.Diagnostic("MIG001").WithLocation(0).WithArguments("Posts"));
    }

    [Theory]
    [InlineData(EfVersion.Ef10)]
    [InlineData(EfVersion.Ef8)]
    public async Task CreatedTableKeyedToTheSamePrincipal_IsARename(EfVersion version)
    {
        var source = ReplacePosts("Authors");
        await VerifyTableRename.VerifyAnalyzerAsync(new[] { History, source }, version, DbProvider.None, null,
            VerifyTableRename.Diagnostic("MIG004").WithLocation(0).WithArguments("Posts", "Articles"));
        await VerifyDropTable.VerifyAnalyzerAsync(new[] { History, source }, version, DbProvider.None, null);
    }
}

/// <summary>
/// MIG003 and MIG005 share one type service (issue 12): a drop + add pair is a rename exactly when
/// the AlterColumn between the two definitions would not be a narrowing.
/// </summary>
public class RenameAndNarrowingAgreementTests
{
    private static string History(string type, string clr) => $$"""
        using Microsoft.EntityFrameworkCore.Migrations;

        [Migration("20240101000000_Initial")]
        public class Initial : Migration
        {
            protected override void Up(MigrationBuilder migrationBuilder)
            {
                migrationBuilder.CreateTable(
                    name: "Items",
                    columns: table => new
                    {
                        Id = table.Column<int>(type: "int", nullable: false),
                        Amount = table.Column<{{clr}}>(type: "{{type}}", nullable: true),
                    },
                    constraints: table => table.PrimaryKey("PK_Items", x => x.Id));
            }

            protected override void Down(MigrationBuilder migrationBuilder)
            {
            }
        }
        """;

    private static string Replace(string type, string clr) => $$"""
        using Microsoft.EntityFrameworkCore.Migrations;

        [Migration("20240201000000_Replace")]
        public class Replace : Migration
        {
            protected override void Up(MigrationBuilder migrationBuilder)
            {
                {|#0:migrationBuilder.DropColumn(name: "Amount", table: "Items")|};
                migrationBuilder.AddColumn<{{clr}}>(name: "AmountValue", table: "Items", type: "{{type}}", nullable: true);
            }

            protected override void Down(MigrationBuilder migrationBuilder)
            {
            }
        }
        """;

    private static string Alter(string oldType, string oldClr, string type, string clr) => $$"""
        using Microsoft.EntityFrameworkCore.Migrations;

        [Migration("20240201000000_Alter")]
        public class Alter : Migration
        {
            protected override void Up(MigrationBuilder migrationBuilder)
            {
                {|#0:migrationBuilder.AlterColumn<{{clr}}>(name: "Amount", table: "Items", type: "{{type}}", nullable: true, oldClrType: typeof({{oldClr}}), oldType: "{{oldType}}", oldNullable: true)|};
            }

            protected override void Down(MigrationBuilder migrationBuilder)
            {
            }
        }
        """;

    [Theory]
    [InlineData(EfVersion.Ef10, "nvarchar(200)", "string", "nvarchar(400)", "string", null)]
    [InlineData(EfVersion.Ef8, "nvarchar(200)", "string", "nvarchar(50)", "string", "max length 200 → 50")]
    [InlineData(EfVersion.Ef10, "int", "int", "bigint", "long", null)]
    [InlineData(EfVersion.Ef8, "bigint", "long", "int", "int", "bigint → int")]
    [InlineData(EfVersion.Ef10, "decimal(18,2)", "decimal", "decimal(20,2)", "decimal", null)]
    [InlineData(EfVersion.Ef10, "decimal(18,2)", "decimal", "decimal(18,4)", "decimal", "precision (18,2) → (18,4): fewer integer digits")]
    [InlineData(EfVersion.Ef8, "datetime2", "System.DateTime", "datetime2(3)", "System.DateTime", "fractional seconds precision 7 → 3")]
    public async Task RenameExactlyWhenNoNarrowing(EfVersion version, string oldType, string oldClr, string newType, string newClr, string? narrowing)
    {
        var options = TestSetup.Options(("provider", "sqlserver"));
        var history = History(oldType, oldClr);
        if (narrowing is null)
        {
            await CSharpAnalyzerVerifier<MigrationAnalyzers.Rules.ColumnRenameRule>.VerifyAnalyzerAsync(new[] { history, Replace(newType, newClr) }, version, DbProvider.None, options,
                CSharpAnalyzerVerifier<MigrationAnalyzers.Rules.ColumnRenameRule>.Diagnostic("MIG003").WithLocation(0).WithArguments("Amount", "AmountValue", "Items"));
            await CSharpAnalyzerVerifier<MigrationAnalyzers.Rules.NarrowingAlterColumnRule>.VerifyAnalyzerAsync(new[] { history, Alter(oldType, oldClr, newType, newClr) }, version, DbProvider.None, options);
        }
        else
        {
            await CSharpAnalyzerVerifier<MigrationAnalyzers.Rules.ColumnRenameRule>.VerifyAnalyzerAsync(new[] { history, Replace(newType, newClr) }, version, DbProvider.None, options);
            await CSharpAnalyzerVerifier<MigrationAnalyzers.Rules.NarrowingAlterColumnRule>.VerifyAnalyzerAsync(new[] { history, Alter(oldType, oldClr, newType, newClr) }, version, DbProvider.None, options,
                new Microsoft.CodeAnalysis.Testing.DiagnosticResult(MigrationAnalyzers.Rules.NarrowingAlterColumnRule.Rule).WithLocation(0).WithArguments("Items", "Amount", oldType, newType, narrowing, narrowing.StartsWith("max length", System.StringComparison.Ordinal)
                    ? "the ALTER fails on SQL Server, PostgreSQL and MySQL (strict mode) when any existing value is longer; find those rows with SELECT * FROM [Items] WHERE LEN([Amount]) > 50"
                    : "existing values are truncated, rounded or fail to convert"));
        }
    }
}
