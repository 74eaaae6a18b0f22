using System;
using System.Collections.Generic;

namespace MigrationAnalyzers.Sample.Model;

public class Author
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public string? Email { get; set; }
    public string? Biography { get; set; }
    public List<Blog> Blogs { get; set; } = new();
}

public class Blog
{
    public int Id { get; set; }
    public string Title { get; set; } = "";
    public string Url { get; set; } = "";
    public int Rating { get; set; }
    public string? Language { get; set; }
    public int AuthorId { get; set; }
    public Author Author { get; set; } = null!;
    public List<Post> Posts { get; set; } = new();
    public List<Follower> Followers { get; set; } = new();
}

public class Post
{
    public int Id { get; set; }
    public string Title { get; set; } = "";
    public string? Body { get; set; }
    public string? Summary { get; set; }
    public string Slug { get; set; } = "";
    public DateTime? PublishedOn { get; set; }
    public int? ReadingTimeMinutes { get; set; }
    public string? Language { get; set; }
    public int BlogId { get; set; }
    public Blog Blog { get; set; } = null!;
    public int? CategoryId { get; set; }
    public int? EditorId { get; set; }
    public Author? Editor { get; set; }
    public Category? Category { get; set; }
    public List<Tag> Tags { get; set; } = new();
    public List<PageView> PageViews { get; set; } = new();
}

public class Tag
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public string? Description { get; set; }
    public List<Post> Posts { get; set; } = new();
}

public class Follower
{
    public int Id { get; set; }
    public string Email { get; set; } = "";
    public int BlogId { get; set; }
    public Blog Blog { get; set; } = null!;
}

public class PageView
{
    public int Id { get; set; }
    public DateTime ViewedAt { get; set; }
    public int PostId { get; set; }
    public Post Post { get; set; } = null!;
}

public class Comment
{
    public int Id { get; set; }
    public string Text { get; set; } = "";
    public string? AuthorName { get; set; }
    public DateTime CreatedAt { get; set; }
    public int PostId { get; set; }
    public Post Post { get; set; } = null!;
}

public class Category
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
}
