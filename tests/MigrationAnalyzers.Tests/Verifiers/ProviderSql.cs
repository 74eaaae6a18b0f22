using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace MigrationAnalyzers.Tests.Verifiers;

/// <summary>
/// Runs a migration's source through a REAL provider: compiles it against EF Core 10 and the
/// provider, instantiates the migration, and generates its Up (or Down) with the provider's own
/// <see cref="IMigrationsSqlGenerator"/> from a DbContext configured with <c>UseNpgsql</c> /
/// <c>UseSqlServer</c> / <c>UseSqlite</c>. No server is needed to generate SQL.
/// </summary>
public static class ProviderSql
{
    public static DbContext Context(DbProvider provider, string? connectionString = null)
    {
        var options = new DbContextOptionsBuilder();
        _ = provider switch
        {
            DbProvider.PostgreSql => options.UseNpgsql(connectionString ?? "Host=localhost"),
            DbProvider.SqlServer => options.UseSqlServer(connectionString ?? "Server=."),
            DbProvider.Sqlite => options.UseSqlite(connectionString ?? "Data Source=:memory:"),
            _ => throw new ArgumentOutOfRangeException(nameof(provider)),
        };
        return new DbContext(options.Options);
    }

    /// <summary>The commands the provider generates for the (single) migration in <paramref name="source"/>.</summary>
    public static IReadOnlyList<MigrationCommand> Generate(string source, DbProvider provider, bool down = false)
    {
        using var context = Context(provider);
        var migration = Instantiate(source, provider, context);
        var operations = down ? migration.DownOperations : migration.UpOperations;
        return context.GetService<IMigrationsSqlGenerator>().Generate(operations, model: null);
    }

    /// <summary>Compiles <paramref name="source"/> and creates its migration with the context's ActiveProvider.</summary>
    public static Migration Instantiate(string source, DbProvider provider, DbContext context)
    {
        var compilation = CSharpCompilation.Create(
            "Migration_" + Guid.NewGuid().ToString("N"),
            new[] { CSharpSyntaxTree.ParseText(source) },
            EfReferences.For(EfVersion.Ef10, provider),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        using var stream = new MemoryStream();
        var result = compilation.Emit(stream);
        if (!result.Success)
        {
            throw new InvalidOperationException("The migration does not compile:\n" + string.Join("\n", result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        }

        stream.Position = 0;
        var assembly = AssemblyLoadContext.Default.LoadFromStream(stream);
        var type = assembly.GetTypes().Single(t => typeof(Migration).IsAssignableFrom(t) && !t.IsAbstract);
        var migration = (Migration)Activator.CreateInstance(type)!;
        migration.ActiveProvider = context.Database.ProviderName!;
        return migration;
    }
}
