using System;
using System.IO;

namespace MigrationAnalyzers.Tests.Meta;

/// <summary>
/// The docs say what the descriptors say: regenerating them changes nothing. Run with
/// <c>MIGRATIONANALYZERS_UPDATE_DOCS=1</c> to rewrite README.md's rule table and the pages' headers
/// (CI does so and fails on a diff).
/// </summary>
public class RuleDocsGeneratorTests
{
    [Fact]
    public void Docs_AreGeneratedFromTheDescriptors()
    {
        var update = Environment.GetEnvironmentVariable("MIGRATIONANALYZERS_UPDATE_DOCS") == "1";
        foreach (var (path, generated) in RuleDocsGenerator.Render())
        {
            var current = File.ReadAllText(path).Replace("\r\n", "\n");
            if (update)
            {
                File.WriteAllText(path, generated);
            }
            else
            {
                Assert.True(current == generated, path + " differs from what the descriptors generate; run the tests with MIGRATIONANALYZERS_UPDATE_DOCS=1");
            }
        }
    }

    [Fact]
    public void Readme_RowCarriesThePagesFixAndTheDescriptorsTitle()
    {
        var readme = RuleDocsGenerator.Render()[Path.Combine(RepositoryPaths.Root, "README.md")];

        Assert.Contains("| [MIG001](docs/rules/MIG001.md) | Warning | Migration drops a table | ", readme);
        Assert.Contains("| [MIG021](docs/rules/MIG021.md) | Info; Warning when the column is in a foreign key | ", readme);
        Assert.Contains("### Reversibility (Down)", readme);
    }
}
