using System;

namespace MigrationAnalyzers.Verification.Tests.Scenarios.Model;

/// <summary>Which optional parts of the blog model a model, snapshot or target model has.</summary>
[Flags]
public enum BlogShape
{
    /// <summary>Blogs (Id, Name) and Posts (Id, BlogId, Title) with the index on Posts.BlogId.</summary>
    Core = 0,

    /// <summary>Posts.Summary, nullable text.</summary>
    Summary = 1,

    /// <summary>Unique index IX_Posts_Title.</summary>
    TitleIndex = 2,

    /// <summary>The Tags table.</summary>
    Tags = 4,

    /// <summary>Posts.Rating, nullable int.</summary>
    Rating = 8,

    /// <summary>Blogs without its required Name column.</summary>
    NoBlogName = 16,
}
