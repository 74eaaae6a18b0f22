using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using MigrationAnalyzers.Tests.Verifiers;

namespace MigrationAnalyzers.Tests.Execution;

/// <summary>
/// Runs an analyzer and applies its code fix, diagnostic by diagnostic, to migration sources in a
/// real workspace (EF Core 10 and SQLite referenced, as a user's project): the fixed sources an
/// execution test then runs, for migrations no code-fix test spelled out.
/// </summary>
public static class CodeFixApplier
{
    public static async Task<string[]> ApplyAsync(DiagnosticAnalyzer analyzer, CodeFixProvider fix, params string[] sources)
    {
        using var workspace = new AdhocWorkspace();
        var projectId = ProjectId.CreateNewId();
        var solution = workspace.CurrentSolution.AddProject(ProjectInfo.Create(
            projectId,
            VersionStamp.Default,
            "Migrations",
            "Migrations",
            LanguageNames.CSharp,
            compilationOptions: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary),
            parseOptions: new CSharpParseOptions(LanguageVersion.Latest),
            metadataReferences: EfReferences.For(EfVersion.Ef10, DbProvider.Sqlite)));
        var ids = new List<DocumentId>();
        for (var i = 0; i < sources.Length; i++)
        {
            var id = DocumentId.CreateNewId(projectId);
            solution = solution.AddDocument(id, $"Migration{i}.cs", sources[i]);
            ids.Add(id);
        }

        for (var iteration = 0; iteration < 20; iteration++)
        {
            var project = solution.GetProject(projectId)!;
            var compilation = (await project.GetCompilationAsync())!;
            var diagnostics = (await compilation.WithAnalyzers(ImmutableArray.Create(analyzer)).GetAnalyzerDiagnosticsAsync())
                .Where(d => fix.FixableDiagnosticIds.Contains(d.Id))
                .OrderBy(d => d.Location.SourceSpan.Start)
                .ToList();
            if (diagnostics.Count == 0)
            {
                break;
            }

            var document = project.GetDocument(diagnostics[0].Location.SourceTree)!;
            var actions = new List<CodeAction>();
            await fix.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostics[0], (action, _) => actions.Add(action), CancellationToken.None));
            Assert.NotEmpty(actions);
            var operations = await actions[0].GetOperationsAsync(CancellationToken.None);
            solution = operations.OfType<ApplyChangesOperation>().Single().ChangedSolution;
        }

        var result = new string[ids.Count];
        for (var i = 0; i < ids.Count; i++)
        {
            result[i] = (await solution.GetDocument(ids[i])!.GetTextAsync()).ToString();
        }

        return result;
    }
}
