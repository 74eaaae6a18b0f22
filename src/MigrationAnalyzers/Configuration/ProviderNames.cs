using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

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
    /// The one provider the compilation references; Unknown when none or several. The rules read it
    /// once per compilation through <see cref="Model.MigrationCatalog.InferredProvider"/>.
    /// </summary>
    public static DatabaseProvider InferFrom(Compilation compilation)
    {
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
                return DatabaseProvider.Unknown;
            }

            found = provider;
        }

        return found;
    }
}
