using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MigrationAnalyzers.Model;

/// <summary>
/// The operations of an <c>Up</c>/<c>Down</c> body, kept with its syntax tree (weakly) across
/// compilations: the IDE makes a new compilation on every keystroke, but an unchanged file keeps
/// its <see cref="SyntaxTree"/>, so an edit re-reads the edited migration, not the project (the
/// reuse Roslyn's incremental generators get).
/// <para>
/// Only a read that owes nothing to the compilation is kept: every call read from tokens, every
/// value a literal, every type name bound to a referenced assembly (<c>int</c>, <c>DateTime</c>), and
/// every other name one that resolves nowhere (a missing enum or helper: the value or call is
/// unknown, <see cref="UnresolvedNames"/>).
/// A read that needed the compilation (a helper, a provider branch, a value or type from the
/// project's own source, a deferred value) is read again in each compilation, as before. A kept
/// read is valid in another compilation when that one references the same assemblies (the same
/// <c>MigrationBuilder</c> symbol: Roslyn shares referenced assemblies' symbols between
/// compilations whose references did not change) and declares nothing in source of the names it
/// depends on (that could hide a type name it bound, or give an unresolved name a meaning).
/// </para>
/// </summary>
internal static class MethodReadCache
{
    private static readonly ConditionalWeakTable<SyntaxTree, ConcurrentDictionary<MethodDeclarationSyntax, Read>> Cache = new();

    /// <summary>The operations read from <paramref name="declaration"/> in an earlier compilation, when still valid in this one.</summary>
    public static MethodOperations? TryGet(MethodDeclarationSyntax declaration, EfTypes types)
    {
        if (!Cache.TryGetValue(declaration.SyntaxTree, out var reads) || !reads.TryGetValue(declaration, out var read) ||
            !ReferenceEquals(read.Builder, types.MigrationBuilder))
        {
            return null;
        }

        foreach (var name in read.TypeNames)
        {
            if (types.SourceDeclares(name))
            {
                // The project now declares something of that name: the type name may mean it.
                return null;
            }
        }

        return read.Operations;
    }

    /// <param name="typeNames">The names the read depends on: type names it bound (all to referenced assemblies), names that resolved nowhere.</param>
    public static void Store(MethodDeclarationSyntax declaration, EfTypes types, MethodOperations operations, ImmutableArray<string> typeNames) =>
        Cache.GetValue(declaration.SyntaxTree, _ => new ConcurrentDictionary<MethodDeclarationSyntax, Read>())[declaration] =
            new Read(operations, types.MigrationBuilder, typeNames);

    private sealed record Read(MethodOperations Operations, INamedTypeSymbol Builder, ImmutableArray<string> TypeNames);
}
