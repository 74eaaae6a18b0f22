using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using MigrationAnalyzers.Model;

namespace MigrationAnalyzers.Tests.Model;

/// <summary>
/// A value with a name that resolves nowhere is "unknown" without binding its statement; the
/// answer must be the one the bound reading gives (kind and syntax), and binding must still decide
/// whenever the name may mean something inside the method or the shape keeps its elements.
/// </summary>
public class UnresolvedNamesTests
{
    private const string Source = """
        using System;

        enum Known { A = 1 }

        class Migration1
        {
            static int Field = 3;

            void Up(object builder)
            {
                var local = 2;
                Take(VALUE);
            }

            static void Take(object value) { }

            class Foo { public Foo(object o) { } }
        }
        """;

    [Theory]
    [InlineData("(int)OrderStatus.Active")]
    [InlineData("OrderStatus.Active")]
    [InlineData("(long)(Missing.Value)")]
    [InlineData("Missing.Value + 1")]
    [InlineData("Missing.Parse(\"x\")")]
    [InlineData("-Missing")]
    [InlineData("(int)Known.A + Missing.B")]
    [InlineData("local > 1 ? Missing.A : 0")]
    public void AnUnresolvedName_SettlesWhatBindingSays(string expression)
    {
        var (model, argument) = Compile(expression);
        var settled = new UnresolvedNames(model, CancellationToken.None).Settles(argument);
        var bound = ArgumentReader.ReadValue(model.GetOperation(argument)!, model, CancellationToken.None);

        Assert.NotNull(settled);
        Assert.Equal(ArgumentValueKind.Unknown, bound.Kind);
        Assert.Same(bound.Syntax, settled);
    }

    [Theory]
    [InlineData("(int)Known.A")]
    [InlineData("Field")]
    [InlineData("local + 1")]
    [InlineData("(int)builder")]
    [InlineData("new Foo(Missing.Value)")]
    [InlineData("new[] { Missing.Value }")]
    [InlineData("typeof(Missing)")]
    [InlineData("nameof(Known)")]
    [InlineData("DateTime.MinValue")]
    [InlineData("\"a\" as Missing")]
    [InlineData("default(Missing)")]
    [InlineData("(Missing)5")]
    [InlineData("Take<Missing>(1)")]
    public void AResolvedOrDeclaredName_OrAShapeWithElements_IsLeftToBinding(string expression)
    {
        var (model, argument) = Compile(expression);
        Assert.Null(new UnresolvedNames(model, CancellationToken.None).Settles(argument));
    }

    [Fact]
    public void ANameDeclaredInTheMethod_IsLeftToBinding_EvenWhereTheMethodStartDoesNotSeeIt()
    {
        var (model, argument) = Compile("(int)later", "Take(VALUE); var later = 1;");
        Assert.Null(new UnresolvedNames(model, CancellationToken.None).Settles(argument));
    }

    private static (SemanticModel Model, ExpressionSyntax Argument) Compile(string expression, string? body = null)
    {
        var source = Source.Replace("VALUE", expression, System.StringComparison.Ordinal);
        if (body is not null)
        {
            source = source.Replace("Take(" + expression + ");", body.Replace("VALUE", expression, System.StringComparison.Ordinal), System.StringComparison.Ordinal);
        }

        var tree = CSharpSyntaxTree.ParseText(source);
        var compilation = CSharpCompilation.Create("U", new[] { tree },
            new[] { MetadataReference.CreateFromFile(typeof(object).Assembly.Location) },
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var argument = tree.GetRoot().DescendantNodes().OfType<InvocationExpressionSyntax>()
            .First(i => i.Expression.ToString() == "Take").ArgumentList.Arguments[0].Expression;
        return (compilation.GetSemanticModel(tree), argument);
    }
}
