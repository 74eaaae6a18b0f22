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
        MigrationAttribute = compilation.GetTypeByMetadataName("Microsoft.EntityFrameworkCore.Migrations.MigrationAttribute");
        ModelSnapshot = compilation.GetTypeByMetadataName("Microsoft.EntityFrameworkCore.Infrastructure.ModelSnapshot");
        NotSupportedException = compilation.GetTypeByMetadataName("System.NotSupportedException");
        ColumnsBuilder = compilation.GetTypeByMetadataName("Microsoft.EntityFrameworkCore.Migrations.Operations.Builders.ColumnsBuilder");
        CreateTableBuilder = compilation.GetTypeByMetadataName("Microsoft.EntityFrameworkCore.Migrations.Operations.Builders.CreateTableBuilder`1");
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

    /// <summary>Null when the compilation does not reference EF Core Relational: nothing to analyze.</summary>
    public static EfTypes? TryCreate(Compilation compilation)
    {
        var migration = compilation.GetTypeByMetadataName("Microsoft.EntityFrameworkCore.Migrations.Migration");
        var builder = compilation.GetTypeByMetadataName("Microsoft.EntityFrameworkCore.Migrations.MigrationBuilder");
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
        type?.ContainingNamespace?.ToDisplayString() == "Microsoft.EntityFrameworkCore.Migrations.Operations.Builders";

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
