using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using MigrationAnalyzers.Model;

namespace MigrationAnalyzers.Tests.Model;

/// <summary>The allocation-free namespace checks that replace ToDisplayString on the model's hot path.</summary>
public class SymbolNamesTests
{
    private static readonly Compilation Compilation = CSharpCompilation.Create(
        "Names",
        new[]
        {
            CSharpSyntaxTree.ParseText("""
                namespace Microsoft.EntityFrameworkCore.Migrations.Operations.Builders { public class A { } }
                namespace Microsoft.EntityFrameworkCoreX.Migrations { public class B { } }
                namespace Other.Microsoft.EntityFrameworkCore { public class C { } }
                public class D { }
                """),
        });

    [Theory]
    [InlineData("Microsoft.EntityFrameworkCore.Migrations.Operations.Builders.A", "Microsoft.EntityFrameworkCore.Migrations.Operations.Builders", true)]
    [InlineData("Microsoft.EntityFrameworkCore.Migrations.Operations.Builders.A", "Operations.Builders", false)]
    [InlineData("Microsoft.EntityFrameworkCore.Migrations.Operations.Builders.A", "Microsoft.EntityFrameworkCore.Migrations", false)]
    [InlineData("Other.Microsoft.EntityFrameworkCore.C", "Microsoft.EntityFrameworkCore", false)]
    [InlineData("D", "", true)]
    public void IsNamespace_ComparesEverySegment(string type, string ns, bool expected) =>
        Assert.Equal(expected, SymbolNames.IsNamespace(Compilation.GetTypeByMetadataName(type)!.ContainingNamespace, ns));

    [Theory]
    [InlineData("Microsoft.EntityFrameworkCore.Migrations.Operations.Builders.A", true)]
    [InlineData("Microsoft.EntityFrameworkCoreX.Migrations.B", false)]
    [InlineData("Other.Microsoft.EntityFrameworkCore.C", false)]
    [InlineData("D", false)]
    public void IsWithinNamespace_MatchesTheNamespaceAndItsChildren(string type, bool expected) =>
        Assert.Equal(expected, SymbolNames.IsWithinNamespace(Compilation.GetTypeByMetadataName(type)!.ContainingNamespace, "Microsoft.EntityFrameworkCore"));

    [Fact]
    public void FullName_IsNamespaceDotName()
    {
        Assert.Equal("Microsoft.EntityFrameworkCore.Migrations.Operations.Builders.A", SymbolNames.FullName(Compilation.GetTypeByMetadataName("Microsoft.EntityFrameworkCore.Migrations.Operations.Builders.A")));
        Assert.Equal("D", SymbolNames.FullName(Compilation.GetTypeByMetadataName("D")));
    }
}
