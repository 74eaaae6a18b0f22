using System;
using System.Threading.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using MigrationAnalyzers.Tests.Execution;
using MigrationAnalyzers.Tests.Rules;
using MigrationAnalyzers.Tests.Verifiers;
using Npgsql;
using VerifyCS = MigrationAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<MigrationAnalyzers.Rules.LockTimeoutMissingRule, MigrationAnalyzers.CodeFixes.Rules.LockTimeoutMissingCodeFix>;

namespace MigrationAnalyzers.Tests.CodeFixes;

public class LockTimeoutMissingCodeFixTests
{
    private const string Source = """
        using Microsoft.EntityFrameworkCore.Migrations;

        namespace Blog.Migrations
        {
            [Migration("20240301000000_PostSlug")]
            public partial class PostSlug : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    // Slugs for friendly URLs.
                    {|#0:migrationBuilder.AddColumn<string>(
                        name: "Slug",
                        table: "Posts",
                        type: "text",
                        nullable: true)|};
                }

                protected override void Down(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.DropColumn(
                        name: "Slug",
                        table: "Posts");
                }
            }

            [Migration("20240302000000_SlugIndex")]
            public partial class SlugIndex : Migration
            {
                protected override void Up(MigrationBuilder builder)
                {
                    {|#1:builder.CreateIndex(
                        name: "IX_Posts_Slug",
                        table: "Posts",
                        column: "Slug")|};
                }

                protected override void Down(MigrationBuilder builder)
                {
                    builder.DropIndex(
                        name: "IX_Posts_Slug",
                        table: "Posts");
                }
            }
        }
        """;

    internal const string FixedSource = """
        using Microsoft.EntityFrameworkCore.Migrations;

        namespace Blog.Migrations
        {
            [Migration("20240301000000_PostSlug")]
            public partial class PostSlug : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.Sql(
                        sql: "SET lock_timeout = '5s';");

                    // Slugs for friendly URLs.
                    migrationBuilder.AddColumn<string>(
                        name: "Slug",
                        table: "Posts",
                        type: "text",
                        nullable: true);
                }

                protected override void Down(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.DropColumn(
                        name: "Slug",
                        table: "Posts");
                }
            }

            [Migration("20240302000000_SlugIndex")]
            public partial class SlugIndex : Migration
            {
                protected override void Up(MigrationBuilder builder)
                {
                    builder.Sql(
                        sql: "SET lock_timeout = '5s';");

                    builder.CreateIndex(
                        name: "IX_Posts_Slug",
                        table: "Posts",
                        column: "Slug");
                }

                protected override void Down(MigrationBuilder builder)
                {
                    builder.DropIndex(
                        name: "IX_Posts_Slug",
                        table: "Posts");
                }
            }
        }
        """;

    /// <summary>Before/after of one fix per migration and Fix All over both (the verifier runs both).</summary>
    [Theory]
    [InlineData(EfVersion.Ef10)]
    [InlineData(EfVersion.Ef8)]
    public async Task InsertsLockTimeoutAtTopOfUp(EfVersion version)
    {
        await VerifyCS.VerifyCodeFixAsync(Source, FixedSource, version, DbProvider.PostgreSql, LockTimeoutMissingRuleTests.Required,
            VerifyCS.Diagnostic("MIG068").WithLocation(0).WithArguments("AddColumn", "Posts"),
            VerifyCS.Diagnostic("MIG068").WithLocation(1).WithArguments("CreateIndex", "Posts"));
    }

    [Fact]
    public async Task ExpressionBodiedUp_NoFixOffered()
    {
        const string source = """
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240301000000_PostSlug")]
            public class PostSlug : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder) =>
                    {|#0:migrationBuilder.AddColumn<string>(name: "Slug", table: "Posts", type: "text", nullable: true)|};
            }
            """;
        await VerifyCS.VerifyCodeFixAsync(source, source, EfVersion.Ef10, DbProvider.PostgreSql, LockTimeoutMissingRuleTests.Required,
            VerifyCS.Diagnostic("MIG068").WithLocation(0).WithArguments("AddColumn", "Posts"));
    }
}
