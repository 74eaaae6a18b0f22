using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;

namespace MigrationAnalyzers.Tests.Verifiers;

/// <summary>
/// The metadata references test sources compile against: the SDK's own net10.0 reference pack
/// (hermetic, no download at test time) plus the REAL EF Core assemblies: EF Core 10 from this
/// project's package references, EF Core 8 from the package folder (PackageDownload).
/// </summary>
public static class EfReferences
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> Framework = new(LoadFramework);
    private static readonly Dictionary<(EfVersion, DbProvider), ImmutableArray<MetadataReference>> Cache = new();

    public static ImmutableArray<MetadataReference> For(EfVersion version, DbProvider providers)
    {
        lock (Cache)
        {
            if (!Cache.TryGetValue((version, providers), out var references))
            {
                references = Framework.Value.AddRange(EfAssemblies(version, providers).Select(path => (MetadataReference)MetadataReference.CreateFromFile(path)));
                Cache[(version, providers)] = references;
            }

            return references;
        }
    }

    private static IEnumerable<string> EfAssemblies(EfVersion version, DbProvider providers)
    {
        if (version == EfVersion.Ef10)
        {
            yield return typeof(Microsoft.EntityFrameworkCore.DbContext).Assembly.Location;
            yield return typeof(Microsoft.EntityFrameworkCore.Migrations.Migration).Assembly.Location;
            yield return typeof(Microsoft.EntityFrameworkCore.IndexAttribute).Assembly.Location;
            if (providers.HasFlag(DbProvider.PostgreSql))
            {
                yield return typeof(Npgsql.EntityFrameworkCore.PostgreSQL.Metadata.NpgsqlValueGenerationStrategy).Assembly.Location;
            }

            if (providers.HasFlag(DbProvider.SqlServer))
            {
                yield return typeof(Microsoft.EntityFrameworkCore.Metadata.SqlServerValueGenerationStrategy).Assembly.Location;
            }

            if (providers.HasFlag(DbProvider.Sqlite))
            {
                yield return typeof(Microsoft.EntityFrameworkCore.SqliteDbContextOptionsBuilderExtensions).Assembly.Location;
            }

            yield break;
        }

        yield return Package("microsoft.entityframeworkcore", "8.0.34", "Microsoft.EntityFrameworkCore.dll");
        yield return Package("microsoft.entityframeworkcore.relational", "8.0.34", "Microsoft.EntityFrameworkCore.Relational.dll");
        yield return Package("microsoft.entityframeworkcore.abstractions", "8.0.34", "Microsoft.EntityFrameworkCore.Abstractions.dll");
        if (providers.HasFlag(DbProvider.PostgreSql))
        {
            yield return Package("npgsql.entityframeworkcore.postgresql", "8.0.11", "Npgsql.EntityFrameworkCore.PostgreSQL.dll");
        }

        if (providers.HasFlag(DbProvider.Sqlite))
        {
            yield return Package("microsoft.entityframeworkcore.sqlite.core", "8.0.34", "Microsoft.EntityFrameworkCore.Sqlite.dll");
        }

        if (providers.HasFlag(DbProvider.SqlServer))
        {
            throw new NotSupportedException("EF Core 8 SQL Server assemblies are not downloaded for the tests.");
        }
    }

    private static string Package(string id, string version, string file)
    {
        var root = typeof(EfReferences).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .First(a => a.Key == "NuGetPackageRoot").Value!;
        var path = Path.Combine(root, id, version, "lib", "net8.0", file);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"EF Core 8 assembly not restored (PackageDownload): {path}");
        }

        return path;
    }

    private static ImmutableArray<MetadataReference> LoadFramework()
    {
        // <dotnet>/shared/Microsoft.NETCore.App/<v>/System.Runtime.dll → <dotnet>/packs/Microsoft.NETCore.App.Ref/<v>/ref/net10.0
        var runtimeDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var dotnetRoot = Path.GetFullPath(Path.Combine(runtimeDirectory, "..", "..", ".."));
        var refPacks = Path.Combine(dotnetRoot, "packs", "Microsoft.NETCore.App.Ref");
        var referenceDirectory = Directory.Exists(refPacks)
            ? Directory.GetDirectories(refPacks)
                .Select(d => Path.Combine(d, "ref", "net10.0"))
                .Where(Directory.Exists)
                .OrderByDescending(d => d, StringComparer.Ordinal)
                .FirstOrDefault()
            : null;
        var directory = referenceDirectory ?? runtimeDirectory;
        return Directory.GetFiles(directory, "*.dll")
            .Where(path => referenceDirectory is not null || IsManaged(path))
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToImmutableArray();
    }

    private static bool IsManaged(string path)
    {
        try
        {
            AssemblyName.GetAssemblyName(path);
            return true;
        }
        catch (BadImageFormatException)
        {
            return false;
        }
    }
}
