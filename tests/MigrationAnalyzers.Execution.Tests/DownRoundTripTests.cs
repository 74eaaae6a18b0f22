using MigrationAnalyzers.Tests.CodeFixes;

namespace MigrationAnalyzers.Tests.Execution;

/// <summary>
/// The Down that each Reversibility fix writes, run by EF Core's migrator on a real SQLite database:
/// the schema after Up then Down equals the schema before Up.
/// </summary>
public class DownRoundTripTests
{
    /// <summary>The history every round trip starts from (the fix tests use it too).</summary>
    public const string Baseline = RoundTripBaseline.Source;

    public const string Previous = "20240101000000_CreateBlogs";

    private const string RatingDesigner = """
        using Microsoft.EntityFrameworkCore;

        namespace App.Migrations
        {
            public partial class AddRating
            {
                protected override void BuildTargetModel(ModelBuilder modelBuilder)
                {
                    modelBuilder.Entity("Blog", b =>
                    {
                        b.Property<int>("Id").ValueGeneratedOnAdd().HasColumnType("INTEGER");
                        b.Property<string>("Name").IsRequired().HasMaxLength(100).HasColumnType("TEXT");
                        b.Property<int>("Rating").HasColumnType("INTEGER");
                        b.HasKey("Id");
                        b.HasIndex("Rating");
                        b.ToTable("Blogs");
                    });
                }
            }
        }
        """;

    [Fact]
    public void Mig040_GeneratedDown_RestoresPreviousSchema()
    {

        var (before, afterUp, afterDown) = SqliteSchema.RoundTrip(Previous, Baseline, DownMissingCodeFixTests.FixedSource, RatingDesigner);
        Assert.NotEqual(before, afterUp);
        Assert.Contains("IX_Blogs_Rating", afterUp);
        Assert.Equal(before, afterDown);

        // Unfixed, EF's Migration.Down throws: the rollback fails.
        Assert.ThrowsAny<System.Exception>(() => SqliteSchema.RoundTrip(Previous, Baseline, Unmarked(DownMissingCodeFixTests.Source), RatingDesigner));
    }

    [Fact]
    public void Mig041_GeneratedDown_RestoresPreviousSchema()
    {
        const string designer = """
            using Microsoft.EntityFrameworkCore;

            namespace App.Migrations
            {
                public partial class AddTags
                {
                    protected override void BuildTargetModel(ModelBuilder modelBuilder)
                    {
                        modelBuilder.Entity("Blog", b =>
                        {
                            b.Property<int>("Id").ValueGeneratedOnAdd().HasColumnType("INTEGER");
                            b.Property<string>("Title").HasMaxLength(200).HasColumnType("TEXT");
                            b.HasKey("Id");
                            b.ToTable("Blogs");
                        });
                        modelBuilder.Entity("Tag", b =>
                        {
                            b.Property<int>("Id").ValueGeneratedOnAdd().HasColumnType("INTEGER");
                            b.Property<int>("BlogId").HasColumnType("INTEGER");
                            b.HasKey("Id");
                            b.HasIndex("BlogId");
                            b.ToTable("Tags");
                        });
                        modelBuilder.Entity("Tag", b =>
                        {
                            b.HasOne("Blog", null).WithMany().HasForeignKey("BlogId").OnDelete(DeleteBehavior.Cascade).IsRequired();
                        });
                    }
                }
            }
            """;
        var (before, afterUp, afterDown) = SqliteSchema.RoundTrip(Previous, Baseline, DownEmptyCodeFixTests.FixedSource, designer);
        Assert.Contains("foreign key BlogId -> Blogs.Id", afterUp);
        Assert.Contains("column Title TEXT notnull=0", afterUp);
        Assert.Equal(before, afterDown);
        AssertNotRestored(Baseline, Unmarked(DownEmptyCodeFixTests.Source), designer);
    }

    [Fact]
    public void Mig042_InsertedInverses_RestorePreviousSchema()
    {
        const string designer = """
            using Microsoft.EntityFrameworkCore;

            namespace App.Migrations
            {
                public partial class AddRating
                {
                    protected override void BuildTargetModel(ModelBuilder modelBuilder)
                    {
                        modelBuilder.Entity("Blog", b =>
                        {
                            b.Property<int>("Id").ValueGeneratedOnAdd().HasColumnType("INTEGER");
                            b.Property<string>("Name").IsRequired().HasMaxLength(100).HasColumnType("TEXT");
                            b.Property<int>("Rating").HasColumnType("INTEGER");
                            b.HasKey("Id");
                            b.HasIndex("Name").HasDatabaseName("IX_Blogs_Title");
                            b.ToTable("Blogs");
                        });
                    }
                }
            }
            """;
        var (before, afterUp, afterDown) = SqliteSchema.RoundTrip(Previous, Baseline, UpOperationNotRevertedCodeFixTests.FixedSource, designer);
        Assert.Contains("index IX_Blogs_Title unique=0 (Name)", afterUp);
        Assert.Equal(before, afterDown);
        AssertNotRestored(Baseline, Unmarked(UpOperationNotRevertedCodeFixTests.Source), designer);
    }

