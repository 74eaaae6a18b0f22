using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using MigrationAnalyzers.Model;

namespace MigrationAnalyzers.Schema;

/// <summary>Where an index or key known on a table comes from.</summary>
internal enum IndexOrigin
{
    /// <summary>Folded from the Up operations of the compilation's migrations (this Up included).</summary>
    Migrations,

    /// <summary>Read from a target model (.Designer.cs) or the ModelSnapshot: the history did not know the table.</summary>
    TargetModel,
}

/// <summary>How far <see cref="TableIndexes.Before(Compilation, SchemaHistory, MigrationModel, SchemaState, int, string?, string, out IndexKnowledge)"/> can be trusted.</summary>
internal enum IndexKnowledge
{
    /// <summary>The migrations or a target model describe the table.</summary>
    Known,

    /// <summary>Nothing describes the table (older than the compilation's migrations, no target model).</summary>
    Undescribed,

    /// <summary>An operation the model could not read may have changed the table: nothing can be told.</summary>
    Uncertain,
}

/// <summary>An index, primary key, unique constraint or foreign key on a table, in column names.</summary>
internal sealed class KnownIndex
{
    public KnownIndex(string? name, MigrationOperationKind kind, ImmutableArray<string> columns, bool isUnique, bool isSpecial, IndexOrigin origin, MigrationOperation? declaredBy)
    {
        Name = name;
        Kind = kind;
        Columns = columns;
        IsUnique = isUnique;
        IsSpecial = isSpecial;
        Origin = origin;
        DeclaredBy = declaredBy;
    }

    /// <summary>Null for a target-model index without an explicit database name.</summary>
    public string? Name { get; }

    /// <summary>CreateIndex, AddPrimaryKey, AddUniqueConstraint or AddForeignKey.</summary>
    public MigrationOperationKind Kind { get; }

    public ImmutableArray<string> Columns { get; }

    public bool IsUnique { get; }

    /// <summary>Filtered, with a non-default method, included columns…: not interchangeable with a plain index.</summary>
    public bool IsSpecial { get; }

    public IndexOrigin Origin { get; }

    /// <summary>The operation that declared it, when it comes from the migrations.</summary>
    public MigrationOperation? DeclaredBy { get; }

    /// <summary>Backed by an index in the database (everything but a foreign key).</summary>
    public bool IsIndexed => Kind != MigrationOperationKind.AddForeignKey;

    /// <summary>True when <paramref name="columns"/> are this index's leading columns, in any order.</summary>
    public bool Covers(ImmutableArray<string> columns) =>
        IsIndexed && columns.Length > 0 && Columns.Length >= columns.Length &&
        Columns.Take(columns.Length).OrderBy(c => c, System.StringComparer.Ordinal)
            .SequenceEqual(columns.OrderBy(c => c, System.StringComparer.Ordinal), System.StringComparer.Ordinal);

    public static KnownIndex From(MigrationOperation operation, ImmutableArray<string> columns) => new(
        operation.Name,
        operation.Kind,
        columns,
        operation.Kind is MigrationOperationKind.AddPrimaryKey or MigrationOperationKind.AddUniqueConstraint ||
            (operation.Kind == MigrationOperationKind.CreateIndex && operation["unique"].AsBool() == true),
        IsSpecialIndex(operation),
        IndexOrigin.Migrations,
        operation);

    /// <summary>A filter, a method other than b-tree, operators, included columns, descending order…</summary>
    public static bool IsSpecialIndex(MigrationOperation operation)
    {
        if (operation.Kind != MigrationOperationKind.CreateIndex)
        {
            return false;
        }

        if (!operation["filter"].IsNull || !operation["descending"].IsNull)
        {
            return true;
        }

        foreach (var annotation in operation.Annotations)
        {
            if (annotation.Name is null || annotation.Name.EndsWith(":CreatedConcurrently", System.StringComparison.Ordinal) ||
                annotation.Name.EndsWith(":Online", System.StringComparison.Ordinal))
            {
                continue;
            }

            return true;
        }

        return false;
    }
}

/// <summary>
/// The one answer to "which indexes and keys exist on table T just before Up operation i".
/// It reads the fold of the compilation's migrations (<see cref="SchemaState"/>); when the history
/// does not know the table (created before the first migration of the compilation, squashed
/// histories), it starts from the target model that describes the database before this
/// migration — the previous migration's .Designer.cs, else this migration's own, else the
/// ModelSnapshot — and replays this Up's operations before i on it.
/// </summary>
internal static class TableIndexes
{
    /// <summary>Indexes and keys on the table before Up operation <paramref name="upIndex"/> (empty when nothing is known or it is uncertain).</summary>
    public static ImmutableArray<KnownIndex> Before(
        Compilation compilation,
        SchemaHistory history,
        MigrationModel migration,
        SchemaState upStateBefore,
        int upIndex,
        string? schema,
        string table) =>
        Before(compilation, history, migration, upStateBefore, upIndex, schema, table, out _);

