using System.Collections.Immutable;
using MigrationAnalyzers.Model;

namespace MigrationAnalyzers.CodeFixes.Generation;

/// <summary>The arguments of a generated inverse call: literals, values copied from an operation, annotations.</summary>
internal static class InverseArguments
{
    public static string Old(string parameter) => "old" + char.ToUpperInvariant(parameter[0]) + parameter.Substring(1);

    public static InverseArgument? Str(string name, string? value) => value is null ? null : InverseArgument.Literal(name, value);

    public static InverseArgument? SchemaArgument(string? schema, string name = "schema") => schema is null ? null : InverseArgument.Literal(name, schema);

    /// <summary>The value of <paramref name="from"/> written as parameter <paramref name="to"/>, when passed.</summary>
    public static InverseArgument? Swap(MigrationOperation operation, string from, string to)
    {
        var value = operation[from];
        return value.IsOmitted || value.IsNull ? null : FromValue(to, value);
    }

    public static InverseArgument? Passed(MigrationOperation operation, string parameter) => Swap(operation, parameter, parameter);

    public static InverseArgument FromValue(string name, ArgumentValue value)
    {
        if (value.Kind is ArgumentValueKind.Constant or ArgumentValueKind.Omitted &&
            value.Constant is null or string or bool)
        {
            return InverseArgument.Literal(name, value.Constant);
        }

        if (value.Kind == ArgumentValueKind.Array && value.AsStrings() is { IsDefault: false } strings && value.Syntax is null)
        {
            return InverseArgument.Names(name, strings);
        }

        return value.Syntax is { } syntax ? InverseArgument.Source(name, syntax.ToString()) : InverseArgument.Literal(name, value.Constant);
    }

    public static InverseArgument Renamed(InverseArgument argument, string name) => argument.Kind switch
    {
        InverseArgumentKind.Strings => InverseArgument.Names(name, argument.Strings),
        InverseArgumentKind.Code => InverseArgument.Source(name, argument.Code!),
        _ => InverseArgument.Literal(name, argument.Constant),
    };

    public static ImmutableArray<InverseAnnotation> Annotations(ImmutableArray<Annotation> annotations, bool old)
    {
        var result = ImmutableArray.CreateBuilder<InverseAnnotation>();
        foreach (var annotation in annotations)
        {
            if (annotation.Name is { } name)
            {
                result.Add(new InverseAnnotation(old, name, FromValue("value", annotation.Value)));
            }
        }

        return result.ToImmutable();
    }

    public static ImmutableArray<InverseAnnotation> SwappedAnnotations(ImmutableArray<Annotation> annotations)
    {
        var result = ImmutableArray.CreateBuilder<InverseAnnotation>();
        foreach (var annotation in annotations)
        {
            if (annotation.Name is { } name)
            {
                result.Add(new InverseAnnotation(!annotation.IsOld, name, FromValue("value", annotation.Value)));
            }
        }

        return result.ToImmutable();
    }

    public static InverseCall Call(string method, string? typeArgument, params InverseArgument?[] arguments) =>
        new(method, typeArgument, Arguments(arguments), ImmutableArray<InverseAnnotation>.Empty);

    public static ImmutableArray<InverseArgument> Arguments(params InverseArgument?[] arguments)
    {
        var result = ImmutableArray.CreateBuilder<InverseArgument>(arguments.Length);
        foreach (var argument in arguments)
        {
            if (argument is not null)
            {
                result.Add(argument);
            }
        }

        return result.ToImmutable();
    }
}
