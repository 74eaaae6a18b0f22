using System;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage;
using MigrationAnalyzers.Tests.Execution;
using MigrationAnalyzers.Tests.Rules;
using MigrationAnalyzers.Tests.Verifiers;
using Npgsql;
using VerifyCS = MigrationAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<MigrationAnalyzers.Rules.BlockingIndexBuildRule, MigrationAnalyzers.CodeFixes.Rules.BlockingIndexBuildCodeFix>;

namespace MigrationAnalyzers.Tests.CodeFixes;

public class BlockingIndexBuildCodeFixTests
{
    private const string Before = """
        using Microsoft.EntityFrameworkCore.Migrations;

        [Migration("20240201000000_PostIndexes")]
        public class PostIndexes : Migration
        {
            protected override void Up(MigrationBuilder migrationBuilder)
            {
                migrationBuilder.AddColumn<string>(
                    name: "Slug",
                    table: "Posts",
                    nullable: true);

                {|#0:migrationBuilder.CreateIndex(
                    name: "IX_Posts_Title",
                    table: "Posts",
                    column: "Title")|};

                // Lookups by slug.
                {|#1:migrationBuilder.CreateIndex(
                    name: "IX_Posts_Slug",
                    table: "Posts",
                    column: "Slug",
                    unique: true)|}
                    .Annotation("{{annotation}}", false);
            }

            protected override void Down(MigrationBuilder migrationBuilder)
            {
                migrationBuilder.DropIndex(name: "IX_Posts_Slug", table: "Posts");
                migrationBuilder.DropIndex(name: "IX_Posts_Title", table: "Posts");
                migrationBuilder.DropColumn(name: "Slug", table: "Posts");
            }
        }
        """;

    internal const string After = """
        using Microsoft.EntityFrameworkCore.Migrations;

        [Migration("20240201000000_PostIndexes")]
        public class PostIndexes : Migration
        {
            protected override void Up(MigrationBuilder migrationBuilder)
            {
                migrationBuilder.AddColumn<string>(
                    name: "Slug",
                    table: "Posts",
                    nullable: true);

                migrationBuilder.CreateIndex(
                    name: "IX_Posts_Title",
                    table: "Posts",
                    column: "Title")
                    .Annotation("{{annotation}}", true);

                // Lookups by slug.
                migrationBuilder.CreateIndex(
                    name: "IX_Posts_Slug",
                    table: "Posts",
                    column: "Slug",
                    unique: true)
                    .Annotation("{{annotation}}", true);
            }

            protected override void Down(MigrationBuilder migrationBuilder)
            {
                migrationBuilder.DropIndex(name: "IX_Posts_Slug", table: "Posts");
                migrationBuilder.DropIndex(name: "IX_Posts_Title", table: "Posts");
                migrationBuilder.DropColumn(name: "Slug", table: "Posts");
            }
        }
        """;

    internal const string Concurrently = "Npgsql:CreatedConcurrently";
    private const string Online = "SqlServer:Online";

    [Theory]
    [InlineData(EfVersion.Ef10)]
    [InlineData(EfVersion.Ef8)]
    public async Task PostgreSql_FixAllAddsCreatedConcurrently(EfVersion version)
    {
        await VerifyCS.VerifyCodeFixAsync(Before.Replace("{{annotation}}", Concurrently), After.Replace("{{annotation}}", Concurrently), version, DbProvider.PostgreSql, null,
            new Microsoft.CodeAnalysis.Testing.DiagnosticResult(MigrationAnalyzers.Rules.BlockingIndexBuildRule.Rule).WithLocation(0).WithArguments("IX_Posts_Title", "Posts", Concurrently, "concurrently (CREATE INDEX CONCURRENTLY)"),
            new Microsoft.CodeAnalysis.Testing.DiagnosticResult(MigrationAnalyzers.Rules.BlockingIndexBuildRule.Rule).WithLocation(1).WithArguments("IX_Posts_Slug", "Posts", Concurrently, "concurrently (CREATE INDEX CONCURRENTLY)"));
    }

