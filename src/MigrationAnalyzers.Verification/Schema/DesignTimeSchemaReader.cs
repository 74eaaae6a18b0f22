using System;
using System.Collections.Generic;
using System.Data.Common;
using System.Linq;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Scaffolding;
using Microsoft.EntityFrameworkCore.Scaffolding.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace MigrationAnalyzers.Verification.Schema;

/// <summary>
/// Reads a database schema with the provider's own reverse-engineering factory (the one behind
/// <c>dotnet ef dbcontext scaffold</c>), so no catalog query is written here and every provider
/// that ships design-time services is read the way EF itself reads it.
/// </summary>
internal sealed class DesignTimeSchemaReader
{
    private readonly IDatabaseModelFactory _factory;
    private readonly HashSet<string> _excludedTables;

    private DesignTimeSchemaReader(IDatabaseModelFactory factory, HashSet<string> excludedTables)
    {
        _factory = factory;
        _excludedTables = excludedTables;
    }

    /// <summary>Builds the reader for the provider the context is configured with.</summary>
    public static DesignTimeSchemaReader For(DbContext context)
    {
        var providerAssemblyName = context.GetService<IDatabaseProvider>().Name;
        var services = new ServiceCollection().AddEntityFrameworkDesignTimeServices();
        CreateProviderDesignTimeServices(providerAssemblyName).ConfigureDesignTimeServices(services);
        var factory = services.BuildServiceProvider().GetRequiredService<IDatabaseModelFactory>();
        return new DesignTimeSchemaReader(factory, MigrationsBookkeeping.TableNames(context));
    }

    public SchemaSnapshot Read(DbConnection connection)
    {
        var model = _factory.Create(connection, new DatabaseModelFactoryOptions());
        var tables = new SortedDictionary<string, TableShape>(StringComparer.Ordinal);
        foreach (var table in model.Tables)
        {
            if (_excludedTables.Contains(table.Name))
            {
                continue;
            }

            var shape = ToShape(model, table);
            tables[shape.Name] = shape;
        }

        var sequences = model.Sequences.Select(s => DisplayName(model, s.Schema, s.Name)).OrderBy(n => n, StringComparer.Ordinal).ToList();
        return new SchemaSnapshot(model, tables, sequences);
    }

    /// <summary>Tables in the default schema are shown bare, others as schema.table.</summary>
    public static string DisplayName(DatabaseModel model, string? schema, string name)
        => schema is null || schema == model.DefaultSchema ? name : schema + "." + name;

    private static TableShape ToShape(DatabaseModel model, DatabaseTable table)
    {
        var columns = new SortedDictionary<string, ColumnShape>(StringComparer.Ordinal);
        foreach (var column in table.Columns)
        {
            columns[column.Name] = new ColumnShape(
                column.Name,
                column.StoreType,
                column.IsNullable,
                DefaultText(column),
                Trim(column.ComputedColumnSql),
                column.Collation);
        }

        var indexes = new SortedDictionary<string, IndexShape>(StringComparer.Ordinal);
        foreach (var index in table.Indexes)
        {
            var name = index.Name ?? "(unnamed index on " + string.Join(", ", index.Columns.Select(c => c.Name)) + ")";
            indexes[name] = new IndexShape(name, "index", index.IsUnique, index.Columns.Select(c => c.Name).ToList(), Trim(index.Filter));
        }

        foreach (var constraint in table.UniqueConstraints)
        {
            var name = constraint.Name ?? "(unnamed unique constraint on " + string.Join(", ", constraint.Columns.Select(c => c.Name)) + ")";
            indexes[name] = new IndexShape(name, "unique constraint", true, constraint.Columns.Select(c => c.Name).ToList(), null);
        }

        var foreignKeys = table.ForeignKeys
            .Select(fk => "(" + string.Join(", ", fk.Columns.Select(c => c.Name)) + ") -> "
                + DisplayName(model, fk.PrincipalTable.Schema, fk.PrincipalTable.Name)
                + " (" + string.Join(", ", fk.PrincipalColumns.Select(c => c.Name)) + ")"
                + " on delete " + (fk.OnDelete?.ToString() ?? "NoAction"))
            .OrderBy(s => s, StringComparer.Ordinal)
            .ToList();

        return new TableShape(
            DisplayName(model, table.Schema, table.Name),
            columns,
            table.PrimaryKey?.Columns.Select(c => c.Name).ToList(),
            indexes,
            foreignKeys);
    }

    private static string? Trim(string? sql) => string.IsNullOrWhiteSpace(sql) ? null : sql!.Trim();

    /// <summary>
    /// The default as SQL; where the provider parsed it into a value instead (Npgsql's EF Core 8
    /// factory does so for a default equal to the CLR default, e.g. <c>0</c>), that value as text.
    /// </summary>
    private static string? DefaultText(DatabaseColumn column)
        => Trim(column.DefaultValueSql) ?? (column.DefaultValue is { } value and not DBNull ? Data.ValueText.Of(value) : null);

    /// <summary>
    /// Every EF provider names its design-time services class in an assembly attribute; this is
    /// how <c>dotnet ef</c> finds it too.
    /// </summary>
    private static IDesignTimeServices CreateProviderDesignTimeServices(string providerAssemblyName)
    {
        var assembly = Assembly.Load(new AssemblyName(providerAssemblyName));
        var attribute = assembly.GetCustomAttribute<DesignTimeProviderServicesAttribute>()
            ?? throw new InvalidOperationException(
                $"The EF Core provider '{providerAssemblyName}' has no design-time services, so its schema cannot be read.");
        var type = assembly.GetType(attribute.TypeName, throwOnError: true)!;
        return (IDesignTimeServices)Activator.CreateInstance(type)!;
    }
}
