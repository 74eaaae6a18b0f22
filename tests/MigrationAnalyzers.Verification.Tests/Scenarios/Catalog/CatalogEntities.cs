using System;
using System.Collections.Generic;

namespace MigrationAnalyzers.Verification.Tests.Scenarios.Catalog;

// A model with one column of each common store type, so that sample rows, value comparison and
// table rebuilds are exercised on more than text and integers.
public sealed class Category
{
    public int Id { get; set; }

    public string Name { get; set; } = string.Empty;

    public List<Product> Products { get; set; } = new();
}

public sealed class Product
{
    public int Id { get; set; }

    public int CategoryId { get; set; }

    public Category? Category { get; set; }

    public string Name { get; set; } = string.Empty;

    public decimal Price { get; set; }

    public string Currency { get; set; } = "EUR";

    public bool InStock { get; set; }

    public DateTime CreatedAt { get; set; }

    public Guid Sku { get; set; }

    public double Weight { get; set; }

    public long Views { get; set; }

    public byte[]? Image { get; set; }

    public string? Notes { get; set; }
}