    /// <param name="knowledge">How much the answer can be trusted: <see cref="IndexKnowledge.Undescribed"/>
    /// when neither the migrations nor any target model know the table (the answer is then only what
    /// this Up itself created, and a rule may prefer silence); <see cref="IndexKnowledge.Uncertain"/>
    /// when an operation the model could not read may have changed it (the answer is empty: silence).</param>
    public static ImmutableArray<KnownIndex> Before(
        Compilation compilation,
        SchemaHistory history,
        MigrationModel migration,
        SchemaState upStateBefore,
        int upIndex,
        string? schema,
        string table,
        out IndexKnowledge knowledge)
    {
        knowledge = IndexKnowledge.Known;
        var unseen = upStateBefore.ChangedUnseenBy(schema, table, migration);
        if (unseen == migration)
        {
            // This Up changed the table in a way the model cannot read: no target model tells how.
            knowledge = IndexKnowledge.Uncertain;
            return ImmutableArray<KnownIndex>.Empty;
        }

        if (unseen is null && upStateBefore.Find(schema, table) is { } known)
        {
            return known.Keys.Values
                .Select(k => new KnownIndex(k.Name, k.Kind, k.Columns, k.IsUnique, KnownIndex.IsSpecialIndex(k.DeclaredBy), IndexOrigin.Migrations, k.DeclaredBy))
                .ToImmutableArray();
        }

        if (IsCreatedOrDroppedBefore(migration, schema, table, upIndex))
        {
            // Created in this Up (the fold would know it) or dropped: nothing from before applies.
            return ImmutableArray<KnownIndex>.Empty;
        }

        // Nothing known from before (or an earlier migration changed it unseen): the target model
        // is the truth; this Up's own earlier indexes still count.
        var model = FromTargetModel(compilation, history, migration, schema, table);
        knowledge = !model.IsDefault ? IndexKnowledge.Known : unseen is null ? IndexKnowledge.Undescribed : IndexKnowledge.Uncertain;
        if (knowledge == IndexKnowledge.Uncertain)
        {
            return ImmutableArray<KnownIndex>.Empty;
        }

        var indexes = model.IsDefault ? new List<KnownIndex>() : model.ToList();
        var operations = migration.Up.Operations;
        for (var i = 0; i < upIndex && i < operations.Length; i++)
        {
            if (operations[i].IsTable(schema, table) && !operations[i].HasUnknownArguments)
            {
                Replay(indexes, operations[i]);
            }
        }

        return indexes.ToImmutableArray();
    }

    /// <summary>Indexes and keys that Up creates on the table at or after <paramref name="fromIndex"/> (CreateTable constraints included).</summary>
    public static IEnumerable<(int UpIndex, KnownIndex Index)> CreatedInUp(MigrationModel migration, string? schema, string table, int fromIndex)
    {
        var operations = migration.Up.Operations;
        for (var i = System.Math.Max(fromIndex, 0); i < operations.Length; i++)
        {
            var operation = operations[i];
            if (!operation.IsTable(schema, table) || operation.HasUnknownArguments && operation.Kind != MigrationOperationKind.CreateTable)
            {
                continue;
            }

            if (operation.Kind == MigrationOperationKind.CreateTable)
            {
                foreach (var constraint in operation.Constraints)
                {
                    if (AsIndex(constraint) is { } fromConstraint)
                    {
                        yield return (i, fromConstraint);
                    }
                }
            }
            else if (AsIndex(operation) is { } index)
            {
                yield return (i, index);
            }
        }
    }

    /// <summary>The index an operation adds (CreateIndex, AddPrimaryKey, AddUniqueConstraint, AddForeignKey), or null.</summary>
    public static KnownIndex? AsIndex(MigrationOperation operation)
    {
        if (operation.Kind is not (MigrationOperationKind.CreateIndex or MigrationOperationKind.AddPrimaryKey or
                MigrationOperationKind.AddUniqueConstraint or MigrationOperationKind.AddForeignKey) ||
            operation.HasUnknownArguments)
        {
            return null;
        }

        var columns = operation.Columns;
        return columns.IsDefault || columns.IsEmpty ? null : KnownIndex.From(operation, columns);
    }

    private static bool IsCreatedOrDroppedBefore(MigrationModel migration, string? schema, string table, int upIndex)
    {
        var operations = migration.Up.Operations;
        for (var i = 0; i < upIndex && i < operations.Length; i++)
        {
            if (operations[i].Kind is MigrationOperationKind.CreateTable or MigrationOperationKind.DropTable && operations[i].IsTable(schema, table))
            {
                return true;
            }
        }

        return false;
    }

