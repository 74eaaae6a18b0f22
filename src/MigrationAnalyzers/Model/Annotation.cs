namespace MigrationAnalyzers.Model;

/// <summary>An <c>.Annotation("name", value)</c> or <c>.OldAnnotation(…)</c> of an operation or a column.</summary>
internal sealed class Annotation
{
    public Annotation(string? name, ArgumentValue value, bool isOld)
    {
        Name = name;
        Value = value;
        IsOld = isOld;
    }

    /// <summary>Null when the name is not a constant.</summary>
    public string? Name { get; }

    public ArgumentValue Value { get; }

    public bool IsOld { get; }
}
