using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using MigrationAnalyzers.Tests.Verifiers;
using VerifyCS = MigrationAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<MigrationAnalyzers.Rules.DropSchemaOrSequenceRule>;

namespace MigrationAnalyzers.Tests.Rules;

public class DropSchemaOrSequenceRuleTests
{
    private const string SequenceConsequence =
        "its current value is lost, defaults and code still drawing from it fail, and a re-created sequence restarts from its start value; make sure nothing uses it any more";

    private const string SchemaConsequence =
        "it fails while objects remain in it and breaks code or permissions that still refer to it; make sure it is empty and unused";

    [Theory]
    [InlineData(EfVersion.Ef10)]
    [InlineData(EfVersion.Ef8)]
    public async Task DropSequenceAndDropSchemaInUp_ReportInfo(EfVersion version)
    {
        const string source = """
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240101000000_RemoveOrderNumbers")]
            public class RemoveOrderNumbers : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    {|#0:migrationBuilder.DropSequence(
                        name: "OrderNumbers",
                        schema: "sales")|};

                    {|#1:migrationBuilder.DropSequence(
                        name: "InvoiceNumbers")|};

                    {|#2:migrationBuilder.DropSchema(
                        name: "sales")|};
                }

                protected override void Down(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.EnsureSchema(
                        name: "sales");

                    migrationBuilder.CreateSequence(
                        name: "OrderNumbers",
                        schema: "sales");

                    migrationBuilder.CreateSequence(
                        name: "InvoiceNumbers");
                }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source, version, DbProvider.None, null,
            VerifyCS.Diagnostic("MIG007").WithLocation(0).WithArguments("DropSequence", "sequence", "sales.OrderNumbers", SequenceConsequence),
            VerifyCS.Diagnostic("MIG007").WithLocation(1).WithArguments("DropSequence", "sequence", "InvoiceNumbers", SequenceConsequence),
            VerifyCS.Diagnostic("MIG007").WithLocation(2).WithArguments("DropSchema", "schema", "sales", SchemaConsequence));
    }

    [Fact]
    public async Task Severity_IsInfo()
    {
        const string source = """
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240101000000_RemoveOrderNumbers")]
            public class RemoveOrderNumbers : Migration
            {
                protected override void Up(MigrationBuilder b) => {|#0:b.DropSequence("OrderNumbers")|};
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source,
            VerifyCS.Diagnostic("MIG007").WithLocation(0).WithSeverity(Microsoft.CodeAnalysis.DiagnosticSeverity.Info)
                .WithArguments("DropSequence", "sequence", "OrderNumbers", SequenceConsequence));
    }

    [Theory]
    [InlineData(EfVersion.Ef10)]
    [InlineData(EfVersion.Ef8)]
    public async Task EfScaffoldingOfSequenceAndSchemaAdded_NoDiagnostic(EfVersion version)
    {
        const string source = """
            using Microsoft.EntityFrameworkCore.Migrations;

            #nullable disable

            [Migration("20240101000000_AddOrderNumbers")]
            public partial class AddOrderNumbers : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.EnsureSchema(
                        name: "sales");

                    migrationBuilder.CreateSequence<int>(
                        name: "OrderNumbers",
                        schema: "sales",
                        startValue: 1000L,
                        incrementBy: 5);
                }

                protected override void Down(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.DropSequence(
                        name: "OrderNumbers",
                        schema: "sales");
                }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source, version, DbProvider.None, null);
    }

    [Fact]
    public async Task NonConstantNames_NoDiagnostic()
    {
        const string source = """
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240101000000_RemoveDynamic")]
            public class RemoveDynamic : Migration
            {
                private readonly string _schema;

                public RemoveDynamic(string schema) => _schema = schema;

                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.DropSchema(name: _schema);
                    migrationBuilder.DropSequence(name: "OrderNumbers", schema: _schema);
                }
            }
            """;
        await VerifyCS.VerifyAnalyzerAsync(source);
    }

    [Theory]
    [InlineData("postgresql", false)]
    [InlineData("sqlserver", true)]
    public async Task DropSequenceInProviderBranch_ReportsOnlyForThatProvider(string provider, bool reported)
    {
        const string source = """
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240101000000_RemoveHiLo")]
            public class RemoveHiLo : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    if (ActiveProvider == "Microsoft.EntityFrameworkCore.SqlServer")
                    {
                        {|#0:migrationBuilder.DropSequence(name: "EntityFrameworkHiLoSequence")|};
                    }
                }
            }
            """;
        var expected = reported
            ? new[] { VerifyCS.Diagnostic("MIG007").WithLocation(0).WithArguments("DropSequence", "sequence", "EntityFrameworkHiLoSequence", SequenceConsequence) }
            : new DiagnosticResult[0];
        await VerifyCS.VerifyAnalyzerAsync(source, EfVersion.Ef10, DbProvider.None, TestSetup.Options(("provider", provider)), expected);
    }

    [Theory]
    [InlineData("migrationBuilder.DropSchema();")]
    [InlineData("migrationBuilder.DropSequence(schema: \"sales\");")]
    [InlineData("migrationBuilder.DropSchema(name: null);")]
    [InlineData("migrationBuilder.DropSequence(")]
    public Task MalformedCode_NoCrash(string body) =>
        BrokenCode.VerifyNoCrashAsync<MigrationAnalyzers.Rules.DropSchemaOrSequenceRule>(BrokenCode.InUp(body));
}
