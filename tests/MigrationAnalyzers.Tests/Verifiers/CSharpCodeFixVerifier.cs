using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using MigrationAnalyzers.Tests.Model;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace MigrationAnalyzers.Tests.Verifiers;

/// <summary>
/// Code-fix verifier (aliased <c>VerifyCS</c>): checks the before/after text, that the fixed code
/// compiles against real EF Core with no remaining or new diagnostic, and (whenever the source has
/// several diagnostics) Fix All in document, project and solution.
/// </summary>
public static class CSharpCodeFixVerifier<TAnalyzer, TCodeFix>
    where TAnalyzer : DiagnosticAnalyzer, new()
    where TCodeFix : CodeFixProvider, new()
{
    public static DiagnosticResult Diagnostic(string id) => CSharpCodeFixVerifier<TAnalyzer, TCodeFix, DefaultVerifier>.Diagnostic(id);

    public static Task VerifyCodeFixAsync(string source, string fixedSource, params DiagnosticResult[] expected) =>
        VerifyCodeFixAsync(source, fixedSource, EfVersion.Ef10, DbProvider.None, null, expected);

    public static async Task VerifyCodeFixAsync(string source, string fixedSource, EfVersion version, DbProvider providers, string? globalConfig, params DiagnosticResult[] expected)
    {
        var test = new Test(version, providers, globalConfig) { TestCode = source, FixedCode = fixedSource };
        test.ExpectedDiagnostics.AddRange(expected);
        await test.RunAsync(CancellationToken.None);
    }

    public sealed class Test : CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier>
    {
        public Test(EfVersion version = EfVersion.Ef10, DbProvider providers = DbProvider.None, string? globalConfig = null)
        {
            ReferenceAssemblies = TestSetup.NoPackages;
            TestSetup.Apply(TestState, version, providers, globalConfig);
            TestSetup.Apply(FixedState, version, providers, null);
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
