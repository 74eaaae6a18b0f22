using System.Collections.Generic;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace MigrationAnalyzers.Verification.Tests.Scenarios.LongHistory;

/// <summary>
/// A generated history of <see cref="Count"/> migrations (each creates a table with a key, two
/// columns and an index, and drops it in Down), for measuring how long a verification of a long
/// history takes. The migrations come from <see cref="LongHistoryMigrations"/>, not from classes.
/// </summary>
public sealed class LongHistoryContext(DbContextOptions<LongHistoryContext> options) : DbContext(options)
{
    public const int Count = 100;

    public static string TableName(int index) => $"Table{index:000}";

    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder)
        => optionsBuilder.ReplaceService<IMigrationsAssembly, LongHistoryMigrations>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) => Build(modelBuilder, Count);

    /// <summary>The model after the first <paramref name="tables"/> migrations: also the snapshot and each target model.</summary>
    public static void Build(ModelBuilder modelBuilder, int tables)
    {
        for (var i = 1; i <= tables; i++)
        {
            modelBuilder.SharedTypeEntity<Dictionary<string, object>>(TableName(i), b =>
            {
                b.IndexerProperty<int>("Id").ValueGeneratedOnAdd();
                b.IndexerProperty<string>("Name").IsRequired().HasMaxLength(50);
                b.IndexerProperty<int?>("Value");
                b.HasKey("Id");
                b.HasIndex("Name");
                b.ToTable(TableName(i));
            });
        }
    }
}
