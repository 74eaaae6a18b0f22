using System;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage;
using MigrationAnalyzers.Tests.Execution;
using MigrationAnalyzers.Tests.Verifiers;
using Npgsql;
using VerifyCS = MigrationAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<MigrationAnalyzers.Rules.VolatileDefaultRule>;

namespace MigrationAnalyzers.Tests.Rules;

public class VolatileDefaultRuleTests
{
    private const string Rewrites = "the function is VOLATILE, so PostgreSQL evaluates it for every existing row and rewrites the whole table and its indexes under an ACCESS EXCLUSIVE lock";
    private const string Once = "the function is evaluated once (STABLE): no rewrite on PostgreSQL 11+, but every existing row gets the migration's timestamp, and PostgreSQL 10 and older rewrite the table";

    internal static string AddColumn(string type, string defaultSql) => $$"""
        using Microsoft.EntityFrameworkCore.Migrations;

        [Migration("20240301000000_AddColumn")]
        public class AddColumn : Migration
        {
            protected override void Up(MigrationBuilder migrationBuilder)
            {
                {|#0:migrationBuilder.AddColumn<{{type}}>(
                    name: "Value",
                    table: "Posts",
                    nullable: false,
                    defaultValueSql: "{{defaultSql}}")|};
            }
        }
        """;

    [Theory]
    [InlineData(EfVersion.Ef10, "System.Guid", "gen_random_uuid()")]
    [InlineData(EfVersion.Ef8, "System.Guid", "uuid_generate_v4()")]
    [InlineData(EfVersion.Ef10, "System.DateTime", "clock_timestamp()")]
    [InlineData(EfVersion.Ef8, "double", "random()")]
    [InlineData(EfVersion.Ef10, "long", "nextval('posts_seq')")]
    public async Task VolatileDefault_ReportsRewrite(EfVersion version, string type, string sql)
    {
        await VerifyCS.VerifyAnalyzerAsync(AddColumn(type, sql), version, DbProvider.PostgreSql, null,
            VerifyCS.Diagnostic("MIG065").WithLocation(0).WithArguments("Posts", "Value", sql, Rewrites));
    }

    [Theory]
    [InlineData(EfVersion.Ef10, "now()")]
    [InlineData(EfVersion.Ef8, "CURRENT_TIMESTAMP")]
    [InlineData(EfVersion.Ef10, "(NOW() AT TIME ZONE 'utc')")]
    public async Task StableTimeDefault_ReportsSameValueForEveryRow(EfVersion version, string sql)
    {
        await VerifyCS.VerifyAnalyzerAsync(AddColumn("System.DateTime", sql), version, DbProvider.PostgreSql, null,
            VerifyCS.Diagnostic("MIG065").WithLocation(0).WithArguments("Posts", "Value", sql, Once));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("'now'")]
    [InlineData("'random()'")]
    [InlineData("my_random()")]
    [InlineData("''")]
    public async Task ConstantOrUnknownFunctionDefault_NoDiagnostic(string sql)
    {
        var source = AddColumn("string", sql).Replace("{|#0:", string.Empty).Replace(")|};", ");");
        await VerifyCS.VerifyAnalyzerAsync(source, EfVersion.Ef10, DbProvider.PostgreSql, null);
    }

    [Theory]
    [InlineData(EfVersion.Ef10, DbProvider.SqlServer)]
    [InlineData(EfVersion.Ef8, DbProvider.Sqlite)]
    [InlineData(EfVersion.Ef10, DbProvider.None)]
    public async Task OtherProviders_NoDiagnostic(EfVersion version, DbProvider provider)
    {
        var source = AddColumn("System.Guid", "gen_random_uuid()").Replace("{|#0:", string.Empty).Replace(")|};", ");");
        await VerifyCS.VerifyAnalyzerAsync(source, version, provider, null);
    }

    [Theory]
    [InlineData(EfVersion.Ef10)]
    [InlineData(EfVersion.Ef8)]
    public async Task EfScaffoldedNewTableWithVolatileDefault_NoDiagnostic(EfVersion version)
    {
        const string source = """
            using System;
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240301000000_Events")]
            public class Events : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.CreateTable(
                        name: "Events",
                        columns: table => new
                        {
                            Id = table.Column<Guid>(type: "uuid", nullable: false, defaultValueSql: "gen_random_uuid()"),
                            At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()")
                        },
                        constraints: table => table.PrimaryKey("PK_Events", x => x.Id));

                    migrationBuilder.AddColumn<Guid>(
                        name: "Token",
                        table: "Events",
                        type: "uuid",
                        nullable: false,
                        defaultValueSql: "gen_random_uuid()");
                }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source, version, DbProvider.PostgreSql, null);
    }

    [Fact]
    public async Task NonConstantDefaultOrBrokenCode_NoDiagnostic()
    {
        const string source = """
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240301000000_AddColumn")]
            public class AddColumn : Migration
            {
                private static readonly string Sql = System.Environment.GetEnvironmentVariable("S") ?? "random()";

                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.AddColumn<double>(name: "A", table: "Posts", defaultValueSql: Sql);
                    migrationBuilder.AddColumn<double>(name: "B", table: , defaultValueSql: "random()");
                }
            }
            """;
        var test = new VerifyCS.Test(EfVersion.Ef10, DbProvider.PostgreSql) { TestCode = source, CompilerDiagnostics = Microsoft.CodeAnalysis.Testing.CompilerDiagnostics.None };
        await test.RunAsync();
    }
}
