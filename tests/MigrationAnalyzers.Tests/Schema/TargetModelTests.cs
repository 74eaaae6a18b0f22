using System.Linq;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using MigrationAnalyzers.Schema;

namespace MigrationAnalyzers.Tests.Schema;

public class TargetModelTests
{
    private const string Designer = """
        partial class Snapshot
        {
            protected override void BuildModel(ModelBuilder modelBuilder)
            {
                modelBuilder.Entity("Shop.Order", b =>
                    {
                        b.Property<int>("Id")
                            .HasColumnType("integer")
                            .HasColumnName("id");

                        b.Property<int>("CustomerId")
                            .HasColumnName("customer_id");

                        b.Property<string>("Title");

                        b.HasKey("Id")
                            .HasName("pk_orders");

                        b.HasIndex("CustomerId", "Title")
                            .IsUnique()
                            .HasDatabaseName("ix_orders_customer_id_title");

                        b.HasIndex("Title")
                            .HasFilter("\"Title\" IS NOT NULL");

                        NpgsqlIndexBuilderExtensions.HasMethod(b.HasIndex("Id"), "hash");

                        b.ToTable("orders", "shop");
                    });

                modelBuilder.Entity("Shop.RushOrder", b =>
                    {
                        b.HasBaseType("Shop.Order");

                        b.Property<int>("Priority");

                        b.HasIndex("Priority");
                    });

                modelBuilder.Entity("Shop.Draft", b =>
                    {
                        b.HasIndex("Name");
                    });
            }
        }
        """;

    [Fact]
    public void EfDesignerShapes_ReadAsTablesWithColumnNames()
    {
        var method = CSharpSyntaxTree.ParseText(Designer).GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>().Single();
        var model = TargetModel.Read(method);

        var orders = model.Find("shop", "orders");
        Assert.NotNull(orders);
        Assert.Null(model.Find(null, "orders"));
        Assert.Single(model.Tables); // Draft has no table: skipped, not guessed

        var key = Assert.Single(orders!.Indexes, i => i.IsKey);
        Assert.Equal(new[] { "id" }, key.Columns);
        Assert.Equal("pk_orders", key.Name);

        var unique = Assert.Single(orders.Indexes, i => i.Name == "ix_orders_customer_id_title");
        Assert.Equal(new[] { "customer_id", "Title" }, unique.Columns);
        Assert.True(unique.IsUnique);
        Assert.False(unique.IsSpecial);

        Assert.True(Assert.Single(orders.Indexes, i => i.Columns.SequenceEqual(new[] { "Title" })).IsSpecial);
        Assert.True(Assert.Single(orders.Indexes, i => !i.IsKey && i.Columns.SequenceEqual(new[] { "id" })).IsSpecial);
        Assert.Contains(orders.Indexes, i => i.Columns.SequenceEqual(new[] { "Priority" })); // TPH: the base type's table
    }

    [Fact]
    public void TablePerTypeSubtype_HasTheBaseKeyAsItsPrimaryKey()
    {
        const string designer = """
            partial class Snapshot
            {
                protected override void BuildModel(ModelBuilder modelBuilder)
                {
                    modelBuilder.Entity("Shop.Order", b =>
                        {
                            b.Property<int>("Id").HasColumnName("order_id");
                            b.HasKey("Id");
                            b.ToTable("Orders");
                        });

                    modelBuilder.Entity("Shop.OnlineOrder", b =>
                        {
                            b.HasBaseType("Shop.Order");
                            b.Property<int>("ShopId");
                            b.HasIndex("ShopId");
                            b.ToTable("OnlineOrders");
                        });

                    modelBuilder.Entity("Shop.RushOrder", b =>
                        {
                            b.HasBaseType("Shop.Order");
                            b.Property<int>("Priority");
                        });
                }
            }
            """;
        var method = CSharpSyntaxTree.ParseText(designer).GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>().Single();
        var model = TargetModel.Read(method);

        var online = model.Find(null, "OnlineOrders")!;
        Assert.Equal(new[] { "order_id" }, Assert.Single(online.Indexes, i => i.IsKey).Columns);
        Assert.Contains(online.Indexes, i => !i.IsKey && i.Columns.SequenceEqual(new[] { "ShopId" }));

        // Table-per-hierarchy: the derived type shares the base table and its one key.
        Assert.Single(model.Find(null, "Orders")!.Indexes, i => i.IsKey);
    }

