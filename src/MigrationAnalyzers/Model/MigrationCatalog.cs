using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using MigrationAnalyzers.Configuration;
using MigrationAnalyzers.Schema;

namespace MigrationAnalyzers.Model;

/// <summary>
/// The one analysis context of a compilation: its EF types, the options of each file read once,
/// every migration class, each migration's model built on first request (a fix asks for one, not
/// the project), their fold into a <see cref="SchemaHistory"/>, the migrations that could not be
/// modelled (MIG000; the history is incomplete from them on), and what the layers above compute
/// once per migration (<see cref="Memo{T}"/>: renames, reversibility pairing, target models).
/// It is the only compilation-keyed cache: the rule analyzers are separate analyzers, and this
/// table is how they share one context.
/// </summary>
internal sealed class MigrationCatalog
{
    private static readonly ConditionalWeakTable<Compilation, MigrationCatalog> Cache = new();

    private readonly ConcurrentDictionary<INamedTypeSymbol, Lazy<Entry>> _entries = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<object, object?> _memo = new();
    private readonly ConcurrentDictionary<SyntaxTree, (AnalyzerConfigOptionsProvider Provider, MigrationAnalyzerOptions Options)> _options = new();
    private readonly Lazy<DatabaseProvider> _inferredProvider;
    private readonly object _gate = new();
    private ImmutableArray<INamedTypeSymbol> _classes;
    private SchemaHistory? _history;
    private HashSet<INamedTypeSymbol>? _baseTypes;

    private readonly Func<INamedTypeSymbol, string?>? _unreadable;
    private int _methodReads;

    private MigrationCatalog(EfTypes types, Func<INamedTypeSymbol, string?>? unreadable = null)
    {
        Types = types;
        _unreadable = unreadable;
        _inferredProvider = new Lazy<DatabaseProvider>(() => ProviderNames.InferFrom(types.Compilation), LazyThreadSafetyMode.PublicationOnly);
    }

    public EfTypes Types { get; }

    /// <summary>The provider the compilation's references name, found once (options are read per file).</summary>
    public DatabaseProvider InferredProvider => _inferredProvider.Value;

    /// <summary>Every migration that could be modelled, in the compilation's file order.</summary>
    public IEnumerable<MigrationModel> Migrations
    {
        get
        {
            ReadLog.Anything();
            return Entries(CancellationToken.None).Where(e => e.Model is not null).Select(e => e.Model!);
        }
    }

    public SchemaHistory History => HistoryFor(CancellationToken.None);

    /// <summary>
    /// How many Up/Down bodies this compilation read itself; the others came from an earlier
    /// compilation's read of the same, unchanged, syntax tree (<see cref="MethodReadCache"/>).
    /// </summary>
    internal int MethodReads => Volatile.Read(ref _methodReads);

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

    /// <summary>
    /// A catalog (not shared through the cache) in which the classes <paramref name="unreadable"/>
    /// names a reason for are treated as models that failed: the tests of failure containment,
    /// which cannot rely on an exception (Debug builds let exceptions surface).
    /// </summary>
    internal static MigrationCatalog? CreateForTesting(Compilation compilation, Func<INamedTypeSymbol, string?> unreadable) =>
        EfTypes.TryCreate(compilation) is { } types ? new MigrationCatalog(types, unreadable) : null;

    /// <summary>The model of one migration class, built on first request; null when it is none or could not be modelled.</summary>
    public MigrationModel? Find(INamedTypeSymbol type, CancellationToken cancellationToken = default)
    {
        var model = EntryOf(type, cancellationToken)?.Model;
        if (ReadLog.Current?.Migration is { } analyzed && !ReferenceEquals(model, analyzed))
        {
            ReadLog.Anything();
        }

        return model;
    }

    /// <summary>Why a migration class could not be modelled (MIG000), or null.</summary>
    public string? FailureOf(INamedTypeSymbol type, CancellationToken cancellationToken = default) =>
        EntryOf(type, cancellationToken)?.Failure;

    public SchemaHistory HistoryFor(CancellationToken cancellationToken)
    {
        // Every rule asks for every migration: once built, no lock (a contended one spins on the CPU).
        if (Volatile.Read(ref _history) is { } built)
        {
            return built;
        }

        lock (_gate)
        {
            if (_history is not { } history)
            {
                var entries = Entries(cancellationToken);
                history = new SchemaHistory(
                    entries.Where(e => e.Model is not null).Select(e => e.Model!),
                    entries.Where(e => e.Model is null).Select(e => e.Id));
                Volatile.Write(ref _history, history);
            }

            return history;
        }
    }

    /// <summary>True when another migration class derives from <paramref name="type"/> (a custom base, not a migration of its own).</summary>
    public bool IsBaseOfAnotherMigration(INamedTypeSymbol type)
    {
        ReadLog.Anything();
        lock (_gate)
        {
            if (_baseTypes is null)
            {
                _baseTypes = new HashSet<INamedTypeSymbol>(SymbolEqualityComparer.Default);
                foreach (var migration in Classes(CancellationToken.None))
                {
                    for (var current = migration.BaseType; current is not null && !SymbolEqualityComparer.Default.Equals(current, Types.Migration); current = current.BaseType)
                    {
                        _baseTypes.Add(current.OriginalDefinition);
                    }
                }
            }

            return _baseTypes.Contains(type.OriginalDefinition);
        }
    }

