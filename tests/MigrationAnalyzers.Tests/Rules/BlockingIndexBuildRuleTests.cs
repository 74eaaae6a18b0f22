using System.Threading.Tasks;
using MigrationAnalyzers.Tests.Verifiers;
using VerifyCS = MigrationAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<MigrationAnalyzers.Rules.BlockingIndexBuildRule>;

namespace MigrationAnalyzers.Tests.Rules;

public class BlockingIndexBuildRuleTests
{
    private const string IndexOnExistingTable = """
        using Microsoft.EntityFrameworkCore.Migrations;

        [Migration("20240201000000_PostTitleIndex")]
        public class PostTitleIndex : Migration
        {
            protected override void Up(MigrationBuilder migrationBuilder)
            {
                {|#0:migrationBuilder.CreateIndex(
                    name: "IX_Posts_Title",
                    table: "Posts",
                    column: "Title")|};
            }

            protected override void Down(MigrationBuilder migrationBuilder)
            {
                migrationBuilder.DropIndex(
                    name: "IX_Posts_Title",
                    table: "Posts");
            }
        }
        """;

    [Theory]
    [InlineData(EfVersion.Ef10)]
    [InlineData(EfVersion.Ef8)]
    public async Task PostgreSqlIndexOnExistingTable_Reports(EfVersion version)
    {
        await VerifyCS.VerifyAnalyzerAsync(IndexOnExistingTable, version, DbProvider.PostgreSql, null,
            new Microsoft.CodeAnalysis.Testing.DiagnosticResult(MigrationAnalyzers.Rules.BlockingIndexBuildRule.Rule).WithLocation(0).WithArguments("IX_Posts_Title", "Posts", "Npgsql:CreatedConcurrently", "concurrently (CREATE INDEX CONCURRENTLY)"));
    }

    [Fact]
    public async Task SqlServerIndexOnExistingTable_Reports()
    {
        await VerifyCS.VerifyAnalyzerAsync(IndexOnExistingTable, EfVersion.Ef10, DbProvider.SqlServer, null,
            new Microsoft.CodeAnalysis.Testing.DiagnosticResult(MigrationAnalyzers.Rules.BlockingIndexBuildRule.Rule).WithLocation(0).WithArguments("IX_Posts_Title", "Posts", "SqlServer:Online", "online (WITH (ONLINE = ON)) where the edition allows it: ONLINE = ON needs SQL Server Enterprise, Developer or Azure SQL and fails on Standard and Express"));
    }

    [Fact]
    public async Task ProviderFromGlobalConfig_Reports()
    {
        await VerifyCS.VerifyAnalyzerAsync(IndexOnExistingTable, EfVersion.Ef8, DbProvider.None, TestSetup.Options(("provider", "postgresql")),
            new Microsoft.CodeAnalysis.Testing.DiagnosticResult(MigrationAnalyzers.Rules.BlockingIndexBuildRule.Rule).WithLocation(0).WithArguments("IX_Posts_Title", "Posts", "Npgsql:CreatedConcurrently", "concurrently (CREATE INDEX CONCURRENTLY)"));
    }

    [Theory]
    [InlineData(EfVersion.Ef10, DbProvider.Sqlite)]
    [InlineData(EfVersion.Ef8, DbProvider.Sqlite)]
    [InlineData(EfVersion.Ef10, DbProvider.None)]
    [InlineData(EfVersion.Ef10, DbProvider.PostgreSql | DbProvider.SqlServer)]
    public async Task SqliteOrUnknownProvider_NoDiagnostic(EfVersion version, DbProvider provider)
    {
        await VerifyCS.VerifyAnalyzerAsync(IndexOnExistingTable.Replace("{|#0:", string.Empty).Replace(")|};", ");"), version, provider, null);
    }

