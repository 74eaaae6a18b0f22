using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using MigrationAnalyzers.Tests.Model;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace MigrationAnalyzers.Tests.Verifiers;

/// <summary>
/// Analyzer verifier (aliased <c>VerifyCS</c> in tests): sources compile against real EF Core;
/// any compiler error or AD0001 fails the test unless it is expected.
/// </summary>
public static class CSharpAnalyzerVerifier<TAnalyzer>
    where TAnalyzer : DiagnosticAnalyzer, new()
{
    public static DiagnosticResult Diagnostic(string id) => CSharpAnalyzerVerifier<TAnalyzer, DefaultVerifier>.Diagnostic(id);

    public static Task VerifyAnalyzerAsync(string source, params DiagnosticResult[] expected) =>
        VerifyAnalyzerAsync(source, EfVersion.Ef10, DbProvider.None, null, expected);

    public static async Task VerifyAnalyzerAsync(string source, EfVersion version, DbProvider providers, string? globalConfig, params DiagnosticResult[] expected)
    {
        var test = new Test(version, providers, globalConfig) { TestCode = source };
        test.ExpectedDiagnostics.AddRange(expected);
        await test.RunAsync(CancellationToken.None);
    }

    public static async Task VerifyAnalyzerAsync(string[] sources, EfVersion version, DbProvider providers, string? globalConfig, params DiagnosticResult[] expected)
    {
        var test = new Test(version, providers, globalConfig);
        for (var i = 0; i < sources.Length; i++)
        {
            test.TestState.Sources.Add(($"/0/Migration{i}.cs", sources[i]));
        }

        test.ExpectedDiagnostics.AddRange(expected);
        await test.RunAsync(CancellationToken.None);
    }

    public sealed class Test : CSharpAnalyzerTest<TAnalyzer, DefaultVerifier>
    {
        public Test(EfVersion version = EfVersion.Ef10, DbProvider providers = DbProvider.None, string? globalConfig = null)
        {
            ReferenceAssemblies = TestSetup.NoPackages;
            TestSetup.Apply(TestState, version, providers, globalConfig);
        }

        /// <summary>Every compilation a test makes also checks that the model's token and bound paths agree on it.</summary>
        protected override async Task<(Compilation compilation, ImmutableArray<Diagnostic> generatorDiagnostics)> GetProjectCompilationAsync(Project project, IVerifier verifier, CancellationToken cancellationToken)
        {
            var result = await base.GetProjectCompilationAsync(project, verifier, cancellationToken);
            var compilation = result.compilation;
            if (ModelPaths.FirstDifference(compilation) is { } difference)
            {
                verifier.Fail("OperationCollector's token and bound paths disagree on " + difference);
            }

            return result;
        }
    }
}
