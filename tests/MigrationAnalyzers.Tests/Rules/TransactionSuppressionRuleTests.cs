using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using MigrationAnalyzers.Rules;
using MigrationAnalyzers.Tests.Verifiers;
using VerifyCS = MigrationAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<MigrationAnalyzers.Rules.TransactionSuppressionRule>;

namespace MigrationAnalyzers.Tests.Rules;

public class TransactionSuppressionRuleTests
{
    private static string Migration(string up, string down = "") => $$"""
        using Microsoft.EntityFrameworkCore.Migrations;

        [Migration("20240101000000_AddSearch")]
        public class AddSearch : Migration
        {
            protected override void Up(MigrationBuilder migrationBuilder)
            {
        {{up}}
            }

            protected override void Down(MigrationBuilder migrationBuilder)
            {
        {{down}}
            }
        }
        """;

    private const string MoveAdvice = "move the non-transactional SQL into a migration of its own";
    private const string RemoveAdvice = "its DDL/DML can run inside the transaction: remove suppressTransaction from this Sql";

    private static DiagnosticResult Mixed(int count, string advice = MoveAdvice) =>
        new DiagnosticResult(TransactionSuppressionRule.MixedRule).WithLocation(0).WithArguments(count, count > 1 ? "s" : string.Empty, advice);

    private static DiagnosticResult Go(int line) =>
        new DiagnosticResult(TransactionSuppressionRule.GoRule).WithLocation(0).WithArguments(line);

    [Theory]
    [InlineData(EfVersion.Ef10)]
    [InlineData(EfVersion.Ef8)]
    public async Task SuppressTransactionWithOtherOperations_Reports(EfVersion version)
    {
        var source = Migration("""
                    migrationBuilder.AddColumn<string>(
                        name: "Search",
                        table: "Posts",
                        type: "text",
                        nullable: true);

                    {|#0:migrationBuilder.Sql(
                        "CREATE INDEX CONCURRENTLY ix_posts_search ON \"Posts\" (\"Search\");",
                        suppressTransaction: true)|};
            """);
        await VerifyCS.VerifyAnalyzerAsync(source, version, DbProvider.None, null, Mixed(1));
    }

    [Fact]
    public async Task PositionalSuppressTransactionWithTwoOthers_ReportsCount()
    {
        var source = Migration("""
                    migrationBuilder.Sql("UPDATE t SET a = 1");
                    {|#0:migrationBuilder.Sql("ALTER TYPE mood ADD VALUE 'meh'", true)|};
                    migrationBuilder.DropIndex(name: "IX_t_a", table: "t");
            """);
        await VerifyCS.VerifyAnalyzerAsync(source, Mixed(2));
    }

    [Theory]
    [InlineData(EfVersion.Ef10)]
    [InlineData(EfVersion.Ef8)]
    public async Task SuppressTransactionAlone_NoDiagnostic(EfVersion version)
    {
        var source = Migration(
            """        migrationBuilder.Sql("CREATE INDEX CONCURRENTLY ix ON t (a);", suppressTransaction: true);""",
            """        migrationBuilder.DropIndex(name: "ix", table: "t");""");
        await VerifyCS.VerifyAnalyzerAsync(source, version, DbProvider.None, null);
    }

    [Fact]
    public async Task OnlyNonTransactionalOperations_NoDiagnostic()
    {
        var source = Migration("""
                    migrationBuilder.Sql("CREATE INDEX CONCURRENTLY ix_a ON t (a);", suppressTransaction: true);
                    migrationBuilder.Sql("CREATE INDEX CONCURRENTLY ix_b ON t (b);", suppressTransaction: true);
                    migrationBuilder.CreateIndex(name: "ix_c", table: "t", column: "c")
                        .Annotation("Npgsql:CreatedConcurrently", true);
            """);
        await VerifyCS.VerifyAnalyzerAsync(source, EfVersion.Ef10, DbProvider.PostgreSql, null);
    }

