using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Xunit;

namespace MigrationAnalyzers.Tests.Meta;

/// <summary>
/// Layers point one way (issue 14 item 7): the model, the SQL reader, the schema facts and the
/// reversibility pairing never use a type of the Rules layer (the rules read them, not the reverse).
/// Read from the source, outside documentation comments.
/// </summary>
public class LayeringTests
{
    private static readonly string[] LowerLayers = { "Model", "Sql", "Schema", "Reversibility" };

    [Fact]
    public void LowerLayers_DoNotUseRuleLayerTypes()
    {
        var source = Path.Combine(RepositoryPaths.Root, "src", "MigrationAnalyzers");
        var ruleTypes = Directory.GetFiles(Path.Combine(source, "Rules"), "*.cs")
            .SelectMany(file => Parse(file).DescendantNodes().OfType<BaseTypeDeclarationSyntax>())
            .Where(type => type.Parent is not TypeDeclarationSyntax) // a nested type is reached through its outer one
            .Select(type => type.Identifier.Text)
            .ToHashSet();
        Assert.Contains("MigrationRuleContext", ruleTypes); // the scan sees the Rules layer at all

        var uses = new List<string>();
        foreach (var layer in LowerLayers)
        {
            foreach (var file in Directory.GetFiles(Path.Combine(source, layer), "*.cs", SearchOption.AllDirectories))
            {
                var root = Parse(file);
                uses.AddRange(root.DescendantNodes()
                    .OfType<SimpleNameSyntax>()
                    .Where(name => ruleTypes.Contains(name.Identifier.Text))
                    .Select(name => $"{Path.GetRelativePath(source, file)}:{name.GetLocation().GetLineSpan().StartLinePosition.Line + 1} uses {name.Identifier.Text}"));
                uses.AddRange(root.DescendantNodes()
                    .OfType<UsingDirectiveSyntax>()
                    .Where(u => u.Name?.ToString() == "MigrationAnalyzers.Rules")
                    .Select(u => $"{Path.GetRelativePath(source, file)}: using MigrationAnalyzers.Rules"));
            }
        }

        Assert.Empty(uses);
    }

    private static Microsoft.CodeAnalysis.SyntaxNode Parse(string file) => CSharpSyntaxTree.ParseText(File.ReadAllText(file)).GetRoot();
}