    [Fact]
    public void Columns_ReadWithTheSemanticModel()
    {
        const string source = """
            using Microsoft.EntityFrameworkCore;

            partial class Snapshot
            {
                protected void BuildModel(ModelBuilder modelBuilder)
                {
                    modelBuilder.Entity("Blog.Post", b =>
                        {
                            b.Property<int>("Id");
                            b.Property<string>("Title").IsRequired().HasMaxLength(200).HasColumnType("varchar(200)").HasColumnName("title");
                            b.Property<int?>("Rank");
                            b.ToTable("Posts");
                        });
                }
            }
            """;
        var tree = CSharpSyntaxTree.ParseText(source);
        var compilation = Microsoft.CodeAnalysis.CSharp.CSharpCompilation.Create(
            "TargetModelTests", new[] { tree }, MigrationAnalyzers.Tests.Verifiers.EfReferences.For(MigrationAnalyzers.Tests.Verifiers.EfVersion.Ef10, MigrationAnalyzers.Tests.Verifiers.DbProvider.None),
            new Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions(Microsoft.CodeAnalysis.OutputKind.DynamicallyLinkedLibrary));
        var method = tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>().Single();

        var columns = TargetModel.Read(method).Find(null, "Posts")!.Columns(compilation);

        Assert.Equal(new[] { "Id", "title", "Rank" }, columns.Select(c => c.Name));
        Assert.Equal("varchar(200)", columns[1].StoreType);
        Assert.Equal(200, columns[1].MaxLength.AsInt());
        Assert.False(columns[1].IsNullable);
        Assert.True(columns[2].IsNullable);
        Assert.False(columns[0].IsNullable);
    }

    [Theory]
    [InlineData("", true)]
    [InlineData("b.Navigation(\"Shipping\").IsRequired();", false)]
    public void OwnedTypeSharingTheTable_AddsNavigationPrefixedColumns(string required, bool nullable)
    {
        var source = """
            using Microsoft.EntityFrameworkCore;

            partial class Snapshot
            {
                protected void BuildModel(ModelBuilder modelBuilder)
                {
                    modelBuilder.Entity("Shop.Order", b =>
                        {
                            b.Property<int>("Id");
                            b.HasKey("Id");
                            b.ToTable("Orders");
                        });

                    modelBuilder.Entity("Shop.Order", b =>
                        {
                            b.OwnsOne("Shop.Address", "Shipping", b1 =>
                                {
                                    b1.Property<int>("OrderId");
                                    b1.Property<string>("City").IsRequired().HasMaxLength(80);
                                    b1.HasKey("OrderId");
                                    b1.ToTable("Orders");
                                    b1.WithOwner().HasForeignKey("OrderId");
                                });

                            b.OwnsOne("Shop.Address", "Billing", b1 =>
                                {
                                    b1.Property<int>("OrderId");
                                    b1.Property<string>("City").IsRequired();
                                    b1.HasKey("OrderId");
                                    b1.ToTable("BillingAddresses");
                                });

                            REQUIRED
                        });
                }
            }
            """.Replace("REQUIRED", required);
        var tree = CSharpSyntaxTree.ParseText(source);
        var compilation = Microsoft.CodeAnalysis.CSharp.CSharpCompilation.Create(
            "TargetModelTests", new[] { tree }, MigrationAnalyzers.Tests.Verifiers.EfReferences.For(MigrationAnalyzers.Tests.Verifiers.EfVersion.Ef10, MigrationAnalyzers.Tests.Verifiers.DbProvider.None),
            new Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions(Microsoft.CodeAnalysis.OutputKind.DynamicallyLinkedLibrary));
        var method = tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>().Single();

        var columns = TargetModel.Read(method).Find(null, "Orders")!.Columns(compilation);

        // The owned key (the owner's Id) is not a column of its own; Billing has a table of its own.
        Assert.Equal(new[] { "Id", "Shipping_City" }, columns.Select(c => c.Name));
        Assert.Equal(nullable, columns[1].IsNullable);
        Assert.Equal(80, columns[1].MaxLength.AsInt());
        Assert.Null(TargetModel.Read(method).Find(null, "BillingAddresses"));
    }
}
