using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace MigrationAnalyzers.Model;

/// <summary>The operations of one <c>Up</c> or <c>Down</c> override, in source order.</summary>
internal sealed class MethodOperations
{
    public static readonly MethodOperations NotDeclared = new(
        ImmutableArray<MigrationOperation>.Empty, declaration: null, identifierLocation: null,
        hasStatements: false, onlyThrowsNotSupported: false, callsBase: false);

    public MethodOperations(
        ImmutableArray<MigrationOperation> operations,
        SyntaxNode? declaration,
        Location? identifierLocation,
        bool hasStatements,
        bool onlyThrowsNotSupported,
        bool callsBase)
    {
        Operations = operations;
        Declaration = declaration;
        IdentifierLocation = identifierLocation;
        HasStatements = hasStatements;
        OnlyThrowsNotSupported = onlyThrowsNotSupported;
        CallsBase = callsBase;
        foreach (var operation in operations)
        {
            if (operation.Kind == MigrationOperationKind.Unknown)
            {
                HasUnknown = true;
            }
        }
    }

    public ImmutableArray<MigrationOperation> Operations { get; }

    /// <summary>The method declaration in source; null when the class does not override it.</summary>
    public SyntaxNode? Declaration { get; }

    public bool IsDeclared => Declaration is not null;

    /// <summary>The method name token's location (MIG041 reports here).</summary>
    public Location? IdentifierLocation { get; }

    /// <summary>The body holds at least one statement (an expression body counts as one).</summary>
    public bool HasStatements { get; }

    /// <summary>The body is only <c>throw new NotSupportedException(…)</c>: an explicit "irreversible".</summary>
    public bool OnlyThrowsNotSupported { get; }

    /// <summary>Calls <c>base.Up/Down(migrationBuilder)</c> of a custom base class.</summary>
    public bool CallsBase { get; }

    /// <summary>Some statement touches the builder in a way the model cannot read.</summary>
    public bool HasUnknown { get; }

    /// <summary>Declared with no operation, no unknown and no throw: an empty Down.</summary>
    public bool IsEmpty => IsDeclared && Operations.IsEmpty && !OnlyThrowsNotSupported && !CallsBase;
}
