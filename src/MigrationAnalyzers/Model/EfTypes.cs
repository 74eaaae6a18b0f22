using System;
using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;

namespace MigrationAnalyzers.Model;

/// <summary>
/// EF Core types bound once per compilation by metadata name. Every rule compares symbols
/// against these, never type names written in source, so aliases and usings cannot fool it.
/// </summary>
internal sealed class EfTypes
{
    private const string Relational = "Microsoft.EntityFrameworkCore.Relational";
    private const string Core = "Microsoft.EntityFrameworkCore";

    private readonly ConcurrentDictionary<string, bool> _declaredNames = new(StringComparer.Ordinal);

    private EfTypes(Compilation compilation, IAssemblySymbol? relational, INamedTypeSymbol migration, INamedTypeSymbol migrationBuilder)
    {
        Compilation = compilation;
        Migration = migration;
        MigrationBuilder = migrationBuilder;
        var core = ReferencedAssembly(compilation, Core);
        MigrationAttribute = TypeIn(compilation, relational, "Microsoft.EntityFrameworkCore.Migrations.MigrationAttribute");
        ColumnsBuilder = TypeIn(compilation, relational, "Microsoft.EntityFrameworkCore.Migrations.Operations.Builders.ColumnsBuilder");
        CreateTableBuilder = TypeIn(compilation, relational, "Microsoft.EntityFrameworkCore.Migrations.Operations.Builders.CreateTableBuilder`1");
        ModelSnapshot = TypeIn(compilation, core, "Microsoft.EntityFrameworkCore.Infrastructure.ModelSnapshot");
        DbContextAttribute = TypeIn(compilation, core, "Microsoft.EntityFrameworkCore.Infrastructure.DbContextAttribute");
        DatabaseFacade = TypeIn(compilation, core, "Microsoft.EntityFrameworkCore.Infrastructure.DatabaseFacade");
        NotSupportedException = TypeIn(compilation, compilation.ObjectType.ContainingAssembly, "System.NotSupportedException");
    }

    public Compilation Compilation { get; }

    public INamedTypeSymbol Migration { get; }

    public INamedTypeSymbol MigrationBuilder { get; }

    public INamedTypeSymbol? MigrationAttribute { get; }

    public INamedTypeSymbol? ModelSnapshot { get; }

    public INamedTypeSymbol? NotSupportedException { get; }

    /// <summary>The <c>[DbContext(typeof(…))]</c> of a migration: which context it belongs to.</summary>
    public INamedTypeSymbol? DbContextAttribute { get; }

    /// <summary><c>context.Database</c>: where EnsureCreated and Migrate are called.</summary>
    public INamedTypeSymbol? DatabaseFacade { get; }

    /// <summary>The <c>table</c> of CreateTable's columns lambda (<c>table.Column&lt;T&gt;(…)</c>).</summary>
    public INamedTypeSymbol? ColumnsBuilder { get; }

    /// <summary>The <c>table</c> of CreateTable's constraints lambda (<c>table.PrimaryKey(…)</c>…).</summary>
    public INamedTypeSymbol? CreateTableBuilder { get; }

    /// <summary>
    /// The one place a type is looked up by metadata name (banned elsewhere), once per compilation.
    /// The compilation-wide lookup searches every referenced assembly (and checks that no other
    /// defines the name): a project references a few hundred, and that search was a fifth of the
    /// package's time on a 250-migration history. So the type is looked up in the assembly that
    /// defines it, and in the whole compilation only when that assembly is not referenced by name
    /// or does not hold it.
    /// </summary>
    private static INamedTypeSymbol? TypeIn(Compilation compilation, IAssemblySymbol? assembly, string metadataName)
    {
#pragma warning disable RS0030 // the sanctioned lookup
        return assembly?.GetTypeByMetadataName(metadataName) ?? compilation.GetTypeByMetadataName(metadataName);
#pragma warning restore RS0030
    }

    private static IAssemblySymbol? ReferencedAssembly(Compilation compilation, string name)
    {
        foreach (var assembly in compilation.SourceModule.ReferencedAssemblySymbols)
        {
            if (string.Equals(assembly.Identity.Name, name, StringComparison.Ordinal))
            {
                return assembly;
            }
        }

        return null;
    }

    /// <summary>Null when the compilation does not reference EF Core Relational: nothing to analyze.</summary>
    public static EfTypes? TryCreate(Compilation compilation)
    {
        var relational = ReferencedAssembly(compilation, Relational);
        var migration = TypeIn(compilation, relational, "Microsoft.EntityFrameworkCore.Migrations.Migration");
        var builder = TypeIn(compilation, relational, "Microsoft.EntityFrameworkCore.Migrations.MigrationBuilder");
        return migration is null || builder is null ? null : new EfTypes(compilation, relational, migration, builder);
    }

    /// <summary>
    /// True when the compilation's source declares a symbol of that name; asked once per name (every
    /// kept Up/Down read asks for the type names it bound: <c>int</c>, <c>string</c>, <c>DateTime</c>).
    /// </summary>
    public bool SourceDeclares(string name) =>
        _declaredNames.GetOrAdd(name, n => Compilation.ContainsSymbolsWithName(n, SymbolFilter.All));

    public bool IsMigrationClass(INamedTypeSymbol type)
    {
        if (type.TypeKind != TypeKind.Class || type.IsAbstract)
        {
            return false;
        }

        return DerivesFrom(type, Migration);
    }

    public bool IsMigrationBuilder(ITypeSymbol? type) =>
        type is not null && SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, MigrationBuilder);

    /// <summary>OperationBuilder&lt;T&gt;, CreateTableBuilder&lt;T&gt;, AlterOperationBuilder&lt;T&gt;, ColumnsBuilder: the fluent chain types.</summary>
    public static bool IsOperationsBuilderNamespace(ITypeSymbol? type) =>
        SymbolNames.IsNamespace(type?.ContainingNamespace, "Microsoft.EntityFrameworkCore.Migrations.Operations.Builders");

    public static bool DerivesFrom(INamedTypeSymbol type, INamedTypeSymbol baseType)
    {
        for (var current = type.BaseType; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, baseType))
            {
                return true;
            }
        }

        return false;
    }
}