    /// <summary>The options of one file, read once per compilation (every rule asks for every migration).</summary>
    public MigrationAnalyzerOptions Options(AnalyzerConfigOptionsProvider provider, SyntaxTree? tree)
    {
        if (tree is null)
        {
            return MigrationAnalyzerOptions.Read(provider, null, InferredProvider);
        }

        if (_options.TryGetValue(tree, out var cached) && cached.Provider == provider)
        {
            return cached.Options;
        }

        var options = MigrationAnalyzerOptions.Read(provider, tree, InferredProvider);
        _options[tree] = (provider, options);
        return options;
    }

    /// <summary>
    /// A value computed once per compilation for <paramref name="key"/> (e.g. a migration and a
    /// provider): what a layer derives from the model lives here, not in a static table of its own.
    /// A computation that throws is not remembered.
    /// </summary>
    public T Memo<T>(object key, Func<T> create)
    {
        if (!_memo.TryGetValue(key, out var cached))
        {
            // What the value read is kept with it: each analysis that uses it read that too (ReadLog).
            var outer = ReadLog.Current;
            var reads = outer is null ? null : new ReadLog(outer.Migration);
            T value;
            using (ReadLog.Record(reads))
            {
                value = create();
            }

            cached = _memo.GetOrAdd(key, new Memoized(value, reads));
        }

        var memoized = (Memoized)cached!;
        if (memoized.Reads is { } recorded)
        {
            recorded.AddTo(ReadLog.Current);
        }
        else
        {
            // Computed outside any analysis (a fix, another analyzer's action): what it read is unknown.
            ReadLog.Anything();
        }

        return (T)memoized.Value!;
    }

    private Entry? EntryOf(INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        if (type.DeclaringSyntaxReferences.IsEmpty || !Types.IsMigrationClass(type))
        {
            return null;
        }

        var lazy = _entries.GetOrAdd(type, t => new Lazy<Entry>(() => Build(t, cancellationToken), LazyThreadSafetyMode.ExecutionAndPublication));
        try
        {
            return lazy.Value;
        }
        catch (OperationCanceledException)
        {
            // A cancelled build is not the migration's fault: the next request builds it again.
            ((ICollection<KeyValuePair<INamedTypeSymbol, Lazy<Entry>>>)_entries).Remove(new KeyValuePair<INamedTypeSymbol, Lazy<Entry>>(type, lazy));
            throw;
        }
    }

    private Entry Build(INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        var builder = new MigrationModelBuilder(Types);
        if (_unreadable?.Invoke(type) is { } reason)
        {
            return new Entry(null, builder.ReadId(type), reason);
        }

        try
        {
            return new Entry(builder.Build(type, cancellationToken), null, null);
        }
        catch (Exception ex) when (ex is not OperationCanceledException && !Debugger.IsDebugBuild)
        {
            // SPEC §7: never AD0001 in a user's build (Debug builds, the tests, let bugs surface). The migration is reported (MIG000) and the history is incomplete from it on.
            return new Entry(null, builder.ReadId(type), ex.GetType().Name + ": " + ex.Message);
        }
        finally
        {
            Interlocked.Add(ref _methodReads, builder.Reads);
        }
    }

    private List<Entry> Entries(CancellationToken cancellationToken)
    {
        var entries = new List<Entry>();
        foreach (var type in Classes(cancellationToken))
        {
            if (EntryOf(type, cancellationToken) is { } entry)
            {
                entries.Add(entry);
            }
        }

        return entries;
    }

    /// <summary>Every migration class declared in source, found from declarations only (no body is bound).</summary>
    private ImmutableArray<INamedTypeSymbol> Classes(CancellationToken cancellationToken)
    {
        if (!_classes.IsDefault)
        {
            return _classes;
        }

        var seen = new HashSet<INamedTypeSymbol>(SymbolEqualityComparer.Default);
        var result = ImmutableArray.CreateBuilder<INamedTypeSymbol>();
        foreach (var tree in Types.Compilation.SyntaxTrees)
        {
            SemanticModel? model = null;
            foreach (var declaration in ClassesWithBaseList(tree.GetRoot(cancellationToken)))
            {
                cancellationToken.ThrowIfCancellationRequested();
                model ??= Types.Compilation.GetSemanticModel(tree);
                if (model.GetDeclaredSymbol(declaration, cancellationToken) is INamedTypeSymbol type &&
                    Types.IsMigrationClass(type) && seen.Add(type))
                {
                    result.Add(type);
                }
            }
        }

        _classes = result.ToImmutable();
        return _classes;
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

    private sealed record Memoized(object? Value, ReadLog? Reads);

    /// <summary>A migration class: its model, or (when it could not be modelled) its id and what failed.</summary>
    private sealed record Entry(MigrationModel? Model, string? Id, string? Failure);
}
