using System.Collections.Immutable;
using System.Text;

namespace MigrationAnalyzers.Sql;

internal enum SqlTokenKind
{
    /// <summary>An unquoted word: keyword, identifier, function name, <c>@variable</c>.</summary>
    Word,

    /// <summary><c>"x"</c>, <c>[x]</c> or <c>`x`</c>; <see cref="SqlToken.Text"/> holds the name without quotes.</summary>
    QuotedIdentifier,

    /// <summary>A string literal (<c>'…'</c>, PostgreSQL <c>$$…$$</c>): never an identifier.</summary>
    String,

    Number,

    /// <summary>Any other single character: <c>( ) , . = ;</c>…</summary>
    Symbol,
}

internal readonly struct SqlToken
{
    public SqlToken(SqlTokenKind kind, string text)
    {
        Kind = kind;
        Text = text;
    }

    public SqlTokenKind Kind { get; }

    public string Text { get; }

    public bool IsIdentifier => Kind is SqlTokenKind.Word or SqlTokenKind.QuotedIdentifier;

    public bool IsWord(string word) => Kind == SqlTokenKind.Word && string.Equals(Text, word, System.StringComparison.OrdinalIgnoreCase);

    public bool IsSymbol(char symbol) => Kind == SqlTokenKind.Symbol && Text.Length == 1 && Text[0] == symbol;

    public override string ToString() => Text;
}

/// <summary>
/// A small, dialect-tolerant SQL tokenizer for the constant text of <c>Sql(…)</c>: skips comments,
/// keeps string literals apart from identifiers, and unquotes the identifiers of every provider
/// (<c>"x"</c> PostgreSQL/SQLite, <c>[x]</c> SQL Server, <c>`x`</c> MySQL). It never throws:
/// unterminated quotes or comments run to the end of the text.
/// </summary>
internal static class SqlTokenizer
{
    public static ImmutableArray<SqlToken> Tokenize(string sql)
    {
        var tokens = ImmutableArray.CreateBuilder<SqlToken>();
        var i = 0;
        while (i < sql.Length)
        {
            var c = sql[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c == '-' && Peek(sql, i + 1) == '-')
            {
                while (i < sql.Length && sql[i] != '\n')
                {
                    i++;
                }
            }
            else if (c == '/' && Peek(sql, i + 1) == '*')
            {
                var end = sql.IndexOf("*/", i + 2, System.StringComparison.Ordinal);
                i = end < 0 ? sql.Length : end + 2;
            }
            else if (c == '\'')
            {
                tokens.Add(new SqlToken(SqlTokenKind.String, ReadQuoted(sql, ref i, '\'')));
            }
            else if (c is '"' or '`')
            {
                tokens.Add(new SqlToken(SqlTokenKind.QuotedIdentifier, ReadQuoted(sql, ref i, c)));
            }
            else if (c == '[')
            {
                tokens.Add(new SqlToken(SqlTokenKind.QuotedIdentifier, ReadQuoted(sql, ref i, ']')));
            }
            else if (c == '$' && DollarTag(sql, i) is { } tag)
            {
                var end = sql.IndexOf(tag, i + tag.Length, System.StringComparison.Ordinal);
                var stop = end < 0 ? sql.Length : end;
                tokens.Add(new SqlToken(SqlTokenKind.String, sql.Substring(i + tag.Length, stop - i - tag.Length)));
                i = end < 0 ? sql.Length : end + tag.Length;
            }
            else if (IsWordStart(c))
            {
                var start = i;
                while (i < sql.Length && IsWordPart(sql[i]))
                {
                    i++;
                }

                tokens.Add(new SqlToken(SqlTokenKind.Word, sql.Substring(start, i - start)));
            }
            else if (char.IsDigit(c))
            {
                var start = i;
                while (i < sql.Length && (char.IsLetterOrDigit(sql[i]) || sql[i] == '.'))
                {
                    i++;
                }

                tokens.Add(new SqlToken(SqlTokenKind.Number, sql.Substring(start, i - start)));
            }
            else
            {
                tokens.Add(new SqlToken(SqlTokenKind.Symbol, c.ToString()));
                i++;
            }
        }

        return tokens.ToImmutable();
    }

    /// <summary>Reads from the opening quote at <paramref name="i"/> to <paramref name="close"/>; a doubled close quote escapes it.</summary>
    private static string ReadQuoted(string sql, ref int i, char close)
    {
        var text = new StringBuilder();
        i++;
        while (i < sql.Length)
        {
            if (sql[i] == close)
            {
                if (Peek(sql, i + 1) == close)
                {
                    text.Append(close);
                    i += 2;
                    continue;
                }

                i++;
                return text.ToString();
            }

            text.Append(sql[i]);
            i++;
        }

        return text.ToString();
    }

    /// <summary>A PostgreSQL dollar-quote opener (<c>$$</c> or <c>$tag$</c>) at <paramref name="i"/>, or null.</summary>
    private static string? DollarTag(string sql, int i)
    {
        var j = i + 1;
        while (j < sql.Length && (char.IsLetterOrDigit(sql[j]) || sql[j] == '_'))
        {
            j++;
        }

        return j < sql.Length && sql[j] == '$' && !char.IsDigit(Peek(sql, i + 1)) ? sql.Substring(i, j - i + 1) : null;
    }

    private static char Peek(string sql, int i) => i < sql.Length ? sql[i] : '\0';

    private static bool IsWordStart(char c) => char.IsLetter(c) || c is '_' or '@' or '#';

    private static bool IsWordPart(char c) => char.IsLetterOrDigit(c) || c is '_' or '$' or '@' or '#';
}
