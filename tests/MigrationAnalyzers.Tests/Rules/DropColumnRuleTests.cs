using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using MigrationAnalyzers.Rules;
using MigrationAnalyzers.Tests.Verifiers;
using VerifyCS = MigrationAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<MigrationAnalyzers.Rules.DropColumnRule>;

namespace MigrationAnalyzers.Tests.Rules;

public class DropColumnRuleTests
{
    [Theory]
    [InlineData(EfVersion.Ef10)]
    [InlineData(EfVersion.Ef8)]
    public async Task DropColumnInUp_Reports(EfVersion version)
    {
        const string source = """
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240101000000_RemoveNotes")]
            public class RemoveNotes : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    {|#0:migrationBuilder.DropColumn(
                        name: "Notes",
                        table: "Posts")|};
                }

                protected override void Down(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.AddColumn<string>(
                        name: "Notes",
                        table: "Posts",
                        type: "TEXT",
                        nullable: true);
                }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source, version, DbProvider.None, null, new DiagnosticResult(DropColumnRule.Rule).WithLocation(0).WithArguments("Notes", "Posts"));
    }

    [Theory]
    [InlineData(EfVersion.Ef10)]
    [InlineData(EfVersion.Ef8)]
    public async Task DropAndAddThatIsARename_NoDiagnosticBecauseMig003Reports(EfVersion version)
    {
        const string source = """
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240101000000_RenameBio")]
            public class RenameBio : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.DropColumn(
                        name: "Bio",
                        table: "Authors");

                    migrationBuilder.AddColumn<string>(
                        name: "Biography",
                        table: "Authors",
                        type: "TEXT",
                        nullable: true);
                }

