using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using MigrationAnalyzers.Model;

namespace MigrationAnalyzers.Configuration;

/// <summary>
/// The names under which EF Core providers identify themselves: <c>ActiveProvider</c> strings
/// (which are the provider assemblies' names) and the option values of <c>migration_analyzers.provider</c>.
/// </summary>
internal static class ProviderNames
{
    public static readonly ImmutableArray<DatabaseProvider> All = ImmutableArray.Create(
        DatabaseProvider.PostgreSql, DatabaseProvider.SqlServer, DatabaseProvider.Sqlite, DatabaseProvider.MySql);

    /// <summary>Maps an <c>ActiveProvider</c> value or a provider assembly name; Unknown otherwise.</summary>
    public static DatabaseProvider FromAssemblyName(string? name) => name switch
    {
        "Npgsql.EntityFrameworkCore.PostgreSQL" => DatabaseProvider.PostgreSql,
        "Microsoft.EntityFrameworkCore.SqlServer" => DatabaseProvider.SqlServer,
        "Microsoft.EntityFrameworkCore.Sqlite" => DatabaseProvider.Sqlite,
        "Pomelo.EntityFrameworkCore.MySql" or "MySql.EntityFrameworkCore" or "MySql.Data.EntityFrameworkCore" => DatabaseProvider.MySql,
        _ => DatabaseProvider.Unknown,
    };

    /// <summary>The provider extension methods on MigrationBuilder that test the active provider.</summary>
    public static DatabaseProvider FromIsMethod(string methodName) => methodName switch
    {
        "IsNpgsql" => DatabaseProvider.PostgreSql,
        "IsSqlServer" => DatabaseProvider.SqlServer,
        "IsSqlite" => DatabaseProvider.Sqlite,
        "IsMySql" => DatabaseProvider.MySql,
        _ => DatabaseProvider.Unknown,
    };

    /// <summary>Values accepted by <c>migration_analyzers.provider</c> (case-insensitive).</summary>
    public static DatabaseProvider FromOption(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        "postgresql" or "postgres" or "npgsql" => DatabaseProvider.PostgreSql,
        "sqlserver" or "mssql" => DatabaseProvider.SqlServer,
        "sqlite" => DatabaseProvider.Sqlite,
        "mysql" or "mariadb" => DatabaseProvider.MySql,
        _ => DatabaseProvider.Unknown,
    };

    /// <summary>
    /// The one provider the compilation references; when it references none (a migrations assembly
    /// kept provider-neutral), the provider whose annotations its migrations carry (MySQL only, see
    /// <see cref="FromAnnotations"/>); Unknown otherwise. The rules read it once per compilation
    /// through <see cref="MigrationCatalog.InferredProvider"/>.
    /// </summary>
    public static DatabaseProvider InferFrom(Compilation compilation)
    {
        var referenced = FromReferences(compilation, out var several);
        return referenced != DatabaseProvider.Unknown || several ? referenced : FromAnnotations(compilation);
    }

    private static DatabaseProvider FromReferences(Compilation compilation, out bool several)
    {
        several = false;
        var found = DatabaseProvider.Unknown;
        foreach (var reference in compilation.ReferencedAssemblyNames)
        {
            var provider = FromAssemblyName(reference.Name);
            if (provider == DatabaseProvider.Unknown || provider == found)
            {
                continue;
            }

            if (found != DatabaseProvider.Unknown)
            {
                several = true;
                return DatabaseProvider.Unknown;
            }

            found = provider;
        }

        return found;
    }

    /// <summary>
    /// MySQL when the migrations carry <c>MySql:</c> annotations (<c>CharSet</c>, <c>Collation</c>,
    /// <c>ValueGenerationStrategy</c>: Pomelo and Oracle's provider put them on nearly every
    /// CreateTable, column and <c>AlterDatabase</c>) and no other provider's. Only MySQL: the other
    /// providers' prefixes also appear in provider-neutral histories written for several databases,
    /// while <c>MySql:</c> annotations mean the history was scaffolded by a MySQL provider.
    /// </summary>
    private static DatabaseProvider FromAnnotations(Compilation compilation)
    {
        if (MigrationCatalog.For(compilation) is not { } catalog)
        {
            return DatabaseProvider.Unknown;
        }

        var mySql = false;
        foreach (var migration in catalog.Migrations)
        {
            foreach (var operations in new[] { migration.Up.Operations, migration.Down.Operations })
            {
                foreach (var operation in operations)
                {
                    switch (AnnotationProvider(operation))
                    {
                        case DatabaseProvider.MySql:
                            mySql = true;
                            break;
                        case DatabaseProvider.Unknown:
                            break;
                        default:
                            return DatabaseProvider.Unknown;
                    }
                }
            }
        }

        return mySql ? DatabaseProvider.MySql : DatabaseProvider.Unknown;
    }

    /// <summary>The provider named by the annotations of an operation and its columns (MySql when both MySql and none other).</summary>
    private static DatabaseProvider AnnotationProvider(MigrationOperation operation)
    {
        var result = FromAnnotationNames(operation.Annotations);
        foreach (var column in operation.Column is { } single ? ImmutableArray.Create(single) : operation.TableColumns)
        {
            var provider = FromAnnotationNames(column.Annotations);
            if (provider != DatabaseProvider.Unknown && provider != DatabaseProvider.MySql)
            {
                return provider;
            }

            result = result == DatabaseProvider.Unknown ? provider : result;
        }

        return result;
    }

    private static DatabaseProvider FromAnnotationNames(ImmutableArray<Annotation> annotations)
    {
        var result = DatabaseProvider.Unknown;
        foreach (var annotation in annotations.IsDefault ? ImmutableArray<Annotation>.Empty : annotations)
        {
            var prefix = annotation.Name is { } name && name.IndexOf(':') is > 0 and var colon ? name.Substring(0, colon) : null;
            switch (prefix)
            {
                case "MySql":
                    result = DatabaseProvider.MySql;
                    break;
                case "SqlServer":
                    return DatabaseProvider.SqlServer;
                case "Npgsql":
                    return DatabaseProvider.PostgreSql;
                case "Sqlite":
                    return DatabaseProvider.Sqlite;
            }
        }

        return result;
    }
}
