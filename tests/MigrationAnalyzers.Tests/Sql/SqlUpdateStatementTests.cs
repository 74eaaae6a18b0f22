using System.Linq;
using MigrationAnalyzers.Sql;

namespace MigrationAnalyzers.Tests.Sql;

public class SqlUpdateStatementTests
{
    [Fact]
    public void Tokenizer_SeparatesIdentifiersStringsAndComments()
    {
        var tokens = SqlTokenizer.Tokenize("""
            -- "Ignored" line comment
            SELECT [a]]b], "c""d", `e`, 'it''s "no" id', $$ body "x" $$, $tag$ y $tag$ /* "z" */ FROM t1
            """);

        Assert.Equal(
            new[] { (SqlTokenKind.Word, "SELECT"), (SqlTokenKind.QuotedIdentifier, "a]b"), (SqlTokenKind.QuotedIdentifier, "c\"d"), (SqlTokenKind.QuotedIdentifier, "e"), (SqlTokenKind.String, "it's \"no\" id"), (SqlTokenKind.String, " body \"x\" "), (SqlTokenKind.String, " y "), (SqlTokenKind.Word, "FROM"), (SqlTokenKind.Word, "t1") },
            tokens.Where(t => !t.IsSymbol(',')).Select(t => (t.Kind, t.Text)));
    }

    [Theory]
    [InlineData("'unterminated")]
    [InlineData("\"unterminated")]
    [InlineData("/* unterminated")]
    [InlineData("[")]
    [InlineData("$$")]
    [InlineData("$1 $")]
    public void Tokenizer_UnterminatedInput_NoThrow(string sql)
    {
        _ = SqlTokenizer.Tokenize(sql);
        _ = SqlUpdateStatement.Parse(sql);
    }

    [Fact]
    public void Parse_ReadsTableAndAssignmentsOfEveryUpdate()
    {
        var updates = SqlUpdateStatement.Parse("""
            UPDATE "blog"."Posts" AS p SET "Body" = COALESCE(p."Notes", 'none'), "Rank" = 1 WHERE p."Id" > 0;
            DELETE FROM "Posts";
            update [dbo].[Users] set [Name] = concat([First], ' ', [Last]) from [Users] u
            """);

        Assert.Equal(2, updates.Length);
        Assert.Equal("blog", updates[0].Schema);
        Assert.Equal("Posts", updates[0].Table);
        Assert.True(updates[0].Updates("blog", "posts"));
        Assert.False(updates[0].Updates("audit", "Posts"));
        Assert.Equal(new[] { "Body", "Rank" }, updates[0].Assignments.Select(a => a.Column));
        Assert.True(updates[0].Assignments[0].Mentions("Notes"));
        Assert.False(updates[0].Assignments[0].Mentions("none"));
        Assert.False(updates[0].Assignments[1].Mentions("Id"));

        Assert.Equal("Users", updates[1].Table);
        Assert.True(updates[1].Assignments.Single().Mentions("Last"));
    }

    [Fact]
    public void Parse_TupleAssignment_StopsWithoutGuessing()
    {
        var update = Assert.Single(SqlUpdateStatement.Parse("UPDATE t SET (a, b) = (c, d)"));
        Assert.Empty(update.Assignments);
    }
}
