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
}
