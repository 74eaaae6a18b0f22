using System.Collections.Immutable;

namespace MigrationAnalyzers.CodeFixes.Generation;

/// <summary>How one argument of a generated call is written.</summary>
internal enum InverseArgumentKind
{
    /// <summary>A constant (string, bool, number, null) the code fix renders as a C# literal.</summary>
    Literal,

    /// <summary>Column names, rendered <c>new[] { "a", "b" }</c> as EF writes them.</summary>
    Strings,

    /// <summary>C# source copied from an operation that declared the value (e.g. <c>ReferentialAction.Cascade</c>).</summary>
    Code,
}

/// <summary>One named argument of an <see cref="InverseCall"/>.</summary>
internal sealed class InverseArgument
{
    private InverseArgument(string name, InverseArgumentKind kind, object? constant, ImmutableArray<string> strings, string? code)
    {
        Name = name;
        Kind = kind;
        Constant = constant;
        Strings = strings;
        Code = code;
    }

    public string Name { get; }

    public InverseArgumentKind Kind { get; }

    public object? Constant { get; }

    public ImmutableArray<string> Strings { get; }

    public string? Code { get; }

    public static InverseArgument Literal(string name, object? value) => new(name, InverseArgumentKind.Literal, value, default, null);

    public static InverseArgument Names(string name, ImmutableArray<string> values) => new(name, InverseArgumentKind.Strings, null, values, null);

    public static InverseArgument Source(string name, string code) => new(name, InverseArgumentKind.Code, null, default, code);

    public override string ToString() => Name + ": " + (Kind switch
    {
        InverseArgumentKind.Strings => "[" + string.Join(", ", Strings) + "]",
        InverseArgumentKind.Code => Code,
        _ => Constant?.ToString() ?? "null",
    });
}

/// <summary>An annotation of a generated call: <c>.Annotation(name, value)</c> or <c>.OldAnnotation(…)</c>.</summary>
internal sealed class InverseAnnotation
{
    public InverseAnnotation(bool isOld, string name, InverseArgument value)
    {
        IsOld = isOld;
        Name = name;
        Value = value;
    }

    public bool IsOld { get; }

    public string Name { get; }

    public InverseArgument Value { get; }
}

/// <summary>
/// A <c>migrationBuilder.X(…)</c> call that undoes one Up operation, fully known: every argument is
/// a constant or source copied from an operation that declared it. Built by <see cref="Inverses.Build"/>;
/// the code fixes render it in EF's scaffolding style. Holds no syntax, so the analyzer can tell
/// whether a fix is possible without the workspace layer.
/// </summary>
internal sealed class InverseCall
{
    public InverseCall(
        string method,
        string? typeArgument,
        ImmutableArray<InverseArgument> arguments,
        ImmutableArray<InverseAnnotation> annotations,
        ImmutableArray<InverseColumn> columns = default,
        ImmutableArray<InverseCall> constraints = default,
        ImmutableArray<InverseCall> followUps = default)
    {
        Method = method;
        TypeArgument = typeArgument;
        Arguments = arguments;
        Annotations = annotations.IsDefault ? ImmutableArray<InverseAnnotation>.Empty : annotations;
        Columns = columns.IsDefault ? ImmutableArray<InverseColumn>.Empty : columns;
        Constraints = constraints.IsDefault ? ImmutableArray<InverseCall>.Empty : constraints;
        FollowUps = followUps.IsDefault ? ImmutableArray<InverseCall>.Empty : followUps;
    }

    /// <summary>CreateTable only: the <c>columns</c> lambda, one <c>table.Column&lt;T&gt;(…)</c> per column.</summary>
    public ImmutableArray<InverseColumn> Columns { get; }

    /// <summary>CreateTable only: <c>table.PrimaryKey/UniqueConstraint/ForeignKey(…)</c> of the <c>constraints</c> lambda (column arguments as names).</summary>
    public ImmutableArray<InverseCall> Constraints { get; }

    /// <summary>Calls that belong to this inverse and follow it (a re-created table's CreateIndex calls).</summary>
    public ImmutableArray<InverseCall> FollowUps { get; }

    public string Method { get; }

    /// <summary>The generic argument as C# source (<c>AddColumn&lt;int&gt;</c>), or null.</summary>
    public string? TypeArgument { get; }

    public ImmutableArray<InverseArgument> Arguments { get; }

    public ImmutableArray<InverseAnnotation> Annotations { get; }

    public override string ToString() => Method + "(" + string.Join(", ", Arguments) + ")";
}

/// <summary>One column of a generated CreateTable: <c>Property = table.Column&lt;T&gt;(arguments)</c>.</summary>
internal sealed class InverseColumn
{
    public InverseColumn(string property, string typeArgument, ImmutableArray<InverseArgument> arguments, ImmutableArray<InverseAnnotation> annotations)
    {
        Property = property;
        TypeArgument = typeArgument;
        Arguments = arguments;
        Annotations = annotations;
    }

    public string Property { get; }

    public string TypeArgument { get; }

    public ImmutableArray<InverseArgument> Arguments { get; }

    public ImmutableArray<InverseAnnotation> Annotations { get; }
}
