using Microsoft.EntityFrameworkCore;

namespace MigrationAnalyzers.Verification.Tests.Scenarios.Model;

/// <summary>Base of the scenario contexts: maps the blog model with the parts of <see cref="Shape"/>.</summary>
public abstract class BlogContext : DbContext
{
    protected BlogContext(DbContextOptions options)
        : base(options)
    {
    }

    /// <summary>Constant per context type: EF caches one model per context type.</summary>
    protected abstract BlogShape Shape { get; }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Blog>(b =>
        {
            b.ToTable("Blogs");
            b.Property(x => x.Name).HasMaxLength(100);
            if (Shape.HasFlag(BlogShape.NoBlogName))
            {
                b.Ignore(x => x.Name);
            }
        });
        modelBuilder.Entity<Post>(b =>
        {
            b.ToTable("Posts");
            b.Property(x => x.Title).HasMaxLength(200);
            if (!Shape.HasFlag(BlogShape.Summary))
            {
                b.Ignore(x => x.Summary);
            }

            if (!Shape.HasFlag(BlogShape.Rating))
            {
                b.Ignore(x => x.Rating);
            }

            if (Shape.HasFlag(BlogShape.TitleIndex))
            {
                b.HasIndex(x => x.Title).IsUnique();
            }
        });
        if (Shape.HasFlag(BlogShape.Tags))
        {
            modelBuilder.Entity<Tag>(b =>
            {
                b.ToTable("Tags");
                b.Property(x => x.Label).HasMaxLength(50);
            });
        }
    }
}
