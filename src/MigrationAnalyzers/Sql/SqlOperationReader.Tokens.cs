using System;
using System.Collections.Immutable;

namespace MigrationAnalyzers.Sql;

internal static partial class SqlOperationReader
{
    /// <summary>The cursor over a statement's tokens: keyword tests, searches, column lists, slices.</summary>
    private sealed partial class Reading
    {
        /// <summary>
        /// The plain column names inside the parentheses at <paramref name="open"/> (<c>(a, "b" DESC)</c>);
        /// default when an element is an expression (<c>lower(a)</c>, a MySQL prefix length).
        /// </summary>
        private ImmutableArray<string> ColumnList(int open)
        {
            var depth = _tokens[open].Depth + 1;
            var columns = ImmutableArray.CreateBuilder<string>();
            var i = open + 1;
            while (i < _tokens.Length && !(_tokens[i].Kind == SqlTokenKind.CloseParen && _tokens[i].Depth == depth - 1))
            {
                if (!_tokens[i].IsIdentifierLike || _tokens[i].Kind == SqlTokenKind.Placeholder)
                {
                    return default;
                }

                columns.Add(_tokens[i].Value);
                i++;

                // ASC, DESC, NULLS FIRST, COLLATE "C", an operator class: words that qualify the column.
                while (i < _tokens.Length && _tokens[i].Kind is SqlTokenKind.Word or SqlTokenKind.QuotedIdentifier && _tokens[i].Depth == depth)
                {
                    i++;
                }

                if (i < _tokens.Length && _tokens[i].Kind == SqlTokenKind.Comma && _tokens[i].Depth == depth)
                {
                    i++;
                }
                else if (!(i < _tokens.Length && _tokens[i].Kind == SqlTokenKind.CloseParen && _tokens[i].Depth == depth - 1))
                {
                    return default;
                }
            }

            return columns.ToImmutable();
        }

        /// <summary>The column names of a CREATE TABLE body (table constraints skipped).</summary>
        private ImmutableArray<string> TableColumnNames(int open)
        {
            var depth = _tokens[open].Depth + 1;
            var names = ImmutableArray.CreateBuilder<string>();
            var expectName = true;
            for (var i = open + 1; i < _tokens.Length && !(_tokens[i].Kind == SqlTokenKind.CloseParen && _tokens[i].Depth == depth - 1); i++)
            {
                var token = _tokens[i];
                if (token.Depth != depth)
                {
                    continue;
                }

                if (expectName && token.IsIdentifierLike &&
                    !(token.Is("CONSTRAINT") || token.Is("PRIMARY") || token.Is("FOREIGN") || token.Is("UNIQUE") || token.Is("CHECK") || token.Is("INDEX") || token.Is("KEY")))
                {
                    names.Add(token.Value);
                }

                expectName = token.Kind == SqlTokenKind.Comma;
            }

            return names.ToImmutable();
        }

        private bool HasIfExists() => FindWord("IF") is var i && i > 0 && (At(i + 1, "EXISTS") || (At(i + 1, "NOT") && At(i + 2, "EXISTS")));

        private bool At(int i, string word) => i >= 0 && i < _tokens.Length && _tokens[i].Is(word);

        private int FindWord(string word, int start = 0, int end = int.MaxValue)
        {
            for (var i = Math.Max(start, 0); i < _tokens.Length && i < end; i++)
            {
                if (_tokens[i].Is(word))
                {
                    return i;
                }
            }

            return -1;
        }

        private int FindWordAtDepth(string word, int start)
        {
            var depth = _tokens.IsEmpty ? 0 : _tokens[0].Depth;
            for (var i = Math.Max(start, 0); i < _tokens.Length; i++)
            {
                if (_tokens[i].Depth == depth && _tokens[i].Is(word))
                {
                    return i;
                }
            }

            return -1;
        }

        private int IndexOfKind(int start, SqlTokenKind kind, int end = int.MaxValue)
        {
            for (var i = Math.Max(start, 0); i < _tokens.Length && i < end; i++)
            {
                if (_tokens[i].Kind == kind)
                {
                    return i;
                }
            }

            return -1;
        }

        private ImmutableArray<SqlToken> Slice(int start, int end) =>
            start >= end || start >= _tokens.Length ? ImmutableArray<SqlToken>.Empty : ImmutableArray.Create(_tokens, start, Math.Min(end, _tokens.Length) - start);

        /// <summary>Every part but the last: the table of <c>t.c</c>, the schema-qualified table of <c>s.t.c</c>.</summary>
        private static SqlName Prefix(SqlName name)
        {
            var parts = name.Parts.RemoveAt(name.Parts.Length - 1);
            var text = name.Text;
            var dot = text.LastIndexOf('.');
            return new SqlName(parts, dot > 0 ? text.Substring(0, dot) : text);
        }
    }
}
