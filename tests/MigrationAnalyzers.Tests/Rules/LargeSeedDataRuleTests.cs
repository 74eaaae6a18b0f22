using System.Linq;
using System.Threading.Tasks;
using MigrationAnalyzers.Tests.Verifiers;
using VerifyCS = MigrationAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<MigrationAnalyzers.Rules.LargeSeedDataRule>;

namespace MigrationAnalyzers.Tests.Rules;

public class LargeSeedDataRuleTests
{
    private static string Rows(int count, int from = 0) =>
        string.Join(",\n", Enumerable.Range(from, count).Select(i => $"                    {{ {i}, \"Country {i}\" }}"));

    private static string Seed(string up) => $$"""
        using Microsoft.EntityFrameworkCore.Migrations;

        [Migration("20240201000000_SeedCountries")]
        public class {|#0:SeedCountries|} : Migration
        {
            protected override void Up(MigrationBuilder migrationBuilder)
            {
        {{up}}
            }

            protected override void Down(MigrationBuilder migrationBuilder)
            {
            }
        }
        """;

    private static string Insert(int rows, int from = 0) => $$"""
                migrationBuilder.InsertData(
                    table: "Countries",
                    columns: new[] { "Id", "Name" },
                    values: new object[,]
                    {
        {{Rows(rows, from)}}
                    });
        """;

    [Theory]
    [InlineData(EfVersion.Ef10)]
    [InlineData(EfVersion.Ef8)]
    public async Task MoreRowsThanDefault_Reports(EfVersion version)
    {
        await VerifyCS.VerifyAnalyzerAsync(Seed(Insert(1001)), version, DbProvider.None, null,
            VerifyCS.Diagnostic("MIG088").WithLocation(0).WithArguments("SeedCountries", 1001, 1, string.Empty, 1000));
    }

    [Theory]
    [InlineData(EfVersion.Ef10)]
    [InlineData(EfVersion.Ef8)]
    public async Task RowsAddedUpOverCallsAndShapes_Reports(EfVersion version)
    {
        var up = Insert(4) + "\n" + Insert(1, from: 10) + """

                    migrationBuilder.InsertData(table: "Countries", column: "Name", values: new object[] { "A", "B", "C" });
                    migrationBuilder.InsertData(table: "Countries", columns: new[] { "Id", "Name" }, values: new object[] { 20, "D" });
                    migrationBuilder.UpdateData(table: "Countries", keyColumn: "Id", keyValues: new object[] { 1, 2 }, column: "Name", values: new object[] { "E", "F" });
                    migrationBuilder.UpdateData(table: "Countries", keyColumn: "Id", keyValue: 3, column: "Name", value: "G");
            """;
        await VerifyCS.VerifyAnalyzerAsync(Seed(up), version, DbProvider.None, TestSetup.Options(("max_seed_rows", "10")),
            VerifyCS.Diagnostic("MIG088").WithLocation(0).WithArguments("SeedCountries", 4 + 1 + 3 + 1 + 2 + 1, 6, "s", 10));
    }

    [Theory]
    [InlineData(EfVersion.Ef10, 1000, null)]
    [InlineData(EfVersion.Ef8, 1000, "lots")]
    [InlineData(EfVersion.Ef10, 1000, "-5")]
    [InlineData(EfVersion.Ef10, 1000, "1,000")]
    [InlineData(EfVersion.Ef10, 50, "50")]
    public async Task AtMostTheThreshold_NoDiagnostic(EfVersion version, int rows, string? option)
    {
        var config = option is null ? null : TestSetup.Options(("max_seed_rows", option));
        await VerifyCS.VerifyAnalyzerAsync(Seed(Insert(rows)).Replace("{|#0:", string.Empty).Replace("|}", string.Empty), version, DbProvider.None, config);
    }

    [Fact]
    public async Task InvalidOptionFallsBackToDefault_Reports()
    {
        await VerifyCS.VerifyAnalyzerAsync(Seed(Insert(1001)), EfVersion.Ef10, DbProvider.None, TestSetup.Options(("max_seed_rows", "0")),
            VerifyCS.Diagnostic("MIG088").WithLocation(0).WithArguments("SeedCountries", 1001, 1, string.Empty, 1000));
    }

    [Fact]
    public async Task RowsBuiltByCode_NotCounted()
    {
        const string up = """
                    var values = new object[2000, 2];
                    migrationBuilder.InsertData(table: "Countries", columns: new[] { "Id", "Name" }, values: values);
            """;
        await VerifyCS.VerifyAnalyzerAsync(Seed(up).Replace("{|#0:", string.Empty).Replace("|}", string.Empty), EfVersion.Ef10, DbProvider.None, TestSetup.Options(("max_seed_rows", "1")));
    }
}