    [Fact]
    public void Mig044_ReorderedDown_RestoresPreviousSchema()
    {
        var (before, afterUp, afterDown) = SqliteSchema.RoundTrip(Previous, Baseline, DownOrderCodeFixTests.FixedSource, RatingDesigner);
        Assert.NotEqual(before, afterUp);
        Assert.Equal(before, afterDown);

        // The unfixed order is not shown failing here: EF's SQLite provider folds DropColumn and the
        // DropIndex after it into one rebuild from the previous target model. SQL Server rejects it.
    }

    [Fact]
    public void Mig045_RestoredDefinition_RestoresPreviousSchema()
    {
        const string designer = """
            using Microsoft.EntityFrameworkCore;

            namespace App.Migrations
            {
                public partial class OptionalTitle
                {
                    protected override void BuildTargetModel(ModelBuilder modelBuilder)
                    {
                        modelBuilder.Entity("Blog", b =>
                        {
                            b.Property<int>("Id").ValueGeneratedOnAdd().HasColumnType("INTEGER");
                            b.Property<string>("Title").HasMaxLength(100).HasColumnType("TEXT");
                            b.Property<int?>("Rating").HasColumnType("INTEGER");
                            b.HasKey("Id");
                            b.ToTable("Blogs");
                        });
                    }
                }
            }
            """;
        var (before, afterUp, afterDown) = SqliteSchema.RoundTrip(Previous, Baseline, DownDefinitionMismatchCodeFixTests.FixedSource, designer);
        Assert.Contains("column Title TEXT notnull=0", afterUp);
        Assert.Contains("column Title TEXT notnull=1", afterDown);
        Assert.Equal(before, afterDown);

        // The unfixed AlterColumn is not shown failing here: SQLite rebuilds the table from the
        // previous target model whatever the AlterColumn says; SQL Server and PostgreSQL follow its arguments.
    }

    [Fact]
    public void DropTableInverse_ReCreatesTableFromHistory()
    {
        const string designer = """
            using Microsoft.EntityFrameworkCore;

            namespace App.Migrations
            {
                public partial class DropTags
                {
                    protected override void BuildTargetModel(ModelBuilder modelBuilder)
                    {
                        modelBuilder.Entity("Blog", b =>
                        {
                            b.Property<int>("Id").ValueGeneratedOnAdd().HasColumnType("INTEGER");
                            b.Property<string>("Title").IsRequired().HasMaxLength(100).HasColumnType("TEXT");
                            b.HasKey("Id");
                            b.ToTable("Blogs");
                        });
                    }
                }
            }
            """;
        const string tagsCreated = "20240101500000_CreateTags";
        using var database = new Execution.SqliteExecutionDatabase();
        var assembly = Execution.MigrationAssemblyCompiler.Compile(Baseline, DropTableInverseCodeFixTests.CreateTags, DropTableInverseCodeFixTests.FixedSource, designer);
        database.Migrate(assembly, tagsCreated);
        var before = SqliteSchema.Read(database);
        database.Migrate(assembly);
        Assert.DoesNotContain("table Tags", SqliteSchema.Read(database));
        database.Migrate(assembly, tagsCreated);
        var afterDown = SqliteSchema.Read(database);
        Assert.Contains("foreign key BlogId -> Blogs.Id on delete CASCADE", afterDown);
        Assert.Equal(before, afterDown);
    }

    [Fact]
    public void DropColumnInverse_ReAddsColumnAsBefore()
    {
        const string designer = """
            using Microsoft.EntityFrameworkCore;

            namespace App.Migrations
            {
                public partial class DropTitle
                {
                    protected override void BuildTargetModel(ModelBuilder modelBuilder)
                    {
                        modelBuilder.Entity("Blog", b =>
                        {
                            b.Property<int>("Id").ValueGeneratedOnAdd().HasColumnType("INTEGER");
                            b.HasKey("Id");
                            b.ToTable("Blogs");
                        });
                    }
                }
            }
            """;
        var (before, afterUp, afterDown) = SqliteSchema.RoundTrip(Previous, Baseline, DownEmptyCodeFixTests.DropTitleFixedSource, designer);
        Assert.DoesNotContain("column Title", afterUp);
        Assert.Equal(before, afterDown);
        AssertNotRestored(Baseline, Unmarked(DownEmptyCodeFixTests.DropTitleSource), designer);
    }

    /// <summary>The unfixed migration's Down fails on the database or leaves a different schema.</summary>
    private static void AssertNotRestored(params string[] sources)
    {
        (string Before, string AfterUp, string AfterDown) result;
        try
        {
            result = SqliteSchema.RoundTrip(Previous, sources);
        }
        catch (System.Exception)
        {
            return;
        }

        Assert.NotEqual(result.Before, result.AfterDown);
    }

    /// <summary>A verifier source without its <c>{|#0:…|}</c> markup, for the compiler.</summary>
    public static string Unmarked(string source) =>
        System.Text.RegularExpressions.Regex.Replace(source, @"\{\|#\d+:|\|\}", string.Empty);
}
