using Microsoft.CodeAnalysis;

namespace MigrationAnalyzers.Model;

/// <summary>
/// EF Core types bound once per compilation by metadata name. Every rule compares symbols
/// against these, never type names written in source, so aliases and usings cannot fool it.
/// </summary>
internal sealed class EfTypes
{
    private EfTypes(Compilation compilation, INamedTypeSymbol migration, INamedTypeSymbol migrationBuilder)
    {
        Compilation = compilation;
        Migration = migration;
        MigrationBuilder = migrationBuilder;
        MigrationAttribute = TypeByName(compilation, "Microsoft.EntityFrameworkCore.Migrations.MigrationAttribute");
        ModelSnapshot = TypeByName(compilation, "Microsoft.EntityFrameworkCore.Infrastructure.ModelSnapshot");
        NotSupportedException = TypeByName(compilation, "System.NotSupportedException");
        ColumnsBuilder = TypeByName(compilation, "Microsoft.EntityFrameworkCore.Migrations.Operations.Builders.ColumnsBuilder");
        CreateTableBuilder = TypeByName(compilation, "Microsoft.EntityFrameworkCore.Migrations.Operations.Builders.CreateTableBuilder`1");
    }

    public Compilation Compilation { get; }

    public INamedTypeSymbol Migration { get; }

    public INamedTypeSymbol MigrationBuilder { get; }

    public INamedTypeSymbol? MigrationAttribute { get; }

    public INamedTypeSymbol? ModelSnapshot { get; }

    public INamedTypeSymbol? NotSupportedException { get; }

    /// <summary>The <c>table</c> of CreateTable's columns lambda (<c>table.Column&lt;T&gt;(…)</c>).</summary>
    public INamedTypeSymbol? ColumnsBuilder { get; }

    /// <summary>The <c>table</c> of CreateTable's constraints lambda (<c>table.PrimaryKey(…)</c>…).</summary>
    public INamedTypeSymbol? CreateTableBuilder { get; }

    /// <summary>
    /// The one place a type is looked up by metadata name (banned elsewhere): each lookup searches
    /// every referenced assembly, so it is done once per compilation, here.
    /// </summary>
    public static INamedTypeSymbol? TypeByName(Compilation compilation, string metadataName)
    {
#pragma warning disable RS0030 // the sanctioned lookup
        return compilation.GetTypeByMetadataName(metadataName);
#pragma warning restore RS0030
    }

    /// <summary>Null when the compilation does not reference EF Core Relational: nothing to analyze.</summary>
    public static EfTypes? TryCreate(Compilation compilation)
    {
        var migration = TypeByName(compilation, "Microsoft.EntityFrameworkCore.Migrations.Migration");
        var builder = TypeByName(compilation, "Microsoft.EntityFrameworkCore.Migrations.MigrationBuilder");
        return migration is null || builder is null ? null : new EfTypes(compilation, migration, builder);
    }

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
