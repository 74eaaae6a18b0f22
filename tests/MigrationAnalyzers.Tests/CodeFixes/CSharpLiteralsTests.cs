using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using MigrationAnalyzers.CodeFixes.Generation;

namespace MigrationAnalyzers.Tests.CodeFixes;

/// <summary>
/// What a fix writes for a constant must compile to that constant, of that type: each rendering is
/// compiled as an <c>object</c> initializer (a column default's type) and its folded value compared.
/// </summary>
public class CSharpLiteralsTests
{
    public static TheoryData<object> Values => new()
    {
        1.5, 2.0, 0.0, -0.0, 1E+20, -1E+20, 1E-05, 123456789012345678.0, double.MaxValue, double.MinValue, double.Epsilon,
        0.1 + 0.2, double.NaN, double.PositiveInfinity, double.NegativeInfinity,
        1.5f, 3f, -0f, 1E+20f, float.MaxValue, float.Epsilon, float.NaN, float.PositiveInfinity, float.NegativeInfinity,
        1.5m, -0.0001m, decimal.MaxValue, decimal.MinValue, 0m,
        0, -1, int.MinValue, long.MinValue, 5L, 5u, ulong.MaxValue, (short)-3, (ushort)3, (byte)255, (sbyte)-128,
        true, 'x', '\'', "a \"quoted\"\nline", string.Empty,
    };

    [Theory]
    [MemberData(nameof(Values))]
    public void Rendering_CompilesToTheSameValueOfTheSameType(object value)
    {
        var source = CSharpLiterals.Render(value);
        var tree = CSharpSyntaxTree.ParseText($"class C {{ object Value = {source}; }}");
        var compilation = CSharpCompilation.Create(
            "Literals", new[] { tree }, new[] { MetadataReference.CreateFromFile(typeof(object).Assembly.Location) },
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));

        var initializer = tree.GetRoot().DescendantNodes().OfType<EqualsValueClauseSyntax>().Single().Value;
        var constant = compilation.GetSemanticModel(tree).GetConstantValue(initializer);

        Assert.True(constant.HasValue, source);
        Assert.Equal(value.GetType(), constant.Value!.GetType());
        Assert.Equal(value, constant.Value);
        if (value is double d && d == 0)
        {
            // -0.0 stays negative zero (a different bit pattern, equal by ==).
            Assert.Equal(System.BitConverter.DoubleToInt64Bits(d), System.BitConverter.DoubleToInt64Bits((double)constant.Value));
        }
    }

    [Theory]
    [InlineData(1E+20, "1E+20")]
    [InlineData(2.0, "2.0")]
    [InlineData(double.NaN, "double.NaN")]
    [InlineData(double.NegativeInfinity, "double.NegativeInfinity")]
    [InlineData(1.5f, "1.5f")]
    public void Rendering_IsWhatEfScaffoldingWrites(object value, string expected) =>
        Assert.Equal(expected, CSharpLiterals.Render(value));
}
