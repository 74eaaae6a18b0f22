using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using MigrationAnalyzers.Tests.Verifiers;
using VerifyCS = MigrationAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<MigrationAnalyzers.Rules.DestructiveSqlRule>;

namespace MigrationAnalyzers.Tests.Rules;

public class DestructiveSqlRuleTests
{
    private static string Migration(string up, string down = "") => $$"""
        using Microsoft.EntityFrameworkCore.Migrations;

        [Migration("20240101000000_Cleanup")]
        public class Cleanup : Migration
        {
            private readonly string _schema = System.Environment.GetEnvironmentVariable("SCHEMA") ?? "app";

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

    /// <summary>The WHERE hint belongs to DELETE (and UPDATE) only: a DROP or TRUNCATE has no WHERE to add.</summary>
    private static DiagnosticResult Expected(string statement, string loss, string more = "") =>
        VerifyCS.Diagnostic("MIG080").WithLocation(0).WithArguments(statement, loss, more, statement.StartsWith("DELETE", System.StringComparison.Ordinal) ? " (or add the missing WHERE)" : string.Empty);

    [Theory]
    [InlineData(EfVersion.Ef10)]
    [InlineData(EfVersion.Ef8)]
    public async Task DropTableInSql_Reports(EfVersion version)
    {
        var source = Migration("""
                    {|#0:migrationBuilder.Sql("DROP TABLE \"Legacy\";")|};
            """);
        await VerifyCS.VerifyAnalyzerAsync(source, version, DbProvider.None, null,
            Expected("DROP TABLE \"Legacy\"", "deletes table \"Legacy\" and every row in it"));
    }

    [Theory]
    [InlineData("TRUNCATE TABLE [dbo].[Audit]", "deletes every row of [dbo].[Audit]")]
    [InlineData("truncate audit", "deletes every row of audit")]
    [InlineData("DELETE FROM \\\"Logs\\\"", "deletes every row of \"Logs\"")]
    [InlineData("DELETE dbo.Logs", "deletes every row of dbo.Logs")]
    [InlineData("DROP SCHEMA IF EXISTS legacy CASCADE", "deletes schema legacy and every table in it")]
    [InlineData("DROP DATABASE Staging", "deletes database Staging")]
    [InlineData("drop table if exists a, b", "deletes tables a, b and every row in them")]
    public async Task DestructiveStatement_Reports(string sql, string loss)
    {
        var source = Migration($$"""
                    {|#0:migrationBuilder.Sql("{{sql}}")|};
            """);
        await VerifyCS.VerifyAnalyzerAsync(source, Expected(sql.Replace("\\\"", "\""), loss));
    }

    [Theory]
    [InlineData(EfVersion.Ef10)]
    [InlineData(EfVersion.Ef8)]
    public async Task MultiStatementVerbatimScript_ReportsTheDeleteWithoutWhere(EfVersion version)
    {
        var source = Migration("""
                    {|#0:migrationBuilder.Sql(@"
                        -- backfill, then clear the staging table
                        UPDATE ""Posts"" SET ""Slug"" = lower(""Title"") WHERE ""Slug"" IS NULL;
                        DELETE FROM ""PostStaging"";
                        INSERT INTO ""Log"" (""Text"") VALUES ('DROP TABLE done');")|};
            """);
        await VerifyCS.VerifyAnalyzerAsync(source, version, DbProvider.None, null,
            Expected("DELETE FROM \"PostStaging\"", "deletes every row of \"PostStaging\""));
    }

    [Fact]
    public async Task SeveralDestructiveStatements_ReportsFirstAndCount()
    {
        var source = Migration("""
                    {|#0:migrationBuilder.Sql("TRUNCATE TABLE a; DROP TABLE b; DELETE FROM c;")|};
            """);
        await VerifyCS.VerifyAnalyzerAsync(source, Expected("TRUNCATE TABLE a", "deletes every row of a", " (and 2 more destructive statements)"));
    }

    [Fact]
    public async Task RawStringLiteral_Reports()
    {
        var source = Migration(""""
                    {|#0:migrationBuilder.Sql("""
                        /* legacy tables are gone for good */
                        DROP TABLE "OrdersOld";
                        """)|};
            """");
        await VerifyCS.VerifyAnalyzerAsync(source, Expected("DROP TABLE \"OrdersOld\"", "deletes table \"OrdersOld\" and every row in it"));
    }

    [Fact]
    public async Task InterpolatedSchemaWithoutWhere_ReportsWithExpression()
    {
        var source = Migration("""
                    {|#0:migrationBuilder.Sql($"DELETE FROM {_schema}.\"Logs\"")|};
            """);
        await VerifyCS.VerifyAnalyzerAsync(source, Expected("DELETE FROM {_schema}.\"Logs\"", "deletes every row of {_schema}.\"Logs\""));
    }

    [Fact]
    public async Task InterpolatedSchemaWithWhere_NoDiagnostic()
    {
        var source = Migration("""
                    migrationBuilder.Sql($"DELETE FROM {_schema}.\"Logs\" WHERE \"Created\" < now() - interval '90 days'");
                    migrationBuilder.Sql($"UPDATE {_schema}.\"Users\" SET \"Email\" = lower(\"Email\")");
            """);
        await VerifyCS.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task TsqlWithoutSemicolons_ReportsGuardedDrop()
    {
        var source = Migration("""
                    {|#0:migrationBuilder.Sql(@"IF OBJECT_ID(N'dbo.Legacy', N'U') IS NOT NULL
                        DROP TABLE dbo.Legacy")|};
            """);
        await VerifyCS.VerifyAnalyzerAsync(source, EfVersion.Ef10, DbProvider.SqlServer, null,
            Expected("DROP TABLE dbo.Legacy", "deletes table dbo.Legacy and every row in it"));
    }

    [Fact]
    public async Task PostgresDoBlock_ReportsStatementInside()
    {
        var source = Migration("""
                    {|#0:migrationBuilder.Sql(@"DO $do$
                    BEGIN
                        IF EXISTS (SELECT 1 FROM pg_tables WHERE tablename = 'legacy') THEN
                            DROP TABLE legacy;
                        END IF;
                    END $do$;")|};
            """);
        await VerifyCS.VerifyAnalyzerAsync(source, EfVersion.Ef10, DbProvider.PostgreSql, null,
            Expected("DROP TABLE legacy", "deletes table legacy and every row in it"));
    }

    [Theory]
    [InlineData(EfVersion.Ef10)]
    [InlineData(EfVersion.Ef8)]
    public async Task KeywordsInCommentsStringsAndIdentifiers_NoDiagnostic(EfVersion version)
    {
        var source = Migration("""
                    migrationBuilder.Sql(@"
                        -- DROP TABLE ""Users"" was considered; we keep it
                        /* TRUNCATE TABLE x; DELETE FROM y; */
                        UPDATE ""Settings"" SET ""Value"" = 'DROP TABLE x; DELETE FROM y' WHERE ""Key"" = 'note';
                        INSERT INTO ""DropTable"" (""Delete From"") VALUES ('truncate');
                        SELECT * FROM [DELETE FROM t];
                        UPDATE `DROP TABLE x` SET a = 1 WHERE b = 2;");
                    migrationBuilder.Sql("EXEC('DROP TABLE dbo.Legacy')");
            """);
        await VerifyCS.VerifyAnalyzerAsync(source, version, DbProvider.None, null);
    }

    [Fact]
    public async Task BackfillUpdateWithoutWhere_NoDiagnostic()
    {
        var source = Migration("""
                    migrationBuilder.Sql("UPDATE \"Posts\" SET \"Rating\" = 0;");
                    migrationBuilder.Sql("DELETE FROM \"Posts\" WHERE \"BlogId\" IS NULL;");
            """);
        await VerifyCS.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task TablesCreatedInThisUpAndTempTables_NoDiagnostic()
    {
        var source = Migration("""
                    migrationBuilder.CreateTable(
                        name: "Import",
                        columns: table => new
                        {
                            Id = table.Column<int>(type: "int", nullable: false),
                        });
                    migrationBuilder.Sql("DELETE FROM [Import]; TRUNCATE TABLE Import");
                    migrationBuilder.Sql(@"CREATE TABLE #ids (Id int);
                        INSERT INTO #ids SELECT Id FROM dbo.Posts WHERE Flag = 1;
                        DELETE FROM #ids;
                        DROP TABLE #ids;
                        CREATE TABLE scratch (Id int);
                        DROP TABLE scratch;");
            """);
        await VerifyCS.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task TableCopiedBeforeDrop_NoDiagnostic()
    {
        var source = Migration("""
                    migrationBuilder.Sql(@"CREATE TABLE ""ef_temp_Posts"" (""Id"" INTEGER NOT NULL, ""Title"" TEXT NULL);
                        INSERT INTO ""ef_temp_Posts"" (""Id"", ""Title"") SELECT ""Id"", ""Title"" FROM ""Posts"";
                        DROP TABLE ""Posts"";
                        ALTER TABLE ""ef_temp_Posts"" RENAME TO ""Posts"";");
            """);
        await VerifyCS.VerifyAnalyzerAsync(source);
    }

    /// <summary>ALTER TABLE … DROP COLUMN is the same change as DropColumn: MIG002 reports it, not MIG080.</summary>
    [Theory]
    [InlineData(EfVersion.Ef10)]
    [InlineData(EfVersion.Ef8)]
    public async Task DropColumnInSql_IsMig002sNotMig080(EfVersion version)
    {
        var source = Migration("""
                    migrationBuilder.Sql("ALTER TABLE \"Posts\" DROP COLUMN \"Notes\";");
                    migrationBuilder.Sql("ALTER TABLE posts DROP notes");
            """);
        await VerifyCS.VerifyAnalyzerAsync(source, version, DbProvider.PostgreSql, null);
    }

    [Fact]
    public async Task RoutineBodies_NoDiagnostic()
    {
        var source = Migration("""
                    migrationBuilder.Sql(@"CREATE OR REPLACE FUNCTION purge_logs() RETURNS void AS $body$
                        BEGIN
                            DELETE FROM logs;
                        END;
                        $body$ LANGUAGE plpgsql;");
                    migrationBuilder.Sql(@"CREATE PROCEDURE dbo.Purge AS
                        BEGIN
                            SET NOCOUNT ON;
                            DELETE FROM dbo.Logs;
                        END");
                    migrationBuilder.Sql(@"CREATE TRIGGER trg_audit AFTER DELETE ON posts
                        FOR EACH ROW EXECUTE FUNCTION audit_delete();");
            """);
        await VerifyCS.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task SqlInDown_NoDiagnostic()
    {
        var source = Migration(
            """        migrationBuilder.Sql("CREATE TABLE t (id int)");""",
            """        migrationBuilder.Sql("DROP TABLE t");""");
        await VerifyCS.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task NonConstantSql_NoDiagnostic()
    {
        var source = Migration("""
                    migrationBuilder.Sql(System.IO.File.ReadAllText("drop.sql"));
                    migrationBuilder.Sql(BuildSql());
                }

                private static string BuildSql() => "DROP TABLE x";

                private void Unused()
                {
            """);
        await VerifyCS.VerifyAnalyzerAsync(source);
    }

    [Fact]
    public async Task OtherProvidersBranch_NoDiagnostic()
    {
        var source = Migration("""
                    if (ActiveProvider == "Microsoft.EntityFrameworkCore.SqlServer")
                    {
                        migrationBuilder.Sql("DROP TABLE dbo.Legacy");
                    }
            """);
        await VerifyCS.VerifyAnalyzerAsync(source, EfVersion.Ef10, DbProvider.PostgreSql, TestSetup.Options(("provider", "postgresql")));
    }

    [Fact]
    public async Task BaselinedMigration_NoDiagnostic()
    {
        var source = Migration("""
                    migrationBuilder.Sql("DROP TABLE legacy");
            """);
        await VerifyCS.VerifyAnalyzerAsync(source, EfVersion.Ef10, DbProvider.None, TestSetup.Options(("baseline", "20240101000000_Cleanup")));
    }

    [Fact]
    public async Task BrokenCode_NoCrash()
    {
        var source = Migration("""
                    migrationBuilder.{|CS7036:Sql|}();
                    migrationBuilder.Sql({|CS0103:undefined|});
                    {|#0:migrationBuilder.Sql("DROP TABLE {0}; DELETE FROM")|};
            """);
        await VerifyCS.VerifyAnalyzerAsync(source, VerifyCS.Diagnostic("MIG080").WithLocation(0)
            .WithArguments("DROP TABLE {0}", "deletes table {0} and every row in it", string.Empty, string.Empty));
    }

    [Fact]
    public async Task SyntaxErrorsWhileTyping_NoCrash()
    {
        var test = new VerifyCS.Test
        {
            TestCode = Migration("""
                    migrationBuilder.Sql("DELETE FROM \"Logs\""
                    migrationBuilder.Sql($"DROP TABLE {
            """),
            CompilerDiagnostics = CompilerDiagnostics.None,
        };
        await test.RunAsync();
    }

    [Fact]
    public async Task InterpolatedConstant_ReportsResolvedText_ConcatenatedFieldIsAHole()
    {
        // A concatenated field reads like an interpolation hole: the statement shape is still known.
        var source = Migration("""
                    const string table = "\"Audit\"";
                    {|#0:migrationBuilder.Sql($"TRUNCATE {table}")|};
                    {|#1:migrationBuilder.Sql("DELETE FROM " + _schema + ".audit")|};
            """);
        await VerifyCS.VerifyAnalyzerAsync(source,
            Expected("TRUNCATE \"Audit\"", "deletes every row of \"Audit\""),
            VerifyCS.Diagnostic("MIG080").WithLocation(1).WithArguments("DELETE FROM {_schema}.audit", "deletes every row of {_schema}.audit", "", " (or add the missing WHERE)"));
    }

    [Theory]
    [InlineData("DO $do$ BEGIN CREATE TYPE mood AS ENUM ('sad', 'ok'); EXCEPTION WHEN duplicate_object THEN null; END $do$;")]
    [InlineData("CREATE EXTENSION IF NOT EXISTS pg_trgm; CREATE INDEX ix_posts_title ON posts USING gin (title gin_trgm_ops);")]
    [InlineData("IF EXISTS (SELECT * FROM sys.indexes WHERE name = 'IX_Old') DROP INDEX IX_Old ON dbo.Posts")]
    [InlineData("EXEC sp_rename N'dbo.Posts.Body', N'Content', N'COLUMN'")]
    [InlineData("DROP VIEW IF EXISTS v_posts; CREATE VIEW v_posts AS SELECT * FROM posts WHERE deleted = false;")]
    [InlineData("ALTER TABLE posts ALTER COLUMN rating DROP DEFAULT, ALTER COLUMN rating DROP NOT NULL;")]
    [InlineData("ALTER TABLE [dbo].[Posts] DROP CONSTRAINT [DF_Posts_Rating]")]
    [InlineData("DROP TRIGGER IF EXISTS trg_posts ON posts; DROP FUNCTION IF EXISTS purge();")]
    [InlineData("INSERT INTO roles (name) VALUES ('admin') ON CONFLICT (name) DO UPDATE SET name = excluded.name;")]
    [InlineData("MERGE INTO dbo.Settings AS t USING (VALUES ('a', 1)) AS s (k, v) ON t.k = s.k WHEN MATCHED THEN UPDATE SET v = s.v WHEN NOT MATCHED THEN INSERT (k, v) VALUES (s.k, s.v);")]
    [InlineData("WITH dupes AS (SELECT id, row_number() OVER (PARTITION BY email ORDER BY id) AS rn FROM users) DELETE FROM dupes WHERE rn > 1")]
    [InlineData("DELETE FROM sessions WHERE expires_at < now(); VACUUM ANALYZE sessions;")]
    [InlineData("UPDATE p SET p.BlogName = b.Name FROM dbo.Posts p INNER JOIN dbo.Blogs b ON b.Id = p.BlogId")]
    [InlineData("COMMENT ON TABLE posts IS 'DROP TABLE posts is forbidden';")]
    public async Task RealWorldSafeScripts_NoDiagnostic(string sql)
    {
        var source = Migration($$"""
                    migrationBuilder.Sql(@"{{sql.Replace("\"", "\"\"")}}");
            """);
        await VerifyCS.VerifyAnalyzerAsync(source);
    }
}
