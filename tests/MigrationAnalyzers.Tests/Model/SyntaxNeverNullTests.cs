using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using MigrationAnalyzers.Model;

namespace MigrationAnalyzers.Tests.Model;

/// <summary>
/// "Is this argument null" is answered from the tokens when they settle it, so MIG020's question on
/// every NOT NULL column binds nothing; the answer must be the one binding would give.
/// </summary>
public class SyntaxNeverNullTests
{
    [Theory]
    [InlineData("(int)OrderStatus.Active")]
    [InlineData("((long)Missing.Value)")]
    [InlineData("default(bool)")]
    [InlineData("new DateTime(2020, 1, 1)")]
    [InlineData("$\"{Prefix}x\"")]
    [InlineData("\"a\" + Missing.Suffix")]
    public void NeverNull_WhateverTheNamesMean(string expression) =>
        Assert.True(SyntaxNeverNull.Holds(SyntaxFactory.ParseExpression(expression)));

    [Theory]
    [InlineData("OrderStatus.Active")]
    [InlineData("(string)Missing.Value")]
    [InlineData("(object)Missing.Value")]
    [InlineData("(int?)Missing.Value")]
    [InlineData("new int?()")]
    [InlineData("new Nullable<int>()")]
    [InlineData("new()")]
    [InlineData("default(string)")]
    [InlineData("Missing.A + Missing.B")]
    [InlineData("null")]
    public void MaybeNull_IsLeftToBinding(string expression) =>
        Assert.False(SyntaxNeverNull.Holds(SyntaxFactory.ParseExpression(expression)));

    [Fact]
    public void ADeferredValueThatCannotBeNull_IsNotBoundToSaySo()
    {
        var resolved = 0;
        var value = ArgumentValue.Deferred(SyntaxFactory.ParseExpression("(int)OrderStatus.Active"), () =>
        {
            resolved++;
            return new ArgumentValue(ArgumentValueKind.Unknown, null, null);
        });

        Assert.False(value.IsNull);
        Assert.Equal(0, resolved);

        var maybe = ArgumentValue.Deferred(SyntaxFactory.ParseExpression("OrderStatus.Active"), () =>
        {
            resolved++;
            return new ArgumentValue(ArgumentValueKind.Constant, null, null);
        });
        Assert.True(maybe.IsNull);
        Assert.Equal(1, resolved);
    }

    [Theory]
    [InlineData("(int)Status.Active")]
    [InlineData("default(bool)")]
    [InlineData("new System.DateTime(2020, 1, 1)")]
    [InlineData("$\"{Prefix}x\"")]
    [InlineData("\"a\" + Prefix")]
    public void WhereNamesResolve_TheCompilerAgreesTheValueIsNotNull(string expression)
    {
        var source = "enum Status { Active = 1 } static class C { const string Prefix = null; static object M() => " + expression + "; }";
        var compilation = CSharpCompilation.Create("N", new[] { CSharpSyntaxTree.ParseText(source) },
            new[] { MetadataReference.CreateFromFile(typeof(object).Assembly.Location) },
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        var tree = compilation.SyntaxTrees[0];
        var body = tree.GetRoot().DescendantNodes().OfType<ArrowExpressionClauseSyntax>().Single().Expression;
        var constant = compilation.GetSemanticModel(tree).GetConstantValue(body);

        Assert.True(SyntaxNeverNull.Holds(body));
        Assert.False(constant.HasValue && constant.Value is null, expression + " is the constant null");
    }
}
