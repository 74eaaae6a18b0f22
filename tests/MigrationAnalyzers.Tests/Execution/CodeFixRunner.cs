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
using Microsoft.CodeAnalysis.Text;
using MigrationAnalyzers.Tests.Verifiers;

namespace MigrationAnalyzers.Tests.Execution;

/// <summary>
/// Applies a code fix the way the IDE does (workspace, analyzer diagnostics, the fixer's first action,
/// repeatedly until no diagnostic is left), for execution tests over many shapes without hand-written
/// "after" texts.
/// </summary>
internal static class CodeFixRunner
{
    public static async Task<string> FixAsync(string source, string provider, DiagnosticAnalyzer analyzer, CodeFixProvider fixer, params string[] otherSources)
    {
        using var workspace = new AdhocWorkspace();
        var document = Document(workspace, source, provider, otherSources);
        for (var round = 0; round < 50; round++)
        {
            var compilation = (await document.Project.GetCompilationAsync())!;
            var diagnostics = (await compilation.WithAnalyzers(ImmutableArray.Create(analyzer)).GetAnalyzerDiagnosticsAsync())
                .Where(d => fixer.FixableDiagnosticIds.Contains(d.Id) && d.Location.SourceTree?.FilePath == document.FilePath || d.Location.SourceTree == document.GetSyntaxTreeAsync().Result)
                .OrderBy(d => d.Location.SourceSpan.Start)
                .ToList();
            if (diagnostics.Count == 0)
            {
                break;
            }

            var actions = new List<CodeAction>();
            var context = new CodeFixContext(document, diagnostics[0], (action, _) => actions.Add(action), CancellationToken.None);
            await fixer.RegisterCodeFixesAsync(context);
            if (actions.Count == 0)
            {
                break;
            }

            var operations = await actions[0].GetOperationsAsync(CancellationToken.None);
            var changed = operations.OfType<ApplyChangesOperation>().Single().ChangedSolution;
            document = changed.GetDocument(document.Id)!;
        }

        return (await document.GetTextAsync()).ToString();
    }

    /// <summary>The titles of the actions the fixer registers for each of its diagnostics in <paramref name="source"/>.</summary>
    public static async Task<List<string>> OfferedAsync(string source, string provider, DiagnosticAnalyzer analyzer, CodeFixProvider fixer)
    {
        using var workspace = new AdhocWorkspace();
        var document = Document(workspace, source, provider, System.Array.Empty<string>());
        var compilation = (await document.Project.GetCompilationAsync())!;
        var titles = new List<string>();
        foreach (var diagnostic in await compilation.WithAnalyzers(ImmutableArray.Create(analyzer)).GetAnalyzerDiagnosticsAsync())
        {
            if (fixer.FixableDiagnosticIds.Contains(diagnostic.Id))
            {
                await fixer.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (action, _) => titles.Add(action.Title), CancellationToken.None));
            }
        }

        return titles;
    }

    private static Document Document(AdhocWorkspace workspace, string source, string provider, string[] otherSources)
    {
        var providerFlag = provider switch
        {
            "sqlite" => DbProvider.Sqlite,
            "postgresql" => DbProvider.PostgreSql,
            _ => DbProvider.None,
        };
        var project = workspace.AddProject(ProjectInfo.Create(
            ProjectId.CreateNewId(), VersionStamp.Default, "Fixed", "Fixed", LanguageNames.CSharp,
            compilationOptions: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary),
            parseOptions: new CSharpParseOptions(LanguageVersion.Latest),
            metadataReferences: EfReferences.For(EfVersion.Ef10, providerFlag)));
        foreach (var other in otherSources)
        {
            project = project.AddDocument("Other" + project.DocumentIds.Count + ".cs", SourceText.From(other)).Project;
        }

        return project.AddDocument("Migration.cs", SourceText.From(source));
    }
}
