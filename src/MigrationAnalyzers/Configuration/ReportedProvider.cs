using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace MigrationAnalyzers.Configuration;

/// <summary>
/// The provider a rule analyzed the migration for, carried in <see cref="Diagnostic.Properties"/>:
/// a fix reads the options as the analyzer did without inferring the provider again (without a
/// provider reference, inference reads the annotations of every migration in the project).
/// </summary>
internal static class ReportedProvider
{
    public const string Key = "MigrationAnalyzers.Provider";

    public static ImmutableDictionary<string, string?> Add(ImmutableDictionary<string, string?> properties, DatabaseProvider provider) =>
        properties.SetItem(Key, provider.ToString());

    /// <summary>The provider the diagnostic was reported for; null when it does not say.</summary>
    public static DatabaseProvider? Read(Diagnostic diagnostic) =>
        diagnostic.Properties.TryGetValue(Key, out var text) && Enum.TryParse<DatabaseProvider>(text, out var provider) &&
        Enum.IsDefined(typeof(DatabaseProvider), provider)
            ? provider
            : null;
}
