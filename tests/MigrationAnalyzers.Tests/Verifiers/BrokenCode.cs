using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace MigrationAnalyzers.Tests.Verifiers;

/// <summary>Runs an analyzer over code that does not compile: whatever it reports, it must not throw (no AD0001).</summary>
public static class BrokenCode
{
    /// <summary>An <c>Up</c> body (possibly broken) in a migration class with an id.</summary>
    public static string InUp(string body) => $$"""
        using Microsoft.EntityFrameworkCore.Migrations;

        [Migration("20240101000000_Broken")]
        public class Broken : Migration
        {
            protected override void Up(MigrationBuilder migrationBuilder)
            {
                {{body}}
            }
        }
        """;

    /// <summary>Compiler errors are ignored; the expected diagnostics of the analyzer must match and AD0001 fails the test.</summary>
    public static async Task VerifyNoCrashAsync<TAnalyzer>(string source, params DiagnosticResult[] expected)
        where TAnalyzer : DiagnosticAnalyzer, new()
    {
        var test = new CSharpAnalyzerVerifier<TAnalyzer>.Test { TestCode = source, CompilerDiagnostics = CompilerDiagnostics.None };
        test.ExpectedDiagnostics.AddRange(expected);
        await test.RunAsync(CancellationToken.None);
    }
}
