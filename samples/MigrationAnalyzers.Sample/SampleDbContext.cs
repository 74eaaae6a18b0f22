using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Conventions;
using Microsoft.EntityFrameworkCore.Metadata.Conventions.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using MigrationAnalyzers.Sample.Model;

namespace MigrationAnalyzers.Sample;

public class SampleDbContext : DbContext
{
    public const string DefaultConnectionString = "Data Source=sample.db";

    private readonly string? _connectionString;

    // Parameterless path used by `dotnet ef` at design time and by Program.
    public SampleDbContext()
        : this(DefaultConnectionString)
    {
    }

    public SampleDbContext(string connectionString)
    {
        _connectionString = connectionString;
    }

    // Options chosen by the caller (the provider and database), e.g. by MigrationAnalyzers.Verification.
    public SampleDbContext(DbContextOptions<SampleDbContext> options)
        : base(options)
    {
    }

    public DbSet<Author> Authors => Set<Author>();
    public DbSet<Blog> Blogs => Set<Blog>();
    public DbSet<Post> Posts => Set<Post>();
    public DbSet<Tag> Tags => Set<Tag>();
    public DbSet<Follower> Followers => Set<Follower>();
    public DbSet<PageView> PageViews => Set<PageView>();
    public DbSet<Comment> Comments => Set<Comment>();
    public DbSet<Category> Categories => Set<Category>();

    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder)
    {
        if (!optionsBuilder.IsConfigured)
        {
            optionsBuilder.UseSqlite(_connectionString ?? DefaultConnectionString);
        }
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Leaves Post.EditorId without an index (see AddPostEditorForeignKeyWithoutIndex, MIG060).
        configurationBuilder.Conventions.Replace<ForeignKeyIndexConvention>(
            services => new UnindexedForeignKeyConvention(
                services.GetRequiredService<ProviderConventionSetBuilderDependencies>()));
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Author>(b =>
        {
            b.Property(a => a.Name).HasMaxLength(50).IsRequired();
            b.HasIndex(a => a.Email).IsUnique();

        });

        modelBuilder.Entity<Blog>(b =>
        {
            b.Property(x => x.Title).HasMaxLength(200).IsRequired();
            b.HasOne(x => x.Author).WithMany(a => a.Blogs).HasForeignKey(x => x.AuthorId);
        });

        modelBuilder.Entity<Post>(b =>
        {
            b.Property(x => x.Title).HasMaxLength(200).IsRequired();
            b.HasOne(x => x.Blog).WithMany(x => x.Posts).HasForeignKey(x => x.BlogId);
            b.HasOne(x => x.Editor).WithMany().HasForeignKey(x => x.EditorId).OnDelete(DeleteBehavior.SetNull);
            b.HasMany(x => x.Tags).WithMany(t => t.Posts);
            b.HasIndex(x => x.PublishedOn);
            b.Property(x => x.Slug).HasMaxLength(200).IsRequired();
        });

        modelBuilder.Entity<Tag>(b =>
        {
            b.Property(x => x.Name).HasMaxLength(50).IsRequired();
        });

        modelBuilder.Entity<Comment>(b =>
        {
            b.Property(x => x.Text).HasMaxLength(2000).IsRequired();
            b.HasOne(x => x.Post).WithMany().HasForeignKey(x => x.PostId);
        });

        modelBuilder.Entity<Category>(b =>
        {
            b.Property(x => x.Name).HasMaxLength(100).IsRequired();
            b.HasData(
                new Category { Id = 1, Name = "News" },
                new Category { Id = 2, Name = "Tutorials" });
        });

        modelBuilder.Entity<Follower>(b =>
        {
            b.Property(x => x.Email).HasMaxLength(320).IsRequired();
        });
    }
}
