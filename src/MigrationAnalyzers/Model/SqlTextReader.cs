using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace MigrationAnalyzers.Model;

/// <summary>
/// Reads the text of a <c>Sql(…)</c> argument: literals, verbatim, raw and interpolated strings,
/// constants and concatenations. Non-constant pieces become <c>{0}</c>, <c>{1}</c>… holes in the
/// template; the exact text is known only when there is no hole.
/// </summary>
internal static class SqlTextReader
{
    public static (string? Text, string? Template) Read(IOperation? operation)
    {
        if (operation is null)
        {
            return (null, null);
        }

        var builder = new StringBuilder();
        var holes = 0;
        if (!Append(operation, builder, ref holes))
        {
            return (null, null);
        }

        var template = builder.ToString();
        return (holes == 0 ? template : null, template);
    }

    private static void AppendOrHole(IOperation operand, StringBuilder builder, ref int holes)
    {
        var piece = new StringBuilder();
        var pieceHoles = holes;
        if (Append(operand, piece, ref pieceHoles))
        {
            builder.Append(piece);
            holes = pieceHoles;
        }
        else
        {
            builder.Append('{').Append(holes++).Append('}');
        }
    }

    private static bool Append(IOperation operation, StringBuilder builder, ref int holes)
    {
        while (!operation.ConstantValue.HasValue && operation is IConversionOperation conversion)
        {
            operation = conversion.Operand;
        }

        if (operation.ConstantValue.HasValue)
        {
            if (operation.ConstantValue.Value is not string text)
            {
                return false;
            }

            builder.Append(text);
            return true;
        }

        switch (operation)
        {
            case IInterpolatedStringOperation interpolated:
                foreach (var part in interpolated.Parts)
                {
                    switch (part)
                    {
                        case IInterpolatedStringTextOperation text:
                            builder.Append(text.Text.ConstantValue.Value as string);
                            break;
                        case IInterpolationOperation { Expression.ConstantValue: { HasValue: true } constant }:
                            builder.Append(constant.Value);
                            break;
                        default:
                            builder.Append('{').Append(holes++).Append('}');
                            break;
                    }
                }

                return true;
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } concatenation
                when concatenation.Type?.SpecialType == SpecialType.System_String:
                // Like an interpolation: a non-constant operand is a hole, the constant text around it stays readable.
                AppendOrHole(concatenation.LeftOperand, builder, ref holes);
                AppendOrHole(concatenation.RightOperand, builder, ref holes);
                return true;
            default:
                // A method call, a field, a resource: the statement shape is unknown.
                return false;
        }
    }
}
