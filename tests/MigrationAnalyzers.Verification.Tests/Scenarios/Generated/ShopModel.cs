using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore;

namespace MigrationAnalyzers.Verification.Tests.Scenarios.Generated;

// The model behind the migrations in Sqlite/ and Npgsql/, which are dotnet-ef 10.0.15 output left
// as generated (only namespaces, entity names and migration names were set): a correct history of
// five steps in which exactly one Up loses data (DropOrderTotal drops Orders.Total).
public class Customer
{
    public int Id { get; set; }

    public string Name { get; set; } = string.Empty;

    public string? Email { get; set; }

    public int Points { get; set; }

    public List<Order> Orders { get; set; } = new();
}

public class Order
{
    public int Id { get; set; }

    public int CustomerId { get; set; }

    public Customer? Customer { get; set; }

    public DateTime PlacedAt { get; set; }

    public bool Paid { get; set; }
}

/// <summary>The model after the last migration; one subclass per provider, as each has its own history.</summary>
public abstract class ShopContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<Customer> Customers => Set<Customer>();

    public DbSet<Order> Orders => Set<Order>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Customer>(c =>
        {
            c.Property(x => x.Name).HasMaxLength(200);
            c.Property(x => x.Email).HasColumnName("ContactEmail");
            c.HasIndex(x => x.Name).IsUnique();
            c.HasData(new Customer { Id = 1, Name = "Seed" });
        });
    }
}

public sealed class SqliteShopContext(DbContextOptions<SqliteShopContext> options) : ShopContext(options);

public sealed class NpgsqlShopContext(DbContextOptions<NpgsqlShopContext> options) : ShopContext(options);
