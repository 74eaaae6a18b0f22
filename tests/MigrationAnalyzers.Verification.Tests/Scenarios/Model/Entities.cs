using System.Collections.Generic;

namespace MigrationAnalyzers.Verification.Tests.Scenarios.Model;

// One small blog model shared by every scenario; each scenario's context maps the parts its
// history creates (see BlogShape), so the scenarios differ only where they are meant to.
public sealed class Blog
{
    public int Id { get; set; }

    public string Name { get; set; } = string.Empty;

    public List<Post> Posts { get; set; } = new();
}

public sealed class Post
{
    public int Id { get; set; }

    public int BlogId { get; set; }

    public Blog? Blog { get; set; }

    public string Title { get; set; } = string.Empty;

    public string? Summary { get; set; }

    public int? Rating { get; set; }
}

public sealed class Tag
{
    public int Id { get; set; }

    public string Label { get; set; } = string.Empty;
}