    [Theory]
    [InlineData(EfVersion.Ef10, DbProvider.PostgreSql)]
    [InlineData(EfVersion.Ef8, DbProvider.PostgreSql)]
    [InlineData(EfVersion.Ef10, DbProvider.SqlServer)]
    public async Task EfScaffoldedNewTableWithIndexes_NoDiagnostic(EfVersion version, DbProvider provider)
    {
        const string source = """
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
                            Title = table.Column<string>(maxLength: 200, nullable: false)
                        },
                        constraints: table =>
                        {
                            table.PrimaryKey("PK_Posts", x => x.Id);
                        });

                    migrationBuilder.CreateIndex(
                        name: "IX_Posts_Title",
                        table: "Posts",
                        column: "Title",
                        unique: true);
                }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source, version, provider, null);
    }

    [Theory]
    [InlineData(EfVersion.Ef10, DbProvider.PostgreSql, "Npgsql:CreatedConcurrently")]
    [InlineData(EfVersion.Ef8, DbProvider.PostgreSql, "Npgsql:CreatedConcurrently")]
    [InlineData(EfVersion.Ef10, DbProvider.SqlServer, "SqlServer:Online")]
    public async Task NonBlockingAnnotationPresent_NoDiagnostic(EfVersion version, DbProvider provider, string annotation)
    {
        var source = $$"""
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240201000000_PostTitleIndex")]
            public class PostTitleIndex : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.CreateIndex(
                        name: "IX_Posts_Title",
                        table: "Posts",
                        column: "Title")
                        .Annotation("{{annotation}}", true);
                }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source, version, provider, null);
    }

    [Fact]
    public async Task OtherProvidersAnnotationOrExplicitFalse_Reports()
    {
        const string source = """
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240201000000_PostTitleIndex")]
            public class PostTitleIndex : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    {|#0:migrationBuilder.CreateIndex(
                        name: "IX_Posts_Title",
                        table: "Posts",
                        column: "Title")|}
                        .Annotation("SqlServer:Online", true);

                    {|#1:migrationBuilder.CreateIndex(
                        name: "IX_Posts_Date",
                        table: "Posts",
                        column: "Date")|}
                        .Annotation("Npgsql:CreatedConcurrently", false);
                }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source, EfVersion.Ef10, DbProvider.PostgreSql, null,
            new Microsoft.CodeAnalysis.Testing.DiagnosticResult(MigrationAnalyzers.Rules.BlockingIndexBuildRule.Rule).WithLocation(0).WithArguments("IX_Posts_Title", "Posts", "Npgsql:CreatedConcurrently", "concurrently (CREATE INDEX CONCURRENTLY)"),
            new Microsoft.CodeAnalysis.Testing.DiagnosticResult(MigrationAnalyzers.Rules.BlockingIndexBuildRule.Rule).WithLocation(1).WithArguments("IX_Posts_Date", "Posts", "Npgsql:CreatedConcurrently", "concurrently (CREATE INDEX CONCURRENTLY)"));
    }

    [Fact]
    public async Task TableCreatedAfterBaseline_NoDiagnostic()
    {
        const string create = """
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240301000000_Tags")]
            public class Tags : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.CreateTable(
                        name: "Tags",
                        columns: table => new { Id = table.Column<int>(nullable: false), Name = table.Column<string>(nullable: false) },
                        constraints: table => table.PrimaryKey("PK_Tags", x => x.Id));
                }
            }
            """;
        const string index = """
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240302000000_TagName")]
            public class TagName : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.CreateIndex(name: "IX_Tags_Name", table: "Tags", column: "Name");
                }
            }
            """;
        // Tags is created after the baseline: not deployed yet, so it holds no rows to lock.
        await VerifyCS.VerifyAnalyzerAsync(new[] { create, index }, EfVersion.Ef10, DbProvider.PostgreSql, TestSetup.Options(("baseline", "20240101000000_Initial")));
    }

    [Fact]
    public async Task NonConstantTableOrOtherProviderBranch_NoDiagnostic()
    {
        const string source = """
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240201000000_PostTitleIndex")]
            public class PostTitleIndex : Migration
            {
                private readonly string _table = System.Environment.GetEnvironmentVariable("T") ?? "Posts";

                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.CreateIndex(name: "IX_Title", table: _table, column: "Title");
                    if (ActiveProvider == "Microsoft.EntityFrameworkCore.Sqlite")
                    {
                        migrationBuilder.CreateIndex(name: "IX_Posts_Title", table: "Posts", column: "Title");
                    }
                }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source, EfVersion.Ef10, DbProvider.PostgreSql, null);
    }

    [Theory]
    [InlineData(EfVersion.Ef10)]
    [InlineData(EfVersion.Ef8)]
    public async Task TableCreatedByUnboundCreateTable_NoDiagnosticOnItsIndexes(EfVersion version)
    {
        // The CreateTable's column type does not bind (a provider type without its reference): the
        // model records it as Unknown, yet it creates Shapes: its indexes are on a new table.
        const string source = """
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240201000000_Shapes")]
            public class Shapes : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.CreateTable(
                        name: "Shapes",
                        columns: table => new
                        {
                            Id = table.Column<int>(type: "integer", nullable: false),
                            Where = table.Column<GeoPoint>(type: "point", nullable: false),
                            OwnerId = table.Column<int>(type: "integer", nullable: false)
                        },
                        constraints: table => table.PrimaryKey("PK_Shapes", x => x.Id));

                    migrationBuilder.CreateIndex(name: "IX_Shapes_OwnerId", table: "Shapes", column: "OwnerId");
                    {|#0:migrationBuilder.CreateIndex(name: "IX_Posts_Title", table: "Posts", column: "Title")|};
                }
            }
            """;
        var test = new VerifyCS.Test(version, DbProvider.PostgreSql) { TestCode = source, CompilerDiagnostics = Microsoft.CodeAnalysis.Testing.CompilerDiagnostics.None };
        test.ExpectedDiagnostics.Add(new Microsoft.CodeAnalysis.Testing.DiagnosticResult(MigrationAnalyzers.Rules.BlockingIndexBuildRule.Rule).WithLocation(0).WithArguments("IX_Posts_Title", "Posts", "Npgsql:CreatedConcurrently", "concurrently (CREATE INDEX CONCURRENTLY)"));
        await test.RunAsync();
    }

    [Theory]
    [InlineData(EfVersion.Ef10)]
    [InlineData(EfVersion.Ef8)]
    public async Task TableCreatedByHelperWithoutSourceOrRawSql_NoDiagnostic(EfVersion version)
    {
        // A helper the model cannot follow that is given the table's name, and a SQLite-style rebuild
        // in raw SQL: either may have created the table, so it is not known to hold rows.
        const string source = """
            using System;
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240201000000_Audit")]
            public class Audit : Migration
            {
                private static readonly Action<MigrationBuilder, string> CreateAuditTable = (b, name) => { };

                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    CreateAuditTable(migrationBuilder, "AuditEntries");
                    migrationBuilder.CreateIndex(name: "IX_AuditEntries_At", table: "AuditEntries", column: "At");

                    migrationBuilder.Sql("CREATE TABLE \"Tags_new\" (\"Id\" integer NOT NULL, \"Name\" text); INSERT INTO \"Tags_new\" SELECT \"Id\", \"Name\" FROM \"Tags\"; DROP TABLE \"Tags\"; ALTER TABLE \"Tags_new\" RENAME TO \"Tags\";");
                    migrationBuilder.CreateIndex(name: "IX_Tags_Name", table: "Tags", column: "Name");

                    {|#0:migrationBuilder.CreateIndex(name: "IX_Posts_Title", table: "Posts", column: "Title")|};
                }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source, version, DbProvider.PostgreSql, null,
            new Microsoft.CodeAnalysis.Testing.DiagnosticResult(MigrationAnalyzers.Rules.BlockingIndexBuildRule.Rule).WithLocation(0).WithArguments("IX_Posts_Title", "Posts", "Npgsql:CreatedConcurrently", "concurrently (CREATE INDEX CONCURRENTLY)"));
    }

    [Theory]
    [InlineData(EfVersion.Ef10)]
    [InlineData(EfVersion.Ef8)]
    public async Task HelperWithoutAnyNameBeforeIndex_NoDiagnostic(EfVersion version)
    {
        // Nothing tells which tables the helper creates: any of them may be new.
        const string source = """
            using System;
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240201000000_Setup")]
            public class Setup : Migration
            {
                private static readonly Action<MigrationBuilder> CreateTables = b => { };

                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    CreateTables(migrationBuilder);
                    migrationBuilder.CreateIndex(name: "IX_Posts_Title", table: "Posts", column: "Title");
                }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source, version, DbProvider.PostgreSql, null);
    }

    [Theory]
    [InlineData(EfVersion.Ef10)]
    [InlineData(EfVersion.Ef8)]
    public async Task TableMaybeCreatedByUnreadableMigrationAfterBaseline_NoDiagnostic(EfVersion version)
    {
        // With a baseline, a table created after it is not deployed yet. A migration after the baseline
        // that the model cannot read, but that names Tags, may be the one that creates it.
        const string unreadable = """
            using System;
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240201000000_Tags")]
            public class Tags : Migration
            {
                private static readonly Action<MigrationBuilder, string> CreateLookupTable = (b, name) => { };

                protected override void Up(MigrationBuilder migrationBuilder) => CreateLookupTable(migrationBuilder, "Tags");
            }
            """;
        const string index = """
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240301000000_Indexes")]
            public class Indexes : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.CreateIndex(name: "IX_Tags_Name", table: "Tags", column: "Name");
                    {|#0:migrationBuilder.CreateIndex(name: "IX_Posts_Title", table: "Posts", column: "Title")|};
                }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(new[] { unreadable, index }, version, DbProvider.PostgreSql, TestSetup.Options(("baseline", "20240101000000_Initial")),
            new Microsoft.CodeAnalysis.Testing.DiagnosticResult(MigrationAnalyzers.Rules.BlockingIndexBuildRule.Rule).WithLocation(0).WithArguments("IX_Posts_Title", "Posts", "Npgsql:CreatedConcurrently", "concurrently (CREATE INDEX CONCURRENTLY)"));
    }

    [Fact]
    public async Task BrokenCode_NoCrash()
    {
        const string source = """
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240201000000_PostTitleIndex")]
            public class PostTitleIndex : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.CreateIndex(name: "IX_Posts_Title", table: "Posts", columns: )
                }
            }
            """;
        var test = new VerifyCS.Test(EfVersion.Ef10, DbProvider.PostgreSql) { TestCode = source, CompilerDiagnostics = Microsoft.CodeAnalysis.Testing.CompilerDiagnostics.None };
        await test.RunAsync();
    }

    private static string SqlMigration(string up) => $$"""
        using Microsoft.EntityFrameworkCore.Migrations;

        [Migration("20240201000000_PostTitleIndex")]
        public class PostTitleIndex : Migration
        {
            protected override void Up(MigrationBuilder migrationBuilder)
            {
        {{up}}
            }
        }
        """;

    private static Microsoft.CodeAnalysis.Testing.DiagnosticResult SqlIndex(int location, string statement, string index, string table) =>
        new Microsoft.CodeAnalysis.Testing.DiagnosticResult(MigrationAnalyzers.Rules.BlockingIndexBuildRule.SqlRule).WithLocation(location).WithArguments(statement, index, table);

    /// <summary>CREATE INDEX in Sql on PostgreSQL is the same blocking build as CreateIndex (issue 13): reported at the Sql call.</summary>
    [Theory]
    [InlineData(EfVersion.Ef10)]
    [InlineData(EfVersion.Ef8)]
    public async Task PostgreSqlCreateIndexInSqlOnExistingTable_Reports(EfVersion version)
    {
        var source = SqlMigration("""
                    {|#0:migrationBuilder.Sql("CREATE INDEX ix_posts_title ON posts (title);")|};
                    {|#1:migrationBuilder.Sql(@"CREATE UNIQUE INDEX ""IX_Posts_Slug"" ON public.""Posts"" (""Slug"") WHERE ""Slug"" IS NOT NULL;
                        ANALYZE ""Posts"";")|};
            """);
        await VerifyCS.VerifyAnalyzerAsync(source, version, DbProvider.PostgreSql, null,
            SqlIndex(0, "CREATE INDEX ix_posts_title ON posts (title)", "ix_posts_title", "posts"),
            SqlIndex(1, "CREATE UNIQUE INDEX \"IX_Posts_Slug\" ON public.\"Posts\" (\"Slug\") WHERE \"Slug\" IS NOT NULL", "IX_Posts_Slug", "Posts"));
    }

    /// <summary>Not flagged: CONCURRENTLY, a table this Up created (CreateTable or CREATE TABLE), another provider, SQL that is not read.</summary>
    [Theory]
    [InlineData(EfVersion.Ef10)]
    [InlineData(EfVersion.Ef8)]
    public async Task ConcurrentNewTableOrUnreadSqlIndex_NoDiagnostic(EfVersion version)
    {
        var source = SqlMigration("""
                    migrationBuilder.Sql("CREATE INDEX CONCURRENTLY ix_posts_title ON posts (title);", suppressTransaction: true);
                    migrationBuilder.CreateTable(name: "Tags", columns: table => new { Id = table.Column<int>(nullable: false) });
                    migrationBuilder.Sql("CREATE INDEX ix_tags_id ON \"Tags\" (\"Id\");");
                    migrationBuilder.Sql("CREATE TABLE audit (id int); CREATE INDEX ix_audit_id ON audit (id);");
                    migrationBuilder.Sql(System.IO.File.ReadAllText("indexes.sql"));
                    migrationBuilder.Sql("CREATE INDEX");
            """);
        await VerifyCS.VerifyAnalyzerAsync(source, version, DbProvider.PostgreSql, null);
    }

    [Theory]
    [InlineData(DbProvider.SqlServer)]
    [InlineData(DbProvider.Sqlite)]
    [InlineData(DbProvider.None)]
    public async Task CreateIndexInSqlOffPostgreSql_NoDiagnostic(DbProvider provider)
    {
        var source = SqlMigration("""
                    migrationBuilder.Sql("CREATE INDEX ix_posts_title ON posts (title);");
            """);
        await VerifyCS.VerifyAnalyzerAsync(source, EfVersion.Ef10, provider, null);
    }
}
