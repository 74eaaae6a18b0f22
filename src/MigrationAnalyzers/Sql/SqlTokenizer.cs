using System.Collections.Immutable;
using System.Text;

namespace MigrationAnalyzers.Sql;

/// <summary>
/// Splits SQL text into <see cref="SqlToken"/>s, dialect-tolerant (SQL Server, PostgreSQL, SQLite,
/// MySQL): line (<c>--</c>) and nested block (<c>/* */</c>) comments are dropped; strings
/// (<c>'…'</c> with doubled quotes, <c>N'…'</c>, <c>E'…'</c> with backslash escapes), quoted
/// identifiers (<c>"…"</c>, <c>[…]</c>, <c>`…`</c>) and dollar-quoted bodies are single tokens, so
/// keywords inside them are never seen as keywords. <c>{0}</c> holes of a SQL template are
/// <see cref="SqlTokenKind.Placeholder"/> tokens. Unterminated constructs run to the end of the text.
/// Never throws.
/// </summary>
internal static class SqlTokenizer
{
    public static ImmutableArray<SqlToken> Tokenize(string text)
    {
        var tokens = ImmutableArray.CreateBuilder<SqlToken>();
        var depth = 0;
        var lineHasContent = false;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '\n')
            {
                lineHasContent = false;
                i++;
                continue;
            }

            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            var first = !lineHasContent;
            lineHasContent = true;
            var start = i;
            if (c == '-' && Peek(text, i + 1) == '-')
            {
                while (i < text.Length && text[i] != '\n')
                {
                    i++;
                }

                // The newline that ends the comment starts a fresh line.
                continue;
            }

            if (c == '/' && Peek(text, i + 1) == '*')
            {
                i = SkipBlockComment(text, i);
                continue;
            }

            switch (c)
            {
                case '\'':
                    i = ReadQuoted(text, i, '\'', backslashEscapes: false, out var content);
                    tokens.Add(new SqlToken(SqlTokenKind.String, text, start, i - start, content, depth, first));
                    continue;
                case '"':
                case '`':
                case '[':
                    i = ReadQuoted(text, i, c == '[' ? ']' : c, backslashEscapes: false, out var quoted);
                    tokens.Add(new SqlToken(SqlTokenKind.QuotedIdentifier, text, start, i - start, quoted, depth, first));
                    continue;
                case '$':
                    i = ReadDollar(text, i, depth, first, tokens);
                    continue;
                case '{':
                    var close = i + 1;
                    while (close < text.Length && char.IsDigit(text[close]))
                    {
                        close++;
                    }

                    if (close > i + 1 && Peek(text, close) == '}')
                    {
                        i = close + 1;
                        tokens.Add(new SqlToken(SqlTokenKind.Placeholder, text, start, i - start, text.Substring(start, i - start), depth, first));
                        continue;
                    }

                    break;
                case '(':
                    tokens.Add(new SqlToken(SqlTokenKind.OpenParen, text, start, 1, "(", depth, first));
                    depth++;
                    i++;
                    continue;
                case ')':
                    depth = depth > 0 ? depth - 1 : 0;
                    tokens.Add(new SqlToken(SqlTokenKind.CloseParen, text, start, 1, ")", depth, first));
                    i++;
                    continue;
                case ',':
                    tokens.Add(new SqlToken(SqlTokenKind.Comma, text, start, 1, ",", depth, first));
                    i++;
                    continue;
                case '.':
                    if (!char.IsDigit(Peek(text, i + 1)))
                    {
                        tokens.Add(new SqlToken(SqlTokenKind.Dot, text, start, 1, ".", depth, first));
                        i++;
                        continue;
                    }

                    break;
                case ';':
                    // A statement ends here: unbalanced parentheses before it must not shift the next one.
                    depth = 0;
                    tokens.Add(new SqlToken(SqlTokenKind.Semicolon, text, start, 1, ";", depth, first));
                    i++;
                    continue;
                case ':' when IsWordStart(Peek(text, i + 1)) && Peek(text, i - 1) != ':':
                    i = ReadWord(text, i + 1);
                    tokens.Add(new SqlToken(SqlTokenKind.Parameter, text, start, i - start, text.Substring(start, i - start), depth, first));
                    continue;
            }

