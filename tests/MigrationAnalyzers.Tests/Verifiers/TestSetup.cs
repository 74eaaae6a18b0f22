using System.Linq;
using Microsoft.CodeAnalysis.Testing;

namespace MigrationAnalyzers.Tests.Verifiers;

/// <summary>Applies the EF references and options to any analyzer or code-fix test.</summary>
public static class TestSetup
{
    /// <summary>No reference package to download: the framework comes from <see cref="EfReferences"/>.</summary>
    public static readonly ReferenceAssemblies NoPackages = new("net10.0");

    public static void Apply(SolutionState state, EfVersion version, DbProvider providers, string? globalConfig)
    {
        state.AdditionalReferences.AddRange(EfReferences.For(version, providers));
        if (globalConfig is not null)
        {
            state.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\n" + globalConfig));
        }
    }

    /// <summary>A globalconfig line per option: <c>("provider", "postgresql")</c> → <c>migration_analyzers.provider = postgresql</c>.</summary>
    public static string Options(params (string Key, string Value)[] options) =>
        string.Join("\n", options.Select(o => $"migration_analyzers.{o.Key} = {o.Value}"));
}