    /// <summary>Online builds need Enterprise, Developer or Azure SQL: the message and the fix title say so (they fail on Standard and Express).</summary>
    [Fact]
    public async Task SqlServer_FixAllAddsOnline_TitleAndMessageNameTheEditions()
    {
        const EfVersion version = EfVersion.Ef10; // the tests have no EF Core 8 SQL Server assembly
        const string how = "online (WITH (ONLINE = ON)) where the edition allows it: ONLINE = ON needs SQL Server Enterprise, Developer or Azure SQL and fails on Standard and Express";
        var test = new VerifyCS.Test(version, DbProvider.SqlServer)
        {
            TestCode = Before.Replace("{{annotation}}", Online),
            FixedCode = After.Replace("{{annotation}}", Online),
            CodeActionVerifier = (action, verifier) => verifier.Equal(
                "Build the index online (SqlServer:Online; ONLINE = ON needs SQL Server Enterprise, Developer or Azure SQL and fails on Standard and Express)", action.Title),
        };
        test.ExpectedDiagnostics.Add(new Microsoft.CodeAnalysis.Testing.DiagnosticResult(MigrationAnalyzers.Rules.BlockingIndexBuildRule.Rule).WithLocation(0).WithArguments("IX_Posts_Title", "Posts", Online, how));
        test.ExpectedDiagnostics.Add(new Microsoft.CodeAnalysis.Testing.DiagnosticResult(MigrationAnalyzers.Rules.BlockingIndexBuildRule.Rule).WithLocation(1).WithArguments("IX_Posts_Slug", "Posts", Online, how));
        await test.RunAsync(System.Threading.CancellationToken.None);
    }

    [Fact]
    public async Task PostgreSql_TitleNamesNoEdition()
    {
        var test = new VerifyCS.Test(EfVersion.Ef10, DbProvider.PostgreSql)
        {
            TestCode = Before.Replace("{{annotation}}", Concurrently),
            FixedCode = After.Replace("{{annotation}}", Concurrently),
            CodeActionVerifier = (action, verifier) => verifier.Equal("Build the index without blocking writes (Npgsql:CreatedConcurrently)", action.Title),
        };
        test.ExpectedDiagnostics.Add(new Microsoft.CodeAnalysis.Testing.DiagnosticResult(MigrationAnalyzers.Rules.BlockingIndexBuildRule.Rule).WithLocation(0).WithArguments("IX_Posts_Title", "Posts", Concurrently, "concurrently (CREATE INDEX CONCURRENTLY)"));
        test.ExpectedDiagnostics.Add(new Microsoft.CodeAnalysis.Testing.DiagnosticResult(MigrationAnalyzers.Rules.BlockingIndexBuildRule.Rule).WithLocation(1).WithArguments("IX_Posts_Slug", "Posts", Concurrently, "concurrently (CREATE INDEX CONCURRENTLY)"));
        await test.RunAsync(System.Threading.CancellationToken.None);
    }

    /// <summary>
    /// The fixed migration through Npgsql 10's own SQL generator: CREATE INDEX CONCURRENTLY, and the
    /// command is marked TransactionSuppressed (PostgreSQL refuses CONCURRENTLY in a transaction
    /// block), while the AddColumn before it stays transactional.
    /// </summary>
    [Fact]
    public void FixedMigration_NpgsqlGeneratesConcurrentlyOutsideTheTransaction()
    {
        var commands = ProviderSql.Generate(After.Replace("{{annotation}}", Concurrently), DbProvider.PostgreSql);

        var addColumn = Assert.Single(commands, c => c.CommandText.Contains("ADD \"Slug\""));
        Assert.False(addColumn.TransactionSuppressed);
        var title = Assert.Single(commands, c => c.CommandText.Contains("\"IX_Posts_Title\""));
        Assert.Equal("CREATE INDEX CONCURRENTLY \"IX_Posts_Title\" ON \"Posts\" (\"Title\");", title.CommandText.Trim());
        Assert.True(title.TransactionSuppressed);
        var slug = Assert.Single(commands, c => c.CommandText.Contains("\"IX_Posts_Slug\""));
        Assert.StartsWith("CREATE UNIQUE INDEX CONCURRENTLY \"IX_Posts_Slug\"", slug.CommandText.Trim(), StringComparison.Ordinal);
        Assert.True(slug.TransactionSuppressed);
    }

    [Fact]
    public void UnfixedMigration_NpgsqlBuildsABlockingIndexInTheTransaction()
    {
        var unfixed = Before.Replace("{{annotation}}", Concurrently).Replace("{|#0:", string.Empty).Replace("{|#1:", string.Empty).Replace("|}", string.Empty);
        var title = Assert.Single(ProviderSql.Generate(unfixed, DbProvider.PostgreSql), c => c.CommandText.Contains("\"IX_Posts_Title\""));
        Assert.Equal("CREATE INDEX \"IX_Posts_Title\" ON \"Posts\" (\"Title\");", title.CommandText.Trim());
        Assert.False(title.TransactionSuppressed);
    }