    [Fact]
    public async Task SuppressTransactionFalseOrNonConstant_NoDiagnostic()
    {
        var source = Migration("""
                    migrationBuilder.AddColumn<int>(name: "A", table: "t", nullable: true);
                    migrationBuilder.Sql("UPDATE t SET A = 1", suppressTransaction: false);
                    migrationBuilder.Sql("VACUUM", suppressTransaction: System.Environment.ProcessorCount > 1);
            """);
        await VerifyCS.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task ProviderBranchesThatExcludeEachOther_NoDiagnostic()
    {
        var source = Migration("""
                    if (ActiveProvider == "Npgsql.EntityFrameworkCore.PostgreSQL")
                    {
                        migrationBuilder.Sql("CREATE INDEX CONCURRENTLY ix ON t (a);", suppressTransaction: true);
                    }
                    else
                    {
                        migrationBuilder.CreateIndex(name: "ix", table: "t", column: "a");
                    }
            """);
        await VerifyCS.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task MixInDownOnly_NoDiagnostic()
    {
        var source = Migration(
            """        migrationBuilder.AddColumn<int>(name: "A", table: "t", nullable: true);""",
            """
                    migrationBuilder.Sql("DROP INDEX CONCURRENTLY ix;", suppressTransaction: true);
                    migrationBuilder.DropColumn(name: "A", table: "t");
            """);
        await VerifyCS.VerifyAnalyzerAsync(source);
    }

    [Theory]
    [InlineData(EfVersion.Ef10)]
    [InlineData(EfVersion.Ef8)]
    public async Task GoLineInSql_Reports(EfVersion version)
    {
        var source = Migration("""
                    {|#0:migrationBuilder.Sql(@"CREATE VIEW dbo.ActivePosts AS SELECT * FROM dbo.Posts WHERE IsActive = 1
            go
            GRANT SELECT ON dbo.ActivePosts TO reporting")|};
            """);
        await VerifyCS.VerifyAnalyzerAsync(source, version, DbProvider.None, TestSetup.Options(("provider", "postgresql")), Go(2));
    }

    /// <summary>SQL Server's generator splits the script at GO lines; with the provider unknown it may be SQL Server's.</summary>
    [Theory]
    [InlineData(EfVersion.Ef10)]
    [InlineData(EfVersion.Ef8)]
    public async Task GoLineOnSqlServerOrUnknownProvider_NoDiagnostic(EfVersion version)
    {
        var source = Migration("""
                    migrationBuilder.Sql(@"CREATE VIEW dbo.ActivePosts AS SELECT * FROM dbo.Posts WHERE IsActive = 1
            GO
            GRANT SELECT ON dbo.ActivePosts TO reporting");
            """);
        await VerifyCS.VerifyAnalyzerAsync(source, version, DbProvider.None, TestSetup.Options(("provider", "sqlserver")));
        await VerifyCS.VerifyAnalyzerAsync(source, version, DbProvider.None, null);
    }

    /// <summary>A hand copy of EF's SQLite table rebuild: PRAGMA switches around transactional operations.</summary>
    private const string SqliteRebuild = """
                migrationBuilder.Sql("PRAGMA foreign_keys = 0;", suppressTransaction: true);
                migrationBuilder.CreateTable(
                    name: "ef_temp_Posts",
                    columns: table => new { Id = table.Column<int>(type: "INTEGER", nullable: false), Title = table.Column<string>(type: "TEXT", nullable: false) },
                    constraints: table => table.PrimaryKey("PK_Posts", x => x.Id));
                {|#0:migrationBuilder.Sql("INSERT INTO \"ef_temp_Posts\" (\"Id\", \"Title\") SELECT \"Id\", IFNULL(\"Title\", '') FROM \"Posts\";"{{suppress}})|};
                migrationBuilder.DropTable(name: "Posts");
                migrationBuilder.RenameTable(name: "ef_temp_Posts", newName: "Posts");
                migrationBuilder.Sql("PRAGMA foreign_keys = 1;", suppressTransaction: true);
                migrationBuilder.Sql("SET XACT_ABORT ON", suppressTransaction: true);
        """;

    [Theory]
    [InlineData(EfVersion.Ef10)]
    [InlineData(EfVersion.Ef8)]
    public async Task PragmaAndSetUnderSuppressTransaction_NoDiagnostic(EfVersion version)
    {
        var source = Migration(SqliteRebuild.Replace("{{suppress}}", string.Empty).Replace("{|#0:", string.Empty).Replace(")|};", ");"));
        await VerifyCS.VerifyAnalyzerAsync(source, version, DbProvider.Sqlite, null);
    }

    [Theory]
    [InlineData(EfVersion.Ef10)]
    [InlineData(EfVersion.Ef8)]
    public async Task SuppressedDmlOrDdl_ReportsRemovingSuppressTransaction(EfVersion version)
    {
        var source = Migration(SqliteRebuild.Replace("{{suppress}}", ", suppressTransaction: true"));
        await VerifyCS.VerifyAnalyzerAsync(source, version, DbProvider.Sqlite, null, Mixed(3, RemoveAdvice));

        // A setting in front of ordinary DDL does not make the DDL a setting.
        var ddl = Migration("""
                    migrationBuilder.AddColumn<int>(name: "A", table: "t", nullable: true);
                    {|#0:migrationBuilder.Sql("PRAGMA foreign_keys = 0; ALTER TABLE t ADD COLUMN b INTEGER NULL;", suppressTransaction: true)|};
            """);
        await VerifyCS.VerifyAnalyzerAsync(ddl, version, DbProvider.Sqlite, null, Mixed(1, RemoveAdvice));
    }

    [Fact]
    public async Task GoWithCountAndComment_Reports()
    {
        var source = Migration(""""
                    {|#0:migrationBuilder.Sql("""
                        UPDATE dbo.Counters SET Value = Value + 1
                        GO 2
                        """)|};
                    {|#1:migrationBuilder.Sql("SELECT 1\r\n  GO -- next batch\r\nSELECT 2")|};
            """");
        await VerifyCS.VerifyAnalyzerAsync(source, EfVersion.Ef10, DbProvider.Sqlite, null, Go(2), new DiagnosticResult(TransactionSuppressionRule.GoRule).WithLocation(1).WithArguments(2));
    }

    [Fact]
    public async Task GoInsideStringsCommentsAndIdentifiers_NoDiagnostic()
    {
        var source = Migration("""
                    migrationBuilder.Sql(@"INSERT INTO Notes (Text) VALUES ('
            GO
            ');
            /*
            GO
            */
            SELECT Go FROM Games WHERE Go = 1 -- GO
            SELECT 1 AS ""x""
            ;GO");
                    migrationBuilder.Sql("UPDATE Moves SET Kind = 'GO' WHERE Kind = 'go'");
            """);
        await VerifyCS.VerifyAnalyzerAsync(source, EfVersion.Ef10, DbProvider.PostgreSql, null);
    }

    [Fact]
    public async Task BrokenCode_NoCrash()
    {
        var source = Migration("""
                    migrationBuilder.Sql("x", suppressTransaction: {|CS0103:maybe|});
                    migrationBuilder.{|CS7036:Sql|}(suppressTransaction: true);
                    migrationBuilder.AddColumn<int>(name: "A", table: "t");
            """);
        await VerifyCS.VerifyAnalyzerAsync(source);
    }
}
