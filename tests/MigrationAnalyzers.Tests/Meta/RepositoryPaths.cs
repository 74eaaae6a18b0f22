using System;
using System.IO;

namespace MigrationAnalyzers.Tests.Meta;

/// <summary>Locates the repository root (the folder with MigrationAnalyzers.sln) from the test output.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string Docs(string id) => Path.Combine(Root, "docs", "rules", id + ".md");

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "MigrationAnalyzers.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Repository root not found above " + AppContext.BaseDirectory);
    }
}
