using System.Linq;
using MigrationAnalyzers.Sql;

namespace MigrationAnalyzers.Tests.Sql;

public class SqlTokenizerTests
{
    private static string[] Words(string sql) =>
        SqlTokenizer.Tokenize(sql).Where(t => t.Kind == SqlTokenKind.Word).Select(t => t.Value).ToArray();

    [Fact]
    public void LineAndBlockComments_ProduceNoTokens()
    {
        var words = Words("""
            -- DROP TABLE Users
            UPDATE Posts /* DROP TABLE x; /* nested DELETE */ still comment */ SET A = 1 -- TRUNCATE
            """);
        Assert.Equal(new[] { "UPDATE", "Posts", "SET", "A" }, words);
    }

    [Fact]
    public void SingleQuotedStringWithDoubledQuotes_IsOneToken()
    {
        var tokens = SqlTokenizer.Tokenize("SELECT 'it''s; DROP TABLE x', N'nvarchar', E'a\\'b' FROM t");
        var strings = tokens.Where(t => t.Kind == SqlTokenKind.String).Select(t => t.Value).ToArray();
        Assert.Equal(new[] { "it's; DROP TABLE x", "nvarchar", "a'b" }, strings);
        Assert.DoesNotContain(tokens, t => t.Kind == SqlTokenKind.Semicolon);
    }

    [Theory]
    [InlineData("\"Drop Table\"", "Drop Table")]
    [InlineData("\"a\"\"b\"", "a\"b")]
    [InlineData("[DELETE FROM]", "DELETE FROM")]
    [InlineData("[a]]b]", "a]b")]
    [InlineData("`truncate`", "truncate")]
    public void QuotedIdentifiers_AreUnquoted(string sql, string expected)
    {
        var token = Assert.Single(SqlTokenizer.Tokenize(sql));
        Assert.Equal(SqlTokenKind.QuotedIdentifier, token.Kind);
        Assert.Equal(expected, token.Value);
    }

    [Fact]
    public void DollarQuotedBodies_AreOneToken()
    {
        var tokens = SqlTokenizer.Tokenize("DO $$ BEGIN DROP TABLE x; END $$; SELECT $fn$ it's $$ inside $fn$, $1");
        Assert.Equal(
            new[] { SqlTokenKind.Word, SqlTokenKind.DollarString, SqlTokenKind.Semicolon, SqlTokenKind.Word, SqlTokenKind.DollarString, SqlTokenKind.Comma, SqlTokenKind.Parameter },
            tokens.Select(t => t.Kind).ToArray());
        Assert.Equal(" BEGIN DROP TABLE x; END ", tokens[1].Value);
        Assert.Equal(" it's $$ inside ", tokens[4].Value);
    }

    [Fact]
    public void TemplateHoles_ArePlaceholders()
    {
        var tokens = SqlTokenizer.Tokenize("DELETE FROM {0}.\"Logs\" WHERE x = '{1}'");
        Assert.Equal(SqlTokenKind.Placeholder, tokens[2].Kind);
        Assert.True(tokens[2].IsIdentifierLike);
        Assert.Equal("{1}", tokens.Last().Value);
        Assert.Equal(SqlTokenKind.String, tokens.Last().Kind);
    }

    [Fact]
    public void Parentheses_TrackDepth()
    {
        var tokens = SqlTokenizer.Tokenize("a (b (c)) d");
        Assert.Equal(new[] { 0, 0, 1, 1, 2, 1, 0, 0 }, tokens.Select(t => t.Depth).ToArray());
    }

    [Fact]
    public void FirstOnLine_IgnoresLeadingWhitespaceOnly()
    {
        var tokens = SqlTokenizer.Tokenize("SELECT 1\n  GO\r\nx /* c */ GO");
        Assert.True(tokens.Single(t => t.Is("GO") && t.Start < 14).IsFirstOnLine);
        Assert.False(tokens.Last().IsFirstOnLine);
    }

    [Theory]
    [InlineData("'unterminated DROP TABLE x")]
    [InlineData("/* unterminated")]
    [InlineData("$$ unterminated")]
    [InlineData("[unterminated")]
    [InlineData("")]
    [InlineData("{ }{12")]
    public void UnterminatedConstructs_DoNotThrow(string sql)
    {
        var tokens = SqlTokenizer.Tokenize(sql);
        Assert.DoesNotContain(tokens, t => t.Is("DROP"));
        SqlScript.Parse(sql);
    }

    [Fact]
    public void KeywordComparison_IsCaseInsensitive()
    {
        var token = SqlTokenizer.Tokenize("dRoP")[0];
        Assert.True(token.Is("DROP"));
        Assert.False(SqlTokenizer.Tokenize("\"DROP\"")[0].Is("DROP"));
    }
}
