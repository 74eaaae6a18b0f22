using System;
using System.Linq;
using Microsoft.EntityFrameworkCore;

namespace MigrationAnalyzers.Sample;

public static class Program
{
    public static int Main()
    {
        using var db = new SampleDbContext();
        db.Database.Migrate();
        var applied = db.Database.GetAppliedMigrations().Count();
        Console.WriteLine($"Applied migrations: {applied}");
        Console.WriteLine($"Seeded categories: {db.Categories.Count()}");
        Console.WriteLine($"Blogs: {db.Blogs.Count()}");
        return 0;
    }
}
