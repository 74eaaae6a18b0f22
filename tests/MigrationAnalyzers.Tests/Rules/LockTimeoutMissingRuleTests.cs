using System.Threading.Tasks;
using MigrationAnalyzers.Tests.Verifiers;
using VerifyCS = MigrationAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<MigrationAnalyzers.Rules.LockTimeoutMissingRule>;

namespace MigrationAnalyzers.Tests.Rules;

public class LockTimeoutMissingRuleTests
{
    internal static readonly string Required = TestSetup.Options(("postgres_lock_timeout", "required"));

    internal const string AddSlug = """
                {|#0:migrationBuilder.AddColumn<string>(
                    name: "Slug",
                    table: "Posts",
                    type: "text",
                    nullable: true)|};
        """;

    private static string Silent(string up) => MigrationSources.WithUp(up.Replace("{|#0:", string.Empty).Replace(")|}", ")"));

    [Theory]
    [InlineData(EfVersion.Ef10)]
    [InlineData(EfVersion.Ef8)]
    public async Task ExistingTableChangedWithoutTimeout_Reports(EfVersion version)
    {
        var up = """
                    migrationBuilder.Sql("UPDATE \"Posts\" SET \"Rank\" = 0 WHERE \"Rank\" IS NULL;");
                    migrationBuilder.InsertData(table: "Tags", columns: new[] { "Id", "Name" }, values: new object[] { 1, "news" });

            """ + AddSlug + """

                    migrationBuilder.CreateIndex(name: "IX_Posts_Slug", table: "Posts", column: "Slug");
            """;
        await VerifyCS.VerifyAnalyzerAsync(MigrationSources.WithUp(up), version, DbProvider.PostgreSql, Required,
            VerifyCS.Diagnostic("MIG068").WithLocation(0).WithArguments("AddColumn", "Posts"));
    }

    [Theory]
    [InlineData(EfVersion.Ef10, "SET lock_timeout = '5s';")]
    [InlineData(EfVersion.Ef8, "SET LOCAL lock_timeout TO '2s'; SET statement_timeout = '1min';")]
    [InlineData(EfVersion.Ef10, "-- fail fast\nSET SESSION lock_timeout = 3000;")]
    public async Task TimeoutSetFirst_NoDiagnostic(EfVersion version, string sql)
    {
        var up = $"        migrationBuilder.Sql(@\"{sql.Replace("\"", "\"\"")}\");\n" + AddSlug;
        await VerifyCS.VerifyAnalyzerAsync(Silent(up), version, DbProvider.PostgreSql, Required);
    }

    [Fact]
    public async Task TimeoutSetToZero_Reports()
    {
        var up = "        migrationBuilder.Sql(\"SET lock_timeout = 0;\");\n" + AddSlug;
        await VerifyCS.VerifyAnalyzerAsync(MigrationSources.WithUp(up), EfVersion.Ef10, DbProvider.PostgreSql, Required,
            VerifyCS.Diagnostic("MIG068").WithLocation(0).WithArguments("AddColumn", "Posts"));
    }

    [Theory]
    [InlineData(EfVersion.Ef10, DbProvider.PostgreSql, null)]
    [InlineData(EfVersion.Ef10, DbProvider.PostgreSql, "migration_analyzers.postgres_lock_timeout = off")]
    [InlineData(EfVersion.Ef8, DbProvider.PostgreSql, "migration_analyzers.postgres_lock_timeout = yes please")]
    [InlineData(EfVersion.Ef10, DbProvider.SqlServer, "migration_analyzers.postgres_lock_timeout = required")]
    public async Task OptionOffOrOtherProvider_NoDiagnostic(EfVersion version, DbProvider provider, string? config)
    {
        await VerifyCS.VerifyAnalyzerAsync(Silent(AddSlug), version, provider, config);
    }

    [Theory]
    [InlineData(EfVersion.Ef10)]
    [InlineData(EfVersion.Ef8)]
    public async Task NewTableOrUnreadableFirst_NoDiagnostic(EfVersion version)
    {
        var newTable = """
                    migrationBuilder.CreateTable(
                        name: "Posts",
                        columns: table => new { Id = table.Column<int>(type: "integer", nullable: false) },
                        constraints: table => table.PrimaryKey("PK_Posts", x => x.Id));

            """ + AddSlug;
        await VerifyCS.VerifyAnalyzerAsync(Silent(newTable), version, DbProvider.PostgreSql, Required);

        var unreadable = "        migrationBuilder.Sql(Environment.GetEnvironmentVariable(\"PRELUDE\") ?? \"\");\n" + AddSlug;
        await VerifyCS.VerifyAnalyzerAsync(Silent(unreadable), version, DbProvider.PostgreSql, Required);
    }
}
