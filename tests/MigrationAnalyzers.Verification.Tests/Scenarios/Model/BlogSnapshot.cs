using Microsoft.EntityFrameworkCore;

namespace MigrationAnalyzers.Verification.Tests.Scenarios.Model;

/// <summary>
/// The model snapshot code EF would generate for a <see cref="BlogShape"/>, written once: used by
/// each scenario's ModelSnapshot and by each migration's BuildTargetModel (SQLite needs the target
/// model to rebuild tables). Carries both providers' annotations, as a multi-provider snapshot does.
/// </summary>
public static class BlogSnapshot
{
    public static void Build(ModelBuilder modelBuilder, BlogShape shape)
    {
        GeneratedKeys.ModelAnnotations(modelBuilder);

        modelBuilder.Entity(typeof(Blog).FullName!, b =>
        {
            GeneratedKeys.Property(b);
            if (!shape.HasFlag(BlogShape.NoBlogName))
            {
                b.Property<string>("Name").IsRequired().HasMaxLength(100);
            }

            b.HasKey("Id");
            b.ToTable("Blogs");
        });

        modelBuilder.Entity(typeof(Post).FullName!, b =>
        {
            GeneratedKeys.Property(b);
            b.Property<int>("BlogId");
            b.Property<string>("Title").IsRequired().HasMaxLength(200);
            if (shape.HasFlag(BlogShape.Summary))
            {
                b.Property<string>("Summary");
            }

            if (shape.HasFlag(BlogShape.Rating))
            {
                b.Property<int?>("Rating");
            }

            b.HasKey("Id");
            b.HasIndex("BlogId");
            if (shape.HasFlag(BlogShape.TitleIndex))
            {
                b.HasIndex("Title").IsUnique();
            }

            b.ToTable("Posts");
        });

        if (shape.HasFlag(BlogShape.Tags))
        {
            modelBuilder.Entity(typeof(Tag).FullName!, b =>
            {
                GeneratedKeys.Property(b);
                b.Property<string>("Label").IsRequired().HasMaxLength(50);
                b.HasKey("Id");
                b.ToTable("Tags");
            });
        }

        modelBuilder.Entity(typeof(Post).FullName!, b =>
        {
            b.HasOne(typeof(Blog).FullName!, "Blog")
                .WithMany("Posts")
                .HasForeignKey("BlogId")
                .OnDelete(DeleteBehavior.Cascade)
                .IsRequired();
        });
        modelBuilder.Entity(typeof(Blog).FullName!, b => b.Navigation("Posts"));
    }
}