                protected override void Down(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.DropColumn(
                        name: "Biography",
                        table: "Authors");

                    migrationBuilder.AddColumn<string>(
                        name: "Bio",
                        table: "Authors",
                        type: "TEXT",
                        nullable: true);
                }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source, version, DbProvider.None, null);
    }

    [Theory]
    [InlineData(EfVersion.Ef10)]
    [InlineData(EfVersion.Ef8)]
    public async Task PositionalArgumentsAndSchema_ReportsQualifiedName(EfVersion version)
    {
        const string source = """
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240101000000_RemoveNotes")]
            public class RemoveNotes : Migration
            {
                private const string Schema = "blog";

                protected override void Up(MigrationBuilder b) => {|#0:b.DropColumn("Notes", "Posts", Schema)|};
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source, version, DbProvider.None, null, new DiagnosticResult(DropColumnRule.Rule).WithLocation(0).WithArguments("Notes", "blog.Posts"));
    }

    [Theory]
    [InlineData(EfVersion.Ef10, """UPDATE "Posts" SET "Body" = "Notes";""")]
    [InlineData(EfVersion.Ef8, """UPDATE "Posts" SET "Body" = "Notes";""")]
    [InlineData(EfVersion.Ef10, "UPDATE [dbo].[Posts] SET [Body] = CAST([Notes] AS nvarchar(max)) WHERE [Body] IS NULL")]
    [InlineData(EfVersion.Ef10, "update Posts set Body = cast(Notes as text)")]
    [InlineData(EfVersion.Ef10, "UPDATE `Posts` SET `Title` = 'x', `Body` = CONCAT(`Notes`, '') -- copy before drop")]
    [InlineData(EfVersion.Ef10, """/* backfill */ UPDATE ONLY "blog"."Posts" AS p SET "Body" = p."Notes"::text WHERE p."Body" IS NULL""")]
    public async Task EarlierSqlCopiesColumnIntoAnotherColumn_NoDiagnostic(EfVersion version, string sql)
    {
        var source = $$""""
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240101000000_NotesToBody")]
            public class NotesToBody : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.AddColumn<string>(
                        name: "Body",
                        table: "Posts",
                        nullable: true);

                    migrationBuilder.Sql("""{{sql}}""");

                    migrationBuilder.DropColumn(
                        name: "Notes",
                        table: "Posts");
                }
            }
            """";
        await VerifyCS.VerifyAnalyzerAsync(source, version, DbProvider.None, null);
    }

    [Theory]
    [InlineData("UPDATE \"Comments\" SET \"Body\" = \"Notes\"")]
    [InlineData("UPDATE \"Posts\" SET \"Notes\" = TRIM(\"Notes\")")]
    [InlineData("UPDATE \"Posts\" SET \"Body\" = 'Notes' WHERE \"Notes\" IS NOT NULL")]
    [InlineData("-- UPDATE \"Posts\" SET \"Body\" = \"Notes\"\nSELECT 1")]
    [InlineData("DELETE FROM \"Posts\" WHERE \"Notes\" IS NULL")]
    [InlineData("UPDATE \"Posts\" SET \"Notes\" = NULL WHERE \"Id\" < 10")]
    [InlineData("INSERT INTO \"PostNotes\" (\"PostId\") SELECT \"Id\" FROM \"Posts\"")]
    [InlineData("UPDATE \"Authors\" SET \"Bio\" = p.\"Title\" FROM \"Posts\" p WHERE p.\"AuthorId\" = \"Authors\".\"Id\"")]
    [InlineData("INSERT INTO \"Posts\" (\"Notes\") VALUES ('x')")]
    public async Task EarlierSqlDoesNotCopyTheColumn_Reports(string sql)
    {
        var source = $$"""
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240101000000_NotesToBody")]
            public class NotesToBody : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.Sql({{Verbatim(sql)}});
                    {|#0:migrationBuilder.DropColumn(name: "Notes", table: "Posts")|};
                }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source, new DiagnosticResult(DropColumnRule.Rule).WithLocation(0).WithArguments("Notes", "Posts"));
    }

    [Fact]
    public async Task CopyAfterTheDrop_Reports()
    {
        const string source = """
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240101000000_NotesToBody")]
            public class NotesToBody : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    {|#0:migrationBuilder.DropColumn(name: "Notes", table: "Posts")|};
                    migrationBuilder.Sql("UPDATE \"Posts\" SET \"Body\" = \"Notes\"");
                }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source, new DiagnosticResult(DropColumnRule.Rule).WithLocation(0).WithArguments("Notes", "Posts"));
    }

    [Fact]
    public async Task CopyWithNonConstantInterpolation_Reports()
    {
        const string source = """
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240101000000_NotesToBody")]
            public class NotesToBody : Migration
            {
                private readonly string _target = System.Environment.GetEnvironmentVariable("C") ?? "Body";

                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.Sql($"UPDATE \"Posts\" SET \"{_target}\" = \"Notes\"");
                    {|#0:migrationBuilder.DropColumn(name: "Notes", table: "Posts")|};
                }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source, new DiagnosticResult(DropColumnRule.Rule).WithLocation(0).WithArguments("Notes", "Posts"));
    }

    [Theory]
    [InlineData(EfVersion.Ef10)]
    [InlineData(EfVersion.Ef8)]
    public async Task EfScaffoldingOfAddedColumn_NoDiagnostic(EfVersion version)
    {
        const string source = """
            using Microsoft.EntityFrameworkCore.Migrations;

            #nullable disable

            namespace Blog.Migrations
            {
                /// <inheritdoc />
                public partial class AddPostNotes : Migration
                {
                    /// <inheritdoc />
                    protected override void Up(MigrationBuilder migrationBuilder)
                    {
                        migrationBuilder.AddColumn<string>(
                            name: "Notes",
                            table: "Posts",
                            type: "TEXT",
                            nullable: true);
                    }

                    /// <inheritdoc />
                    protected override void Down(MigrationBuilder migrationBuilder)
                    {
                        migrationBuilder.DropColumn(
                            name: "Notes",
                            table: "Posts");
                    }
                }

                [Migration("20240101000000_AddPostNotes")]
                partial class AddPostNotes
                {
                }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source, version, DbProvider.None, null);
    }

    [Theory]
    [InlineData(EfVersion.Ef10)]
    [InlineData(EfVersion.Ef8)]
    public async Task NameTheModelCannotRead_ReportsAsWritten(EfVersion version)
    {
        // SPEC §3: a drop the model cannot name still deletes data (G20); one report per statement.
        const string source = """
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240101000000_RemoveDynamic")]
            public class RemoveDynamic : Migration
            {
                private readonly string _column = System.Environment.GetEnvironmentVariable("C") ?? "x";

                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    {|#0:migrationBuilder.DropColumn(name: _column, table: "Posts")|};
                    foreach (var table in new[] { "Posts", "Pages" })
                    {
                        {|#1:migrationBuilder.DropColumn(name: "LegacyId", table: table)|};
                    }

                    Remove(migrationBuilder, "Authors");
                    Remove(migrationBuilder, "Editors");
                }

                private static void Remove(MigrationBuilder builder, string table) =>
                    {|#2:builder.DropColumn(name: "Bio", table: table, schema: "people")|};
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source, version, DbProvider.None, null,
            new DiagnosticResult(DropColumnRule.Rule).WithLocation(0).WithArguments("_column", "Posts"),
            new DiagnosticResult(DropColumnRule.Rule).WithLocation(1).WithArguments("LegacyId", "table"),
            new DiagnosticResult(DropColumnRule.Rule).WithLocation(2).WithArguments("Bio", "people.table"));
    }

    [Theory]
    [InlineData(EfVersion.Ef10, """UPDATE "Authors" SET "Bio" = p."Notes" FROM "Posts" p WHERE p."AuthorId" = "Authors"."Id";""")]
    [InlineData(EfVersion.Ef8, """UPDATE "Authors" SET "Bio" = p."Notes" FROM "Posts" p WHERE p."AuthorId" = "Authors"."Id";""")]
    [InlineData(EfVersion.Ef10, "UPDATE Authors SET Bio = (SELECT TOP 1 Notes FROM Posts WHERE Posts.AuthorId = Authors.Id)")]
    [InlineData(EfVersion.Ef10, "UPDATE o SET o.PostId = p.Id FROM Orders o INNER JOIN Posts p ON p.Notes = o.Reference")]
    [InlineData(EfVersion.Ef10, """INSERT INTO "PostNotes" ("PostId", "Text") SELECT "Id", "Notes" FROM "Posts" WHERE "Notes" IS NOT NULL;""")]
    [InlineData(EfVersion.Ef8, "INSERT INTO PostsArchive SELECT * FROM Posts")]
    [InlineData(EfVersion.Ef10, """UPDATE "Posts" SET "Notes" = NULL;""")]
    [InlineData(EfVersion.Ef8, """UPDATE "Posts" SET "Notes" = NULL;""")]
    public async Task EarlierSqlMovesTheValuesElsewhereOrClearsThem_NoDiagnostic(EfVersion version, string sql)
    {
        var source = $$"""
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240101000000_MoveNotes")]
            public class MoveNotes : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.Sql({{Verbatim(sql)}});
                    migrationBuilder.DropColumn(name: "Notes", table: "Posts");
                }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source, version, DbProvider.None, null);
    }

    [Theory]
    [InlineData("postgresql", false)]
    [InlineData("sqlserver", true)]
    public async Task DropColumnInProviderBranch_ReportsOnlyForThatProvider(string provider, bool reported)
    {
        const string source = """
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240101000000_RemoveRowVersion")]
            public class RemoveRowVersion : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    if (ActiveProvider == "Microsoft.EntityFrameworkCore.SqlServer")
                    {
                        {|#0:migrationBuilder.DropColumn(name: "RowVersion", table: "Posts")|};
                    }
                }
            }
            """;
        var expected = reported
            ? new[] { new DiagnosticResult(DropColumnRule.Rule).WithLocation(0).WithArguments("RowVersion", "Posts") }
            : new DiagnosticResult[0];
        await VerifyCS.VerifyAnalyzerAsync(source, EfVersion.Ef10, DbProvider.None, TestSetup.Options(("provider", provider)), expected);
    }

    [Fact]
    public async Task DropColumnInHelperMethod_Reports()
    {
        const string source = """
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240101000000_RemoveNotes")]
            public class RemoveNotes : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder) => Remove(migrationBuilder, "Notes");

                private static void Remove(MigrationBuilder builder, string column) =>
                    {|#0:builder.DropColumn(name: "Notes", table: "Posts")|};
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source, new DiagnosticResult(DropColumnRule.Rule).WithLocation(0).WithArguments("Notes", "Posts"));
    }

    [Theory]
    [InlineData("migrationBuilder.DropColumn(name: \"Notes\");")]
    [InlineData("migrationBuilder.DropColumn(name: \"Notes\", table: );")]
    [InlineData("migrationBuilder.Sql(\"UPDATE \\\"Posts\\\" SET\"); migrationBuilder.Sql(\"UPDATE\"); migrationBuilder.Sql(\"UPDATE \\\"Posts\\\" SET \\\"A\\\" = (\"); migrationBuilder.DropColumn(name: \"Notes\", table: null);")]
    [InlineData("migrationBuilder.DropColumn(")]
    public Task MalformedCode_NoCrash(string body) =>
        BrokenCode.VerifyNoCrashAsync<MigrationAnalyzers.Rules.DropColumnRule>(BrokenCode.InUp(body));

    [Fact]
    public async Task UnclosedInvocationWithAllArguments_ReportsWithoutCrash()
    {
        const string source = """
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240101000000_Typing")]
            public class Typing : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.DropColumn(name: "Notes", table: "Posts"
                }
            }
            """;
        await BrokenCode.VerifyNoCrashAsync<MigrationAnalyzers.Rules.DropColumnRule>(source, new DiagnosticResult(DropColumnRule.Rule).WithSpan(8, 9, 9, 1).WithArguments("Notes", "Posts"));
    }

    private static string SqlMigration(string up) => $$"""
        using Microsoft.EntityFrameworkCore.Migrations;

        [Migration("20240101000000_RemoveNotes")]
        public class RemoveNotes : Migration
        {
            protected override void Up(MigrationBuilder migrationBuilder)
            {
        {{up}}
            }
        }
        """;

    private static DiagnosticResult SqlDrop(string statement, string column, string table) =>
        new DiagnosticResult(DropColumnRule.SqlRule).WithLocation(0).WithArguments(statement, column, table);

    /// <summary>ALTER TABLE … DROP COLUMN in Sql is the same change as DropColumn (issue 13): reported at the Sql call.</summary>
    [Theory]
    [InlineData(EfVersion.Ef10)]
    [InlineData(EfVersion.Ef8)]
    public async Task DropColumnInSql_Reports(EfVersion version)
    {
        var source = SqlMigration("""
                    {|#0:migrationBuilder.Sql("ALTER TABLE \"Posts\" DROP COLUMN \"Notes\";")|};
            """);
        await VerifyCS.VerifyAnalyzerAsync(source, version, DbProvider.PostgreSql, null,
            SqlDrop("ALTER TABLE \"Posts\" DROP COLUMN \"Notes\"", "Notes", "Posts"));
    }

    [Fact]
    public async Task SeveralColumnsDroppedInSql_ReportsEach()
    {
        var source = SqlMigration("""
                    {|#0:migrationBuilder.Sql("ALTER TABLE [dbo].[Posts] DROP COLUMN [A], [B]")|};
            """);
        await VerifyCS.VerifyAnalyzerAsync(source, EfVersion.Ef10, DbProvider.SqlServer, null,
            SqlDrop("ALTER TABLE [dbo].[Posts] DROP COLUMN [A], [B]", "A", "Posts"),
            SqlDrop("ALTER TABLE [dbo].[Posts] DROP COLUMN [A], [B]", "B", "Posts"));
    }

    /// <summary>The precision of DropColumn holds for SQL: data copied first, a column or table this Up made, survive.</summary>
    [Theory]
    [InlineData(EfVersion.Ef10)]
    [InlineData(EfVersion.Ef8)]
    public async Task DropColumnInSqlAfterCopyOrOfNewColumnOrTable_NoDiagnostic(EfVersion version)
    {
        var source = SqlMigration("""
                    migrationBuilder.AddColumn<string>(name: "Tmp", table: "Posts", nullable: true);
                    migrationBuilder.Sql(@"UPDATE ""Posts"" SET ""Body"" = ""Text"";
                        ALTER TABLE ""Posts"" DROP COLUMN ""Text"";
                        ALTER TABLE ""Posts"" DROP COLUMN ""Tmp"";");
                    migrationBuilder.Sql("UPDATE posts SET summary = notes;");
                    migrationBuilder.Sql("ALTER TABLE posts DROP COLUMN notes;");
                    migrationBuilder.CreateTable(name: "Drafts", columns: table => new { Id = table.Column<int>(nullable: false) });
                    migrationBuilder.Sql("ALTER TABLE drafts DROP COLUMN old; CREATE TABLE t (a int, b int); ALTER TABLE t DROP COLUMN b;");
            """);
        await VerifyCS.VerifyAnalyzerAsync(source, version, DbProvider.PostgreSql, null);
    }

    [Fact]
    public async Task ColumnUpdatedInPlaceBeforeSqlDrop_Reports()
    {
        var source = SqlMigration("""
                    {|#0:migrationBuilder.Sql("UPDATE posts SET views = views + 1; ALTER TABLE posts DROP COLUMN views;")|};
            """);
        await VerifyCS.VerifyAnalyzerAsync(source, EfVersion.Ef10, DbProvider.PostgreSql, null,
            SqlDrop("ALTER TABLE posts DROP COLUMN views", "views", "posts"));
    }

    /// <summary>A bare ALTER TABLE t DROP x drops a constraint on SQL Server and a column elsewhere.</summary>
    [Theory]
    [InlineData(DbProvider.PostgreSql, true)]
    [InlineData(DbProvider.SqlServer, false)]
    public async Task BareAlterTableDropInSql_IsAColumnExceptOnSqlServer(DbProvider provider, bool reports)
    {
        var source = SqlMigration("""
                    {|#0:migrationBuilder.Sql("ALTER TABLE posts DROP notes")|};
                    migrationBuilder.Sql("ALTER TABLE posts DROP CONSTRAINT fk_x");
            """);
        var expected = reports ? new[] { SqlDrop("ALTER TABLE posts DROP notes", "notes", "posts") } : new DiagnosticResult[0];
        await VerifyCS.VerifyAnalyzerAsync(source.Replace("{|#0:", reports ? "{|#0:" : string.Empty).Replace(")|};", reports ? ")|};" : ");"),
            EfVersion.Ef10, provider, null, expected);
    }

    /// <summary>Unknown is silent: SQL the reader cannot read, SQL that is not constant, another provider's branch.</summary>
    [Fact]
    public async Task UnreadableOrOtherProvidersSql_NoDiagnostic()
    {
        var source = SqlMigration("""
                    migrationBuilder.Sql(System.IO.File.ReadAllText("drop.sql"));
                    migrationBuilder.Sql("ALTER TABLE posts DROP COLUMN");
                    migrationBuilder.Sql("EXEC dbo.DropNotes");
                    if (ActiveProvider == "Microsoft.EntityFrameworkCore.SqlServer")
                    {
                        migrationBuilder.Sql("ALTER TABLE [Posts] DROP COLUMN [Notes]");
                    }
            """);
        await VerifyCS.VerifyAnalyzerAsync(source, EfVersion.Ef10, DbProvider.PostgreSql, null);
    }

    private static string Verbatim(string sql) => "@\"" + sql.Replace("\"", "\"\"") + "\"";
}
