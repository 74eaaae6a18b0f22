using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Microsoft.EntityFrameworkCore.Migrations.Operations.Builders;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;
#if NET10_0_OR_GREATER
using MySql.EntityFrameworkCore.Metadata;
#else
using Microsoft.EntityFrameworkCore.Metadata;
#endif

namespace MigrationAnalyzers.Verification.Tests.Scenarios;

/// <summary>
/// An int key the database generates, written with every provider's annotation (SQLite
/// autoincrement, PostgreSQL identity, MySQL auto-increment: Oracle's provider on EF Core 10,
/// Pomelo's on EF Core 8) the way a multi-provider migration and snapshot carry them, so one
/// hand-written history serves every database.
/// </summary>
public static class GeneratedKeys
{
    public static OperationBuilder<AddColumnOperation> Column(ColumnsBuilder table)
        => table.Column<int>(nullable: false)
            .Annotation("Sqlite:Autoincrement", true)
            .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn)
            .Annotation(MySqlStrategy.Name, MySqlStrategy.Identity);

    public static void Property(EntityTypeBuilder entity)
        => entity.Property<int>("Id")
            .ValueGeneratedOnAdd()
            .HasAnnotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn)
            .HasAnnotation(MySqlStrategy.Name, MySqlStrategy.Identity);

    public static void ModelAnnotations(ModelBuilder modelBuilder)
    {
        modelBuilder.HasAnnotation("ProductVersion", "10.0.15");
        modelBuilder.HasAnnotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn);
    }

    private static class MySqlStrategy
    {
#if NET10_0_OR_GREATER
        public const string Name = "MySQL:ValueGenerationStrategy";
        public static readonly object Identity = MySQLValueGenerationStrategy.IdentityColumn;
#else
        public const string Name = "MySql:ValueGenerationStrategy";
        public static readonly object Identity = MySqlValueGenerationStrategy.IdentityColumn;
#endif
    }
}
