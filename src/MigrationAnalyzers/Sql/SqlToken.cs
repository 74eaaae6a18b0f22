using System;
using System.Collections.Generic;

namespace MigrationAnalyzers.Sql;

internal enum SqlTokenKind
{
    /// <summary>An unquoted word: a keyword or a plain identifier (<c>@var</c> and <c>#temp</c> included).</summary>
    Word,

    /// <summary><c>"x"</c>, <c>[x]</c> or <c>`x`</c>; <see cref="SqlToken.Value"/> is the unescaped name.</summary>
    QuotedIdentifier,

    /// <summary><c>'…'</c> (also <c>N'…'</c>, <c>E'…'</c>); <see cref="SqlToken.Value"/> is the unescaped content.</summary>
    String,

    /// <summary>A PostgreSQL <c>$$…$$</c> / <c>$tag$…$tag$</c> body; <see cref="SqlToken.Value"/> is the body.</summary>
    DollarString,

    Number,

    /// <summary><c>$1</c> or <c>:name</c>-style parameter.</summary>
    Parameter,

    /// <summary>
    /// <c>{0}</c>, <c>{1}</c>…: an interpolation hole of <c>MigrationOperation.SqlTemplate</c>. Acts as an
    /// identifier whose text is unknown.
    /// </summary>
    Placeholder,

    OpenParen,
    CloseParen,
    Comma,
    Dot,
    Semicolon,

    /// <summary>Any other punctuation (<c>=</c>, <c>::</c>, <c>+</c>…), one character per token.</summary>
    Operator,
}

/// <summary>One token of a SQL text. Comments and whitespace produce no token.</summary>
internal readonly struct SqlToken
{
    public SqlToken(SqlTokenKind kind, string source, int start, int length, string value, int depth, bool isFirstOnLine)
    {
        Kind = kind;
        Source = source;
        Start = start;
        Length = length;
        Value = value;
        Depth = depth;
        IsFirstOnLine = isFirstOnLine;
    }

    public SqlTokenKind Kind { get; }

    /// <summary>The whole text the token was read from.</summary>
    public string Source { get; }

    public int Start { get; }

    public int Length { get; }

    public int End => Start + Length;

    /// <summary>The token as written.</summary>
    public string Text => Source.Substring(Start, Length);

    /// <summary>Unquoted / unescaped: the identifier name, the string content, the dollar body.</summary>
    public string Value { get; }

    /// <summary>Parenthesis depth: 0 at statement level; a paren token carries the depth outside it.</summary>
    public int Depth { get; }

    /// <summary>Nothing but whitespace precedes the token on its line (how <c>GO</c> lines are found).</summary>
    public bool IsFirstOnLine { get; }

    /// <summary>A word, a quoted identifier or a hole: something that can name a table or column.</summary>
    public bool IsIdentifierLike => Kind is SqlTokenKind.Word or SqlTokenKind.QuotedIdentifier or SqlTokenKind.Placeholder;

    /// <summary>An unquoted word equal to <paramref name="keyword"/>, case-insensitively.</summary>
    public bool Is(string keyword) =>
        Kind == SqlTokenKind.Word && string.Equals(Value, keyword, StringComparison.OrdinalIgnoreCase);

    /// <summary>An unquoted word in <paramref name="keywords"/> (a case-insensitive set).</summary>
    public bool IsIn(ISet<string> keywords) => Kind == SqlTokenKind.Word && keywords.Contains(Value);

    public override string ToString() => $"{Kind} {Text}";
}
