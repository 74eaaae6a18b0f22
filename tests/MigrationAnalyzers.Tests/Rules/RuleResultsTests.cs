using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using MigrationAnalyzers.Rules;
using MigrationAnalyzers.Tests.Meta;
using MigrationAnalyzers.Tests.Verifiers;
using static MigrationAnalyzers.Tests.Verifiers.AnalysisRuns;

namespace MigrationAnalyzers.Tests.Rules;

/// <summary>
/// SPEC §7 "an edit re-analyzes the edited migration": a rule's diagnostics for a migration are
/// reused by the next compilation when nothing they came from changed (RuleResults). The proof is
/// differential: after each edit, the diagnostics with reuse are those of a fresh analysis (new
/// syntax trees, so nothing can be reused), on the sample's whole history.
/// </summary>
[Collection(RuleResultsCollection.Name)]
public class RuleResultsTests
{
    private const string CreatePosts = """
        using Microsoft.EntityFrameworkCore.Migrations;

        [Migration("20240101000000_CreatePosts")]
        public class CreatePosts : Migration
        {
            protected override void Up(MigrationBuilder migrationBuilder)
            {
                migrationBuilder.CreateTable(
                    name: "Posts",
                    columns: table => new
                    {
                        Id = table.Column<int>(type: "INTEGER", nullable: false),
                        BlogId = table.Column<int>(type: "INTEGER", nullable: false)
                    },
                    constraints: table => table.PrimaryKey("PK_Posts", x => x.Id));
                migrationBuilder.CreateIndex(name: "IX_Posts_BlogId", table: "Posts", column: "BlogId");
            }

            protected override void Down(MigrationBuilder migrationBuilder)
            {
                migrationBuilder.DropTable(name: "Posts");
            }
        }
        """;

    // A second index on the same column: MIG063 in this migration, as long as the first one exists.
    private const string AddBlogIndex = """
        using Microsoft.EntityFrameworkCore.Migrations;

        [Migration("20240201000000_AddBlogIndex")]
        public class AddBlogIndex : Migration
        {
            protected override void Up(MigrationBuilder migrationBuilder)
            {
                migrationBuilder.CreateIndex(name: "IX_Posts_Blog", table: "Posts", column: "BlogId");
            }

            protected override void Down(MigrationBuilder migrationBuilder)
            {
                migrationBuilder.DropIndex(name: "IX_Posts_Blog", table: "Posts");
            }
        }
        """;

    // Reads nothing of the tables AddBlogIndex or CreatePosts' index touch.
    private const string AddTags = """
        using Microsoft.EntityFrameworkCore.Migrations;

        [Migration("20240301000000_AddTags")]
        public class AddTags : Migration
        {
            protected override void Up(MigrationBuilder migrationBuilder)
            {
                migrationBuilder.CreateTable(
                    name: "Tags",
                    columns: table => new { Id = table.Column<int>(type: "INTEGER", nullable: false) },
                    constraints: table => table.PrimaryKey("PK_Tags", x => x.Id));
            }

            protected override void Down(MigrationBuilder migrationBuilder)
            {
                migrationBuilder.DropTable(name: "Tags");
            }
        }
        """;

    [Fact]
    public void AnEditInAnEarlierMigration_ReachesTheLaterMigrationThatReadsItsTable()
    {
        var trees = new[] { Parse(CreatePosts, "/0/Migrations/CreatePosts.cs"), Parse(AddBlogIndex, "/0/Migrations/AddBlogIndex.cs"), Parse(AddTags, "/0/Migrations/AddTags.cs") };
        var first = Compile(trees);
        Assert.Contains(Analyze(first), d => d.StartsWith("MIG063 AddBlogIndex.cs", StringComparison.Ordinal));

        // CreatePosts no longer creates the first index: AddBlogIndex's table changed under it.
        var edited = TreeEdits.Replace(trees[0], "migrationBuilder.CreateIndex(name: \"IX_Posts_BlogId\", table: \"Posts\", column: \"BlogId\");", string.Empty);
        var second = first.ReplaceSyntaxTree(trees[0], edited);
        var before = RuleResults.Counts;
        var reused = Analyze(second);
        var after = RuleResults.Counts;

        Assert.DoesNotContain(reused, d => d.StartsWith("MIG063", StringComparison.Ordinal));
        Assert.Equal(string.Join("\n", Analyze(Fresh(second))), string.Join("\n", reused));

        // AddTags read nothing that changed: its results were reused, not recomputed.
        Assert.True(after.Reused > before.Reused, "nothing was reused");
    }

    // Renames the table, then indexes the same column again: MIG063 reads the renamed table inside this Up.
    private const string RenameAndIndex = """
        using Microsoft.EntityFrameworkCore.Migrations;

        [Migration("20240201000000_RenameAndIndex")]
        public class RenameAndIndex : Migration
        {
            protected override void Up(MigrationBuilder migrationBuilder)
            {
                migrationBuilder.RenameTable(name: "Posts", newName: "Articles");
                migrationBuilder.CreateIndex(name: "IX_Articles_Blog", table: "Articles", column: "BlogId");
            }

            protected override void Down(MigrationBuilder migrationBuilder)
            {
                migrationBuilder.DropIndex(name: "IX_Articles_Blog", table: "Articles");
                migrationBuilder.RenameTable(name: "Articles", newName: "Posts");
            }
        }
        """;