            if (char.IsDigit(c) || (c == '.' && char.IsDigit(Peek(text, i + 1))))
            {
                while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] == '.' || text[i] == '_'))
                {
                    i++;
                }

                tokens.Add(new SqlToken(SqlTokenKind.Number, text, start, i - start, text.Substring(start, i - start), depth, first));
                continue;
            }

            if (IsWordStart(c))
            {
                i = ReadWord(text, i);
                // N'…', E'…', X'…', B'…': a prefixed string literal is one string token.
                if (i - start == 1 && Peek(text, i) == '\'' && "NnEeXxBb".IndexOf(c) >= 0)
                {
                    i = ReadQuoted(text, i, '\'', backslashEscapes: c is 'E' or 'e', out var prefixed);
                    tokens.Add(new SqlToken(SqlTokenKind.String, text, start, i - start, prefixed, depth, first));
                    continue;
                }

                tokens.Add(new SqlToken(SqlTokenKind.Word, text, start, i - start, text.Substring(start, i - start), depth, first));
                continue;
            }

            tokens.Add(new SqlToken(SqlTokenKind.Operator, text, start, 1, text.Substring(start, 1), depth, first));
            i++;
        }

        return tokens.ToImmutable();
    }

    private static char Peek(string text, int index) => index >= 0 && index < text.Length ? text[index] : '\0';

    private static bool IsWordStart(char c) => char.IsLetter(c) || c is '_' or '@' or '#';

    private static bool IsWordPart(char c) => char.IsLetterOrDigit(c) || c is '_' or '@' or '#' or '$';

    private static int ReadWord(string text, int i)
    {
        while (i < text.Length && IsWordPart(text[i]))
        {
            i++;
        }

        return i;
    }

    /// <summary>Block comments nest (PostgreSQL and SQL Server agree); unterminated ones run to the end.</summary>
    private static int SkipBlockComment(string text, int i)
    {
        var nesting = 0;
        while (i < text.Length)
        {
            if (text[i] == '/' && Peek(text, i + 1) == '*')
            {
                nesting++;
                i += 2;
            }
            else if (text[i] == '*' && Peek(text, i + 1) == '/')
            {
                i += 2;
                if (--nesting == 0)
                {
                    return i;
                }
            }
            else
            {
                i++;
            }
        }

        return i;
    }

    /// <summary>Reads from the opening quote at <paramref name="i"/> to past the closing one; a doubled closer is an escaped one.</summary>
    private static int ReadQuoted(string text, int i, char closer, bool backslashEscapes, out string content)
    {
        var builder = new StringBuilder();
        i++;
        while (i < text.Length)
        {
            var c = text[i];
            if (backslashEscapes && c == '\\' && i + 1 < text.Length)
            {
                builder.Append(text[i + 1]);
                i += 2;
                continue;
            }

            if (c == closer)
            {
                if (Peek(text, i + 1) == closer)
                {
                    builder.Append(closer);
                    i += 2;
                    continue;
                }

                content = builder.ToString();
                return i + 1;
            }

            builder.Append(c);
            i++;
        }

        content = builder.ToString();
        return i;
    }

    /// <summary><c>$$…$$</c>, <c>$tag$…$tag$</c> bodies; <c>$1</c> parameters; a lone <c>$</c> is an operator.</summary>
    private static int ReadDollar(string text, int start, int depth, bool first, ImmutableArray<SqlToken>.Builder tokens)
    {
        var i = start + 1;
        if (char.IsDigit(Peek(text, i)))
        {
            while (i < text.Length && char.IsDigit(text[i]))
            {
                i++;
            }

            tokens.Add(new SqlToken(SqlTokenKind.Parameter, text, start, i - start, text.Substring(start, i - start), depth, first));
            return i;
        }

        while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] == '_'))
        {
            i++;
        }

        if (Peek(text, i) != '$')
        {
            tokens.Add(new SqlToken(SqlTokenKind.Operator, text, start, 1, "$", depth, first));
            return start + 1;
        }

        var tag = text.Substring(start, i + 1 - start);
        var bodyStart = i + 1;
        var end = text.IndexOf(tag, bodyStart, System.StringComparison.Ordinal);
        var bodyEnd = end < 0 ? text.Length : end;
        var next = end < 0 ? text.Length : end + tag.Length;
        tokens.Add(new SqlToken(SqlTokenKind.DollarString, text, start, next - start, text.Substring(bodyStart, bodyEnd - bodyStart), depth, first));
        return next;
    }
}