    [Fact]
    public void FixedMigration_SqlServerGeneratesOnlineBuild()
    {
        var commands = ProviderSql.Generate(After.Replace("{{annotation}}", Online), DbProvider.SqlServer);
        var title = Assert.Single(commands, c => c.CommandText.Contains("[IX_Posts_Title]"));
        Assert.Equal("CREATE INDEX [IX_Posts_Title] ON [Posts] ([Title]) WITH (ONLINE = ON);", title.CommandText.Trim());
        var slug = Assert.Single(commands, c => c.CommandText.Contains("[IX_Posts_Slug]"));
        Assert.Contains("WITH (ONLINE = ON)", slug.CommandText, StringComparison.Ordinal);
        Assert.All(commands, c => Assert.False(c.TransactionSuppressed));
    }

    private const string SqlBefore = """
        using Microsoft.EntityFrameworkCore.Migrations;

        [Migration("20240201000000_PostIndexes")]
        public class PostIndexes : Migration
        {
            protected override void Up(MigrationBuilder migrationBuilder)
            {
                migrationBuilder.AddColumn<string>(
                    name: "Slug",
                    table: "Posts",
                    nullable: true);

                {|#0:migrationBuilder.Sql("CREATE INDEX \"IX_Posts_Title\" ON \"Posts\" (\"Title\");")|};

                {|#1:migrationBuilder.Sql(@"CREATE UNIQUE INDEX IF NOT EXISTS ""IX_Posts_Slug"" ON ""Posts"" (""Slug"")", false)|};

                {|#2:migrationBuilder.Sql("CREATE INDEX ix_posts_id ON \"Posts\" (\"Id\"); ANALYZE \"Posts\";")|};
            }
        }
        """;

    internal const string SqlAfter = """
        using Microsoft.EntityFrameworkCore.Migrations;

        [Migration("20240201000000_PostIndexes")]
        public class PostIndexes : Migration
        {
            protected override void Up(MigrationBuilder migrationBuilder)
            {
                migrationBuilder.AddColumn<string>(
                    name: "Slug",
                    table: "Posts",
                    nullable: true);

                migrationBuilder.Sql("CREATE INDEX CONCURRENTLY \"IX_Posts_Title\" ON \"Posts\" (\"Title\");", suppressTransaction: true);

                migrationBuilder.Sql(@"CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS ""IX_Posts_Slug"" ON ""Posts"" (""Slug"")", true);

                {|#2:migrationBuilder.Sql("CREATE INDEX ix_posts_id ON \"Posts\" (\"Id\"); ANALYZE \"Posts\";")|};
            }
        }
        """;

    private static Microsoft.CodeAnalysis.Testing.DiagnosticResult SqlIndex(int location, string statement, string index) =>
        new Microsoft.CodeAnalysis.Testing.DiagnosticResult(MigrationAnalyzers.Rules.BlockingIndexBuildRule.SqlRule).WithLocation(location).WithArguments(statement, index, "Posts");

    /// <summary>
    /// CREATE INDEX in Sql: the fix writes CONCURRENTLY after INDEX and suppressTransaction: true (named, or the
    /// positional false made true); a Sql call with more statements gets no fix (they would share one transaction).
    /// </summary>
    [Theory]
    [InlineData(EfVersion.Ef10)]
    [InlineData(EfVersion.Ef8)]
    public async Task SqlCreateIndex_FixAllWritesConcurrentlyAndSuppressTransaction(EfVersion version)
    {
        var test = new VerifyCS.Test(version, DbProvider.PostgreSql)
        {
            TestCode = SqlBefore,
            FixedCode = SqlAfter,
            CodeActionVerifier = (action, verifier) => verifier.Equal("Build the index concurrently (CREATE INDEX CONCURRENTLY, suppressTransaction: true)", action.Title),
        };
        test.ExpectedDiagnostics.Add(SqlIndex(0, "CREATE INDEX \"IX_Posts_Title\" ON \"Posts\" (\"Title\")", "IX_Posts_Title"));
        test.ExpectedDiagnostics.Add(SqlIndex(1, "CREATE UNIQUE INDEX IF NOT EXISTS \"IX_Posts_Slug\" ON \"Posts\" (\"Slug\")", "IX_Posts_Slug"));
        test.ExpectedDiagnostics.Add(SqlIndex(2, "CREATE INDEX ix_posts_id ON \"Posts\" (\"Id\")", "ix_posts_id"));
        test.FixedState.ExpectedDiagnostics.Add(SqlIndex(2, "CREATE INDEX ix_posts_id ON \"Posts\" (\"Id\")", "ix_posts_id"));
        await test.RunAsync(System.Threading.CancellationToken.None);
    }
}
