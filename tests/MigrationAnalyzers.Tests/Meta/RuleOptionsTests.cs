using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using MigrationAnalyzers.Configuration;

namespace MigrationAnalyzers.Tests.Meta;

/// <summary>
/// A rule's docs page lists the options it reads from its <see cref="ReadsOptionsAttribute"/>: the
/// rule's code (its file and its base class's) must read no option it does not declare, and declare
/// only keys that exist. How each option is read in code is the pattern below.
/// </summary>
public class RuleOptionsTests
{
    private static readonly (string Key, Regex Read)[] Reads =
    {
        (MigrationAnalyzerOptions.ProviderKey, new Regex(@"\bProvider\b|\bDatabaseProvider\.|\bProviderNames\.")),
        (MigrationAnalyzerOptions.BaselineKey, new Regex(@"\bIsBaselined\b|\.Baseline\b")),
        (MigrationAnalyzerOptions.DeployKey, new Regex(@"\.Deploy\b|\bDeployMode\.")),
        (MigrationAnalyzerOptions.PostgresLockTimeoutKey, new Regex(@"\bRequireLockTimeout\b")),
        (MigrationAnalyzerOptions.MaxSeedRowsKey, new Regex(@"\bMaxSeedRows\b")),
    };

    [Theory]
    [MemberData(nameof(AllAnalyzers.AnalyzerNames), MemberType = typeof(AllAnalyzers))]
    public void EveryOptionTheRuleReads_IsDeclared(string name)
    {
        var type = AllAnalyzers.ByName(name).GetType();
        var declared = RuleDocsGenerator.DeclaredOptions(type).ToList();
        for (var current = type; current is not null && current.Assembly == type.Assembly; current = current.BaseType)
        {
            var code = Code(current);
            foreach (var (key, read) in Reads)
            {
                Assert.False(read.IsMatch(code) && !declared.Contains(key), $"{current.Name} reads {key} but {name} does not declare it in [ReadsOptions]");
            }
        }

        Assert.All(declared, key => Assert.Contains(key, Reads.Select(r => r.Key)));
    }

    [Fact]
    public void Pages_ListTheDeclaredOptions()
    {
        Assert.Contains("| Options | `migration_analyzers.baseline`, `migration_analyzers.max_seed_rows` |", File.ReadAllText(RepositoryPaths.Docs("MIG088")));
        Assert.Contains("| Options | — |", File.ReadAllText(RepositoryPaths.Docs("MIG000")));
    }

    /// <summary>The type's source file without comments (a comment naming an option reads nothing).</summary>
    private static string Code(Type type)
    {
        var path = Path.Combine(RepositoryPaths.Root, "src", "MigrationAnalyzers", "Rules", type.Name + ".cs");
        Assert.True(File.Exists(path), path + " not found: a rule lives in a file named for it");
        return string.Join("\n", File.ReadAllLines(path).Where(line => !line.TrimStart().StartsWith("//", StringComparison.Ordinal)));
    }
}
