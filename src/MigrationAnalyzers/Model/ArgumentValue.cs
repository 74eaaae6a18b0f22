using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace MigrationAnalyzers.Model;

internal enum ArgumentValueKind
{
    /// <summary>The argument was not passed; <see cref="ArgumentValue.Constant"/> holds the parameter's default.</summary>
    Omitted,

    /// <summary>A compile-time constant (literal, const field, enum member, nameof, concatenation, null).</summary>
    Constant,

    /// <summary>An array or collection expression; see <see cref="ArgumentValue.Elements"/>.</summary>
    Array,

    /// <summary><c>new T(args)</c>, e.g. <c>new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified)</c>.</summary>
    ObjectCreation,

    /// <summary>A static member such as <c>Guid.Empty</c> or <c>DateTime.MinValue</c>.</summary>
    StaticMember,

    /// <summary><c>typeof(T)</c> (the <c>oldClrType</c> of AlterColumn).</summary>
    TypeOf,

    /// <summary>A lambda (CreateTable's columns and constraints); read by the model builder.</summary>
    Lambda,

    /// <summary>Anything the model cannot resolve statically: rules stay silent on it.</summary>
    Unknown,
}

/// <summary>
/// One argument of a migration operation, resolved as far as the compiler allows and no further.
/// </summary>
internal sealed class ArgumentValue
{
    public static readonly ArgumentValue Missing = new(ArgumentValueKind.Omitted, null, null);

    private readonly ArgumentValueKind _kind;
    private readonly object? _constant;
    private readonly ImmutableArray<ArgumentValue> _elements;
    private readonly ITypeSymbol? _type;
    private readonly string? _memberName;
    private volatile Func<ArgumentValue>? _resolve;
    private ArgumentValue? _resolved;

    public ArgumentValue(
        ArgumentValueKind kind,
        object? constant,
        SyntaxNode? syntax,
        ImmutableArray<ArgumentValue> elements = default,
        ITypeSymbol? type = null,
        string? memberName = null)
    {
        _kind = kind;
        _constant = constant;
        Syntax = syntax;
        _elements = elements.IsDefault ? ImmutableArray<ArgumentValue>.Empty : elements;
        _type = type;
        _memberName = memberName;
    }

    private ArgumentValue(SyntaxNode syntax, Func<ArgumentValue> resolve)
        : this(ArgumentValueKind.Unknown, null, syntax)
    {
        _resolve = resolve;
    }

    /// <summary>
    /// A value read only when a rule asks for it: the syntactic reader defers anything it cannot read
    /// from the tokens (an enum member, a <c>new DateTime(…)</c>) to the semantic model, so the
    /// analyzer binds a statement only when a rule needs that argument (SPEC §7 cost).
    /// </summary>
    public static ArgumentValue Deferred(SyntaxNode syntax, Func<ArgumentValue> resolve) => new(syntax, resolve);

    public ArgumentValueKind Kind => Resolved._kind;

    /// <summary>The constant for <see cref="ArgumentValueKind.Constant"/> and <see cref="ArgumentValueKind.Omitted"/>.</summary>
    public object? Constant => Resolved._constant;

    /// <summary>The expression in source; null when omitted.</summary>
    public SyntaxNode? Syntax { get; }

    /// <summary>Array elements, or constructor arguments for <see cref="ArgumentValueKind.ObjectCreation"/>.</summary>
    public ImmutableArray<ArgumentValue> Elements => Resolved._elements;

    /// <summary>The created type, the member's containing type, or the typeof operand.</summary>
    public ITypeSymbol? Type => Resolved._type;

    public string? MemberName => Resolved._memberName;

    private ArgumentValue Resolved
    {
        get
        {
            if (_resolve is null)
            {
                return _resolved ?? this;
            }

            lock (this)
            {
                if (_resolve is { } resolve)
                {
                    _resolved = resolve();
                    _resolve = null;
                }
            }

            return _resolved ?? this;
        }
    }

    public bool IsOmitted => Kind == ArgumentValueKind.Omitted;

    /// <summary>True when the value is fully known (nested elements included).</summary>
    public bool IsKnown
    {
        get
        {
            switch (Kind)
            {
                case ArgumentValueKind.Unknown:
                case ArgumentValueKind.Lambda:
                    return false;
                case ArgumentValueKind.Array:
                case ArgumentValueKind.ObjectCreation:
                    foreach (var element in Elements)
                    {
                        if (!element.IsKnown)
                        {
                            return false;
                        }
                    }

                    return true;
                default:
                    return true;
            }
        }
    }

    /// <summary>
    /// True when the argument is passed (or defaulted) as <c>null</c>. An expression that can never
    /// be null whatever its names mean (<c>(int)Status.Active</c>) is answered from its tokens: "is
    /// there a default" (MIG020 on every NOT NULL column) must not bind a statement, least of all one
    /// whose names do not resolve (the compiler's error recovery is the costliest binding there is).
    /// </summary>
    public bool IsNull =>
        (_resolve is null || !SyntaxNeverNull.Holds(Syntax)) &&
        (Kind is ArgumentValueKind.Constant or ArgumentValueKind.Omitted) && Constant is null;

    public string? AsString() =>
        Kind is ArgumentValueKind.Constant or ArgumentValueKind.Omitted ? Constant as string : null;

    public bool? AsBool() =>
        Kind is ArgumentValueKind.Constant or ArgumentValueKind.Omitted && Constant is bool b ? b : null;

    public int? AsInt()
    {
        if (Kind is not (ArgumentValueKind.Constant or ArgumentValueKind.Omitted))
        {
            return null;
        }

        return Constant switch
        {
            int i => i,
            short s => s,
            byte b => b,
            long l when l is >= int.MinValue and <= int.MaxValue => (int)l,
            _ => null,
        };
    }

    /// <summary>
    /// Strings of a <c>string[]</c> argument, or the single string of a scalar one;
    /// default when any element is not a constant string.
    /// </summary>
    public ImmutableArray<string> AsStrings()
    {
        if (Kind == ArgumentValueKind.Array)
        {
            var builder = ImmutableArray.CreateBuilder<string>(Elements.Length);
            foreach (var element in Elements)
            {
                if (element.AsString() is not { } s)
                {
                    return default;
                }

                builder.Add(s);
            }

            return builder.MoveToImmutable();
        }

        return AsString() is { } single ? ImmutableArray.Create(single) : default;
    }

    public override string ToString() => Kind switch
    {
        ArgumentValueKind.Constant or ArgumentValueKind.Omitted => Constant?.ToString() ?? "null",
        _ => Syntax?.ToString() ?? Kind.ToString(),
    };

    public static bool ConstantEquals(ArgumentValue a, ArgumentValue b)
    {
        if (!a.IsKnown || !b.IsKnown)
        {
            return false;
        }

        if (a.Kind is ArgumentValueKind.Constant or ArgumentValueKind.Omitted &&
            b.Kind is ArgumentValueKind.Constant or ArgumentValueKind.Omitted)
        {
            return Equals(a.Constant, b.Constant);
        }

        // Structured values (new DateTime(...), arrays) compare by their normalised source text.
        return a.Kind == b.Kind && string.Equals(
            a.Syntax?.ToString().Replace(" ", string.Empty),
            b.Syntax?.ToString().Replace(" ", string.Empty),
            StringComparison.Ordinal);
    }
}
