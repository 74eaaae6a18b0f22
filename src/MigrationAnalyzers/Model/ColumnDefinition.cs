using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace MigrationAnalyzers.Model;

/// <summary>
/// A column as an operation declares it: an <c>AddColumn&lt;T&gt;</c>, one side (new or <c>old…</c>)
/// of an <c>AlterColumn&lt;T&gt;</c>, or a <c>table.Column&lt;T&gt;(…)</c> of <c>CreateTable</c>.
/// Values that were not passed carry EF's parameter defaults (e.g. <c>nullable: false</c>).
/// </summary>
internal sealed class ColumnDefinition
{
    private readonly ImmutableDictionary<string, ArgumentValue> _arguments;
    private readonly string _prefix;

    public ColumnDefinition(
        string? name,
        ITypeSymbol? clrType,
        ImmutableDictionary<string, ArgumentValue> arguments,
        ImmutableArray<Annotation> annotations,
        SyntaxNode syntax,
        string? propertyName = null,
        string prefix = "")
    {
        Name = name;
        ClrType = clrType;
        _arguments = arguments;
        _prefix = prefix;
        Annotations = annotations;
        Syntax = syntax;
        PropertyName = propertyName;
    }

    /// <summary>Column name; null when not a constant.</summary>
    public string? Name { get; }

    /// <summary>The anonymous-type member name of a CreateTable column (the name constraints select).</summary>
    public string? PropertyName { get; }

    /// <summary>CLR type (the generic argument, or <c>oldClrType</c>'s typeof operand); null when unknown.</summary>
    public ITypeSymbol? ClrType { get; }

    public ImmutableArray<Annotation> Annotations { get; }

    /// <summary>The <c>table.Column&lt;T&gt;(…)</c> or <c>migrationBuilder.X(…)</c> invocation.</summary>
    public SyntaxNode Syntax { get; }

    public ArgumentValue this[string parameter] =>
        _arguments.TryGetValue(Key(parameter), out var value) ? value : ArgumentValue.Missing;

    public string? StoreType => this["type"].AsString();

    /// <summary>Null when passed as a non-constant.</summary>
    public bool? IsNullable => this["nullable"].IsOmitted ? false : this["nullable"].AsBool();

    public ArgumentValue MaxLength => this["maxLength"];

    public ArgumentValue Precision => this["precision"];

    public ArgumentValue Scale => this["scale"];

    public ArgumentValue Unicode => this["unicode"];

    public ArgumentValue FixedLength => this["fixedLength"];

    public ArgumentValue DefaultValue => this["defaultValue"];

    public ArgumentValue DefaultValueSql => this["defaultValueSql"];

    public ArgumentValue ComputedColumnSql => this["computedColumnSql"];

    public bool IsRowVersion => this["rowVersion"].AsBool() == true;

    /// <summary>True when the column gets a value for existing rows from a default or a computation.</summary>
    public bool HasDefaultOrComputed =>
        !DefaultValue.IsNull || !DefaultValueSql.IsNull || !ComputedColumnSql.IsNull;

    public bool HasUnknownArguments
    {
        get
        {
            foreach (var pair in _arguments)
            {
                if (pair.Key.StartsWith(_prefix, System.StringComparison.Ordinal) && !pair.Value.IsKnown)
                {
                    return true;
                }
            }

            return false;
        }
    }

    // AlterColumn's old side reads "oldNullable", "oldMaxLength"…: same names behind a prefix.
    private string Key(string parameter) =>
        _prefix.Length == 0 ? parameter : _prefix + char.ToUpperInvariant(parameter[0]) + parameter.Substring(1);
}
