using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Microsoft.EntityFrameworkCore.Migrations.Operations.Builders;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace MigrationAnalyzers.Verification.Tests.Scenarios;

/// <summary>
/// An int key the database generates, written with both providers' annotations (SQLite
/// autoincrement, PostgreSQL identity) the way a multi-provider migration and snapshot carry them,
/// so one hand-written history serves both databases.
/// </summary>
public static class GeneratedKeys
{
    public static OperationBuilder<AddColumnOperation> Column(ColumnsBuilder table)
        => table.Column<int>(nullable: false)
            .Annotation("Sqlite:Autoincrement", true)
            .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn);

    public static void Property(EntityTypeBuilder entity)
        => entity.Property<int>("Id")
            .ValueGeneratedOnAdd()
            .HasAnnotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn);

    public static void ModelAnnotations(ModelBuilder modelBuilder)
    {
        modelBuilder.HasAnnotation("ProductVersion", "10.0.15");
        modelBuilder.HasAnnotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn);
    }
}