    private static ImmutableArray<KnownIndex> FromTargetModel(Compilation compilation, SchemaHistory history, MigrationModel migration, string? schema, string table)
    {
        // The previous migration's target model is the database before this one. This migration's
        // own model and the snapshot describe it after this (and, for the snapshot, every later)
        // migration: indexes those migrations create are taken out so they do not count as "before".
        var ordered = history.Ordered;
        var position = ordered.IndexOf(migration);
        var sources = new (SyntaxNode? Model, int CreatedFrom, int CreatedTo)[]
        {
            (history.Previous(migration)?.TargetModelMethod, 0, -1),
            (migration.TargetModelMethod, position, position),
            (Snapshot(compilation), position, ordered.Length - 1),
        };
        foreach (var (source, from, to) in sources)
        {
            if (source is null || TargetModel.Read(source).Find(schema, table) is not { } modelTable)
            {
                continue;
            }

            var createdAfter = new List<ImmutableArray<string>>();
            for (var i = System.Math.Max(from, 0); i <= to && i < ordered.Length; i++)
            {
                createdAfter.AddRange(CreatedInUp(ordered[i], schema, table, 0).Where(c => c.Index.IsIndexed).Select(c => c.Index.Columns));
            }

            if (position < 0 && from >= 0 && to >= from)
            {
                createdAfter.AddRange(CreatedInUp(migration, schema, table, 0).Where(c => c.Index.IsIndexed).Select(c => c.Index.Columns));
            }

            return modelTable.Indexes
                .Where(i => !createdAfter.Any(c => c.SequenceEqual(i.Columns, System.StringComparer.Ordinal)))
                .Select(i => new KnownIndex(
                    i.Name,
                    i.IsKey ? MigrationOperationKind.AddPrimaryKey : MigrationOperationKind.CreateIndex,
                    i.Columns,
                    i.IsUnique,
                    i.IsSpecial,
                    IndexOrigin.TargetModel,
                    declaredBy: null))
                .ToImmutableArray();
        }

        return default;
    }

    private static void Replay(List<KnownIndex> indexes, MigrationOperation operation)
    {
        var name = operation.Name;
        switch (operation.Kind)
        {
            case MigrationOperationKind.CreateIndex:
            case MigrationOperationKind.AddPrimaryKey:
            case MigrationOperationKind.AddUniqueConstraint:
            case MigrationOperationKind.AddForeignKey:
                if (AsIndex(operation) is { } added)
                {
                    indexes.RemoveAll(i => i.Name == name);
                    indexes.Add(added);
                }

                break;
            case MigrationOperationKind.DropIndex:
            case MigrationOperationKind.DropPrimaryKey:
            case MigrationOperationKind.DropUniqueConstraint:
            case MigrationOperationKind.DropForeignKey:
                indexes.RemoveAll(i => i.Name == name ||
                    (i.Name is null && operation.Kind == MigrationOperationKind.DropPrimaryKey && i.Kind == MigrationOperationKind.AddPrimaryKey));
                break;
            case MigrationOperationKind.DropColumn when name is not null:
                indexes.RemoveAll(i => i.Columns.Contains(name));
                break;
            case MigrationOperationKind.RenameColumn when name is not null && operation.NewName is { } newName:
                for (var i = 0; i < indexes.Count; i++)
                {
                    var index = indexes[i];
                    if (index.Columns.Contains(name))
                    {
                        indexes[i] = new KnownIndex(index.Name, index.Kind, index.Columns.Select(c => c == name ? newName : c).ToImmutableArray(), index.IsUnique, index.IsSpecial, index.Origin, index.DeclaredBy);
                    }
                }

                break;
        }
    }

    /// <summary>The ModelSnapshot's <c>BuildModel</c> body, found once per compilation (syntactically: EF writes one per context).</summary>
    private static SyntaxNode? Snapshot(Compilation compilation) =>
        MigrationCatalog.For(compilation) is { } catalog
            ? catalog.Memo(typeof(TableIndexes), () => new StrongBox<SyntaxNode?>(FindSnapshot(compilation))).Value
            : FindSnapshot(compilation);

    private static SyntaxNode? FindSnapshot(Compilation compilation)
    {
        if (EfTypes.TryCreate(compilation)?.ModelSnapshot is not { } modelSnapshot)
        {
            return null;
        }

        SyntaxNode? found = null;
        foreach (var tree in compilation.SyntaxTrees)
        {
            SemanticModel? model = null;
            foreach (var node in tree.GetRoot().DescendantNodes(n => n is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax))
            {
                // A class deriving from EF's ModelSnapshot (whatever its base is spelled): declarations only are bound.
                if (node is not ClassDeclarationSyntax { BaseList: not null } type ||
                    (model ??= compilation.GetSemanticModel(tree)).GetDeclaredSymbol(type) is not INamedTypeSymbol symbol ||
                    !EfTypes.DerivesFrom(symbol, modelSnapshot))
                {
                    continue;
                }

                foreach (var method in type.Members.OfType<MethodDeclarationSyntax>())
                {
                    if (method.Identifier.ValueText == "BuildModel")
                    {
                        if (found is not null)
                        {
                            return null; // several contexts: which one owns the migration is not known here
                        }

                        found = method;
                    }
                }
            }
        }

        return found;
    }
}
