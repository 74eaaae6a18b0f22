using System;
using Microsoft.EntityFrameworkCore;

namespace MigrationAnalyzers.Verification.Tests.Scenarios.Catalog;

/// <summary>The snapshot code of the catalog model after each of its migrations.</summary>
public static class CatalogSnapshot
{
    /// <param name="modelBuilder">The snapshot's or target model's builder.</param>
    /// <param name="migrations">
    /// How many catalog migrations the model includes: 2 adds Products.Views, 3 widens Products.Name
    /// to 100, 4 renames Description to Notes, 5 renames the seeded category to "General".
    /// </param>
    public static void Build(ModelBuilder modelBuilder, int migrations)
    {
        var nameLength = migrations >= 3 ? 100 : 50;
        var notesColumn = migrations >= 4 ? "Notes" : "Description";
        var categoryName = migrations >= 5 ? "General" : "Default";
        GeneratedKeys.ModelAnnotations(modelBuilder);
        modelBuilder.Entity(typeof(Category).FullName!, b =>
        {
            b.Property<int>("Id");
            b.Property<string>("Name").IsRequired().HasMaxLength(50);
            b.HasKey("Id");
            b.ToTable("Categories");
            b.HasData(new { Id = 1, Name = categoryName });
        });
        modelBuilder.Entity(typeof(Product).FullName!, b =>
        {
            GeneratedKeys.Property(b);
            b.Property<int>("CategoryId");
            b.Property<DateTime>("CreatedAt");
            b.Property<string>("Currency").IsRequired().ValueGeneratedOnAdd().HasMaxLength(3).HasDefaultValue("EUR");
            b.Property<byte[]>("Image");
            b.Property<bool>("InStock");
            b.Property<string>("Name").IsRequired().HasMaxLength(nameLength);
            b.Property<string>(notesColumn);
            b.Property<decimal>("Price").HasPrecision(10, 2);
            b.Property<Guid>("Sku");
            if (migrations >= 2)
            {
                b.Property<long>("Views");
            }

            b.Property<double>("Weight");
            b.HasKey("Id");
            b.HasIndex("CategoryId");
            b.HasIndex("Sku").IsUnique();
            b.ToTable("Products");
        });
        modelBuilder.Entity(typeof(Product).FullName!, b =>
        {
            b.HasOne(typeof(Category).FullName!, "Category")
                .WithMany("Products")
                .HasForeignKey("CategoryId")
                .OnDelete(DeleteBehavior.Restrict)
                .IsRequired();
        });
        modelBuilder.Entity(typeof(Category).FullName!, b => b.Navigation("Products"));
    }
}
