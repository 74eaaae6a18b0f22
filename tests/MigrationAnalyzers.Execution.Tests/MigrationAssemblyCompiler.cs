using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using MigrationAnalyzers.Tests.Verifiers;

namespace MigrationAnalyzers.Tests.Execution;

/// <summary>
/// Compiles migration sources (e.g. a code fix's output) into a real assembly with a generated
/// <c>ExecutionDbContext</c>, so EF Core's own migrator can discover and run them. Each migration
/// without <c>[DbContext]</c> gets one pointing at that context.
/// </summary>
public static class MigrationAssemblyCompiler
{
    public const string ContextTypeName = "MigrationAnalyzers.Execution.ExecutionDbContext";

    private const string ContextSource = """
        namespace MigrationAnalyzers.Execution
        {
            public sealed class ExecutionDbContext : Microsoft.EntityFrameworkCore.DbContext
            {
                public ExecutionDbContext(Microsoft.EntityFrameworkCore.DbContextOptions options) : base(options) { }
            }
        }
        """;

    public static Assembly Compile(params string[] sources)
    {
        var parse = new CSharpParseOptions(LanguageVersion.Latest);
        var trees = sources.Select(s => AddContextAttribute(CSharpSyntaxTree.ParseText(s, parse)))
            .Append(CSharpSyntaxTree.ParseText(ContextSource, parse))
            .ToArray();
        var name = "ExecutedMigrations_" + Guid.NewGuid().ToString("N");
        var compilation = CSharpCompilation.Create(
            name,
            trees,
            EfReferences.For(EfVersion.Ef10, DbProvider.Sqlite | DbProvider.PostgreSql),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        using var stream = new MemoryStream();
        var result = compilation.Emit(stream);
        if (!result.Success)
        {
            var errors = string.Join(Environment.NewLine, result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error));
            throw new InvalidOperationException("The migration sources do not compile:" + Environment.NewLine + errors);
        }

        stream.Position = 0;

        // A fresh load context per compilation; EF types resolve to the test's own EF Core 10 assemblies.
        return new AssemblyLoadContext(name).LoadFromStream(stream);
    }

    private static SyntaxTree AddContextAttribute(SyntaxTree tree)
    {
        var root = (CompilationUnitSyntax)tree.GetRoot();
        var classes = root.DescendantNodes().OfType<ClassDeclarationSyntax>()
            .Where(c => c.AttributeLists.SelectMany(l => l.Attributes).Any(a => a.Name.ToString().EndsWith("Migration", StringComparison.Ordinal)) &&
                        !c.AttributeLists.SelectMany(l => l.Attributes).Any(a => a.Name.ToString().Contains("DbContext", StringComparison.Ordinal)))
            .ToList();
        var attribute = SyntaxFactory.ParseCompilationUnit($"[Microsoft.EntityFrameworkCore.Infrastructure.DbContext(typeof({ContextTypeName}))] class X {{}}")
            .DescendantNodes().OfType<AttributeListSyntax>().Single();
        var rewritten = root.ReplaceNodes(classes, (original, _) => original.AddAttributeLists(attribute));
        return tree.WithRootAndOptions(rewritten, tree.Options);
    }
}
