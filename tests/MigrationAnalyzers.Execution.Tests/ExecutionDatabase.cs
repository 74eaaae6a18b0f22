using System;
using System.Collections.Generic;
using System.Data.Common;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace MigrationAnalyzers.Tests.Execution;

/// <summary>
/// A real, throw-away database on which tests create tables, insert rows, and run migrations
/// with EF Core's own migrator — the proof that a fix keeps data, not only that it compiles.
/// </summary>
public abstract class ExecutionDatabase : IDisposable
{
    /// <summary>The provider's <c>ActiveProvider</c> name.</summary>
    public abstract string ProviderName { get; }

    /// <summary>For the analyzer's <c>migration_analyzers.provider</c> option.</summary>
    public abstract string OptionValue { get; }

    public abstract DbConnection Connection { get; }

    /// <summary>Quotes an identifier the way this provider needs it in test SQL.</summary>
    public virtual string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"") + "\"";

    public void Execute(string sql)
    {
        using var command = Connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public List<object?[]> Query(string sql)
    {
        using var command = Connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<object?[]>();
        while (reader.Read())
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < reader.FieldCount; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }

            rows.Add(row);
        }

        return rows;
    }

    /// <summary>
    /// Runs EF Core's migrator over the compiled migrations up to <paramref name="targetMigration"/>
    /// (null = all; "0" = roll everything back).
    /// </summary>
    public void Migrate(Assembly migrations, string? targetMigration = null)
    {
        using var context = CreateContext(migrations);
        context.GetService<IMigrator>().Migrate(targetMigration);
    }

    public IReadOnlyList<string> AppliedMigrations(Assembly migrations)
    {
        using var context = CreateContext(migrations);
        return new List<string>(context.Database.GetAppliedMigrations());
    }

    public abstract void Dispose();

    protected abstract void Configure(DbContextOptionsBuilder builder);

    private DbContext CreateContext(Assembly migrations)
    {
        var builder = new DbContextOptionsBuilder();
        Configure(builder);

        // The compiled context has no entities: its model never matches the migrations' snapshot.
        builder.ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning));
        var type = migrations.GetType(MigrationAssemblyCompiler.ContextTypeName, throwOnError: true)!;
        return (DbContext)Activator.CreateInstance(type, builder.Options)!;
    }
}
