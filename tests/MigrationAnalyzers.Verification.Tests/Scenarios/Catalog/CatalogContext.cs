using Microsoft.EntityFrameworkCore;

namespace MigrationAnalyzers.Verification.Tests.Scenarios.Catalog;

/// <summary>
/// A correct history that does what real ones do: seed data, a widened column (a table rebuild on
/// SQLite), a renamed column and an edited seed row. It must pass, with sample data, on both databases.
/// </summary>
public sealed class CatalogContext(DbContextOptions<CatalogContext> options) : DbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Category>(b =>
        {
            b.ToTable("Categories");
            b.Property(x => x.Id).ValueGeneratedNever();
            b.Property(x => x.Name).HasMaxLength(50);
            b.HasData(new Category { Id = 1, Name = "General" });
        });
        modelBuilder.Entity<Product>(b =>
        {
            b.ToTable("Products");
            b.Property(x => x.Name).HasMaxLength(100);
            b.Property(x => x.Price).HasPrecision(10, 2);
            b.Property(x => x.Currency).HasMaxLength(3).HasDefaultValue("EUR");
            b.HasIndex(x => x.Sku).IsUnique();
            b.HasOne(x => x.Category).WithMany(x => x.Products).HasForeignKey(x => x.CategoryId).OnDelete(DeleteBehavior.Restrict);
        });
    }
}