    [Fact]
    public void AnEditInAnEarlierMigration_ReachesATableThisUpRenamedBeforeReadingIt()
    {
        var trees = new[] { Parse(CreatePosts, "/0/Migrations/CreatePosts.cs"), Parse(RenameAndIndex, "/0/Migrations/RenameAndIndex.cs") };
        var first = Compile(trees);
        Assert.Contains(Analyze(first), d => d.StartsWith("MIG063 RenameAndIndex.cs", StringComparison.Ordinal));

        // "Articles" is not in the schema before RenameAndIndex, "Posts" is: the edit of Posts must reach the analysis.
        var edited = TreeEdits.Replace(trees[0], "migrationBuilder.CreateIndex(name: \"IX_Posts_BlogId\", table: \"Posts\", column: \"BlogId\");", string.Empty);
        var second = first.ReplaceSyntaxTree(trees[0], edited);
        var reused = Analyze(second);

        Assert.DoesNotContain(reused, d => d.StartsWith("MIG063", StringComparison.Ordinal));
        Assert.Equal(string.Join("\n", Analyze(Fresh(second))), string.Join("\n", reused));
    }

    // PostgreSQL: DropIndex without a table (EF allows it there); the rule finds the table among all tables.
    private const string DropBlogIndex = """
        using Microsoft.EntityFrameworkCore.Migrations;

        [Migration("20240201000000_DropBlogIndex")]
        public class DropBlogIndex : Migration
        {
            protected override void Up(MigrationBuilder migrationBuilder)
            {
                migrationBuilder.DropIndex(name: "IX_Posts_BlogId");
            }

            protected override void Down(MigrationBuilder migrationBuilder)
            {
                migrationBuilder.CreateIndex(name: "IX_Posts_BlogId", table: "Posts", column: "BlogId");
            }
        }
        """;

    [Fact]
    public void AnAnalysisThatEnumeratedEveryTable_RunsAgainWhenAnyTableChanged()
    {
        var trees = new[] { Parse(CreatePosts, "/0/Migrations/CreatePosts.cs"), Parse(DropBlogIndex, "/0/Migrations/DropBlogIndex.cs") };
        var first = Compile(trees, provider: DbProvider.PostgreSql);
        Assert.Contains(Analyze(first), d => d.StartsWith("MIG062 DropBlogIndex.cs", StringComparison.Ordinal) && d.Contains("'Posts'", StringComparison.Ordinal));

        // The index now lives on a table named differently: MIG062's message names the table it found by enumerating all of them.
        var edited = trees[0].WithChangedText(SourceText.From(CreatePosts.Replace("\"Posts\"", "\"Articles\"", StringComparison.Ordinal)));
        var second = first.ReplaceSyntaxTree(trees[0], edited);
        var reused = Analyze(second);

        Assert.Contains(reused, d => d.StartsWith("MIG062 DropBlogIndex.cs", StringComparison.Ordinal) && d.Contains("'Articles'", StringComparison.Ordinal));
        Assert.Equal(string.Join("\n", Analyze(Fresh(second))), string.Join("\n", reused));
    }

    [Fact]
    public void AnUnchangedCompilation_RunsNoRuleAgain()
    {
        var trees = new[] { Parse(CreatePosts, "/0/Migrations/CreatePosts.cs"), Parse(AddBlogIndex, "/0/Migrations/AddBlogIndex.cs"), Parse(AddTags, "/0/Migrations/AddTags.cs") };
        var first = Compile(trees);
        var expected = Analyze(first);

        // A new compilation of the same trees (the IDE's next keystroke in another project file).
        var second = first.AddSyntaxTrees(Parse("public static class Unrelated { }", "/0/Unrelated.cs"));
        var before = RuleResults.Counts;
        var actual = Analyze(second);
        var after = RuleResults.Counts;

        Assert.Equal(string.Join("\n", expected), string.Join("\n", actual));
        Assert.Equal(before.Ran, after.Ran);
        Assert.True(after.Reused > before.Reused);
    }

    [Fact]
    public void SampleHistory_EveryEdit_GivesWhatAFreshAnalysisGives()
    {
        var trees = SampleTrees();
        var migrations = trees.Where(IsSampleMigration).ToList();
        Assert.True(migrations.Count >= 10);

        var compilation = Compile(trees, OutputKind.ConsoleApplication);
        Analyze(compilation);
        var (ran, reused, edits) = (0, 0, 0);
        foreach (var migration in migrations)
        {
            // Two edits of each migration: a table it names renamed, and the migration removed.
            var text = migration.GetText().ToString();
            var match = Regex.Match(text, "(table|name): \"(\\w+)\"");
            var renamed = match.Success ? TreeEdits.Replace(migration, match.Value, match.Groups[1].Value + ": \"" + match.Groups[2].Value + "Edited\"") : null;
            foreach (var next in new[]
            {
                renamed is null ? null : compilation.ReplaceSyntaxTree(migration, renamed),
                compilation.RemoveSyntaxTrees(migration),
            })
            {
                if (next is null)
                {
                    continue;
                }

                // The cache holds what the previous edit's compilation left: unchanged trees' results, stored under other histories.
                var expected = Analyze(Fresh(next));
                var before = RuleResults.Counts;
                var actual = Analyze(next);
                var after = RuleResults.Counts;
                Assert.True(expected.SequenceEqual(actual), $"after editing {Path.GetFileName(migration.FilePath)}: reuse differs from a fresh analysis");
                (ran, reused, edits) = (ran + after.Ran - before.Ran, reused + after.Reused - before.Reused, edits + 1);
            }
        }

        Assert.True(edits >= migrations.Count);
        Assert.True(reused > ran, $"reused {reused}, ran {ran}: most analyses should be reused");
    }
}

/// <summary>The reuse counters are process-wide: these tests do not run beside each other.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RuleResultsCollection
{
    public const string Name = "RuleResults";
}
