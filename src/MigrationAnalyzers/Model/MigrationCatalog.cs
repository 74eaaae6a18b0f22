using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using MigrationAnalyzers.Schema;

namespace MigrationAnalyzers.Model;

/// <summary>
/// Every migration of one compilation, each modelled exactly once, and their fold into a
/// <see cref="SchemaHistory"/>. Shared by all rule analyzers through a per-compilation cache,
/// so adding a rule adds no parsing.
/// </summary>
internal sealed class MigrationCatalog
{
    private static readonly ConditionalWeakTable<Compilation, MigrationCatalog> Cache = new();

    private readonly Lazy<ImmutableDictionary<INamedTypeSymbol, MigrationModel>> _migrations;
    private readonly Lazy<SchemaHistory> _history;

    private MigrationCatalog(EfTypes types)
    {
        Types = types;
        _migrations = new Lazy<ImmutableDictionary<INamedTypeSymbol, MigrationModel>>(BuildAll, LazyThreadSafetyMode.ExecutionAndPublication);
        _history = new Lazy<SchemaHistory>(() => new SchemaHistory(_migrations.Value.Values), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public EfTypes Types { get; }

    public IEnumerable<MigrationModel> Migrations => _migrations.Value.Values;

    public SchemaHistory History => _history.Value;

    /// <summary>The catalog of a compilation that references EF Core Relational; null otherwise.</summary>
    public static MigrationCatalog? For(Compilation compilation)
    {
        if (Cache.TryGetValue(compilation, out var cached))
        {
            return cached;
        }

        var types = EfTypes.TryCreate(compilation);
        return types is null ? null : Cache.GetValue(compilation, _ => new MigrationCatalog(types));
    }

    public MigrationModel? Find(INamedTypeSymbol type) =>
        _migrations.Value.TryGetValue(type, out var model) ? model : null;

    private ImmutableDictionary<INamedTypeSymbol, MigrationModel> BuildAll()
    {
        var builder = new MigrationModelBuilder(Types);
        var result = ImmutableDictionary.CreateBuilder<INamedTypeSymbol, MigrationModel>(SymbolEqualityComparer.Default);
        foreach (var tree in Types.Compilation.SyntaxTrees)
        {
            SemanticModel? model = null;
            foreach (var declaration in ClassesWithBaseList(tree.GetRoot()))
            {
                model ??= Types.Compilation.GetSemanticModel(tree);
                if (model.GetDeclaredSymbol(declaration) is not INamedTypeSymbol type ||
                    result.ContainsKey(type) || !Types.IsMigrationClass(type))
                {
                    continue;
                }

                try
                {
                    result[type] = builder.Build(type, CancellationToken.None);
                }
                catch (Exception ex) when (ex is not OperationCanceledException && !Debugger.IsDebugBuild)
                {
                    // Never AD0001 in a user's build: a migration we cannot model is skipped (rules stay silent).
                }
            }
        }

        return result.ToImmutable();
    }

    /// <summary>A cheap syntactic filter: only classes with a base list can derive from Migration.</summary>
    private static IEnumerable<ClassDeclarationSyntax> ClassesWithBaseList(SyntaxNode root)
    {
        foreach (var node in root.DescendantNodes(n => n is not (MemberDeclarationSyntax and not BaseNamespaceDeclarationSyntax and not TypeDeclarationSyntax)))
        {
            if (node is ClassDeclarationSyntax { BaseList: not null } declaration)
            {
                yield return declaration;
            }
        }
    }
}
