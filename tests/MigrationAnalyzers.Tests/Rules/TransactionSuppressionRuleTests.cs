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

    private static DiagnosticResult Mixed(int count) =>
        new DiagnosticResult(TransactionSuppressionRule.MixedRule).WithLocation(0).WithArguments(count, count > 1 ? "s" : string.Empty);

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
        await VerifyCS.VerifyAnalyzerAsync(source, version, DbProvider.None, null, Go(2));
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
        await VerifyCS.VerifyAnalyzerAsync(source, Go(2), new DiagnosticResult(TransactionSuppressionRule.GoRule).WithLocation(1).WithArguments(2));
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
        await VerifyCS.VerifyAnalyzerAsync(source);
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
