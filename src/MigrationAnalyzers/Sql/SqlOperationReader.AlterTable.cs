using System;
using System.Collections.Immutable;
using System.Text;
using MigrationAnalyzers.Configuration;
using K = MigrationAnalyzers.Model.MigrationOperationKind;

namespace MigrationAnalyzers.Sql;

internal static partial class SqlOperationReader
{
    /// <summary>ALTER TABLE and its actions, and the column definitions they carry.</summary>
    private sealed partial class Reading
    {
        private void AlterTable()
        {
            var i = SqlStatementReader.Skip(_tokens, SqlStatementReader.SkipIfExists(_tokens, 2), "ONLY");
            var table = SqlStatementReader.ReadName(_tokens, i, out i);
            if (Known(table) is not { } known)
            {
                return;
            }

            if (i < _tokens.Length && _tokens[i].Text == "*")
            {
                i++;
            }

            var depth = _tokens[0].Depth;
            var mode = string.Empty;
            while (i < _tokens.Length)
            {
                var end = i;
                while (end < _tokens.Length && !(_tokens[end].Kind == SqlTokenKind.Comma && _tokens[end].Depth == depth))
                {
                    end++;
                }

                mode = Action(known, i, end, mode);
                i = end + 1;
            }
        }

        /// <summary>One comma-separated ALTER TABLE action; returns the mode a T-SQL continuation (<c>ADD a int, b int</c>) carries on.</summary>
        private string Action(SqlName table, int i, int end, string mode)
        {
            if (At(i, "WITH") && (At(i + 1, "CHECK") || At(i + 1, "NOCHECK")))
            {
                i += 2;
            }

            if (i >= end)
            {
                Unread(table);
                return string.Empty;
            }

            var first = _tokens[i];
            if (first.Is("ADD"))
            {
                Add(table, i + 1, end);
                return "ADD";
            }

            if (first.Is("DROP"))
            {
                return DropAction(table, i + 1, end);
            }

            if (first.Is("ALTER"))
            {
                AlterColumn(table, SqlStatementReader.Skip(_tokens, i + 1, "COLUMN"), end);
                return string.Empty;
            }

            if (first.Is("MODIFY"))
            {
                ColumnDefinition(ImmutableArray.Create(K.AlterColumn), table, SqlStatementReader.Skip(_tokens, i + 1, "COLUMN"), end);
                return string.Empty;
            }

            if (first.Is("CHANGE"))
            {
                Change(table, SqlStatementReader.Skip(_tokens, i + 1, "COLUMN"), end);
                return string.Empty;
            }

            if (first.Is("RENAME"))
            {
                Rename(table, i + 1, end);
                return string.Empty;
            }

            if (first.Is("SET") && At(i + 1, "SCHEMA") && SqlStatementReader.ReadName(_tokens, i + 2, out _) is { Name: { } schema })
            {
                var move = Add(ImmutableArray.Create(K.RenameTable), table);
                move.NewName = table.Name;
                move.NewSchema = schema;
                return string.Empty;
            }

            if (first.IsIn(NeutralActions))
            {
                return string.Empty;
            }

            if (mode == "ADD" && (first.IsIdentifierLike || first.Is("CONSTRAINT")))
            {
                Add(table, i, end);
                return mode;
            }

            if (mode == "DROP COLUMN" && (first.Is("COLUMN") || first.IsIdentifierLike))
            {
                DropColumn(table, SqlStatementReader.Skip(_tokens, i, "COLUMN"));
                return mode;
            }

            Unread(table);
            return string.Empty;
        }

        private void Add(SqlName table, int i, int end)
        {
            if (At(i, "COLUMN"))
            {
                ColumnDefinition(ImmutableArray.Create(K.AddColumn), table, SqlStatementReader.SkipIfExists(_tokens, i + 1), end);
                return;
            }

            if (At(i, "CONSTRAINT") && SqlStatementReader.ReadName(_tokens, i + 1, out var body) is { } name)
            {
                Constraint(table, name.Name, body, end);
                return;
            }

            if (At(i, "PRIMARY") || At(i, "FOREIGN") || At(i, "UNIQUE") || At(i, "CHECK") || At(i, "INDEX") || At(i, "KEY"))
            {
                Constraint(table, null, i, end);
                return;
            }

            if (i < end && _tokens[i].IsIdentifierLike && !_tokens[i].IsIn(SqlKeywords.AlterTableActions) && !_tokens[i].IsIn(SqlKeywords.NonColumnDrops))
            {
                ColumnDefinition(ImmutableArray.Create(K.AddColumn), table, i, end);
                return;
            }

            Unread(table);
        }

        /// <summary>PRIMARY KEY (…), UNIQUE (…), FOREIGN KEY (…) REFERENCES p (…), CHECK (…), DEFAULT x FOR c, MySQL's INDEX n (…).</summary>
        private void Constraint(SqlName table, string? name, int i, int end)
        {
            SqlOperation operation;
            if (At(i, "PRIMARY") && At(i + 1, "KEY"))
            {
                operation = Add(ImmutableArray.Create(K.AddPrimaryKey), table);
                operation.IsUnique = true;
            }
            else if (At(i, "UNIQUE") && (At(i + 1, "INDEX") || At(i + 1, "KEY")) || At(i, "INDEX") || At(i, "KEY"))
            {
                // MySQL: ADD [UNIQUE] INDEX|KEY [n] (…) creates an index.
                operation = Add(ImmutableArray.Create(K.CreateIndex), table);
                operation.IsUnique = At(i, "UNIQUE");
                var at = At(i, "UNIQUE") ? i + 2 : i + 1;
                if (at < end && _tokens[at].IsIdentifierLike)
                {
                    name ??= SqlStatementReader.ReadName(_tokens, at, out _)?.Name;
                }
            }
            else if (At(i, "UNIQUE"))
            {
                operation = Add(ImmutableArray.Create(K.AddUniqueConstraint), table);
                operation.IsUnique = true;
            }
            else if (At(i, "FOREIGN") && At(i + 1, "KEY"))
            {
                operation = Add(ImmutableArray.Create(K.AddForeignKey), table);
                var references = FindWord("REFERENCES", i, end);
                if (references > 0 && SqlStatementReader.ReadName(_tokens, references + 1, out var afterPrincipal) is { } principal)
                {
                    operation.PrincipalTable = principal;
                    operation.PrincipalColumns = afterPrincipal < end && _tokens[afterPrincipal].Kind == SqlTokenKind.OpenParen
                        ? ColumnList(afterPrincipal)
                        : ImmutableArray<string>.Empty;
                }
            }
            else if (At(i, "CHECK"))
            {
                operation = Add(ImmutableArray.Create(K.AddCheckConstraint), table);
            }
            else if (At(i, "DEFAULT") && FindWord("FOR", i, end) is var forIndex && forIndex > 0 &&
                     SqlStatementReader.ReadName(_tokens, forIndex + 1, out _) is { Name: { } column })
            {
                // SQL Server: a default constraint is part of the column's definition.
                operation = Add(ImmutableArray.Create(K.AlterColumn), table);
                operation.Name = column;
                operation.Column = new SqlColumnDefinition { Default = Slice(i + 1, forIndex) };
                return;
            }
            else
            {
                Unread(table);
                return;
            }

            operation.Name = name;
            if (operation.Kind != K.AddCheckConstraint)
            {
                var open = IndexOfKind(i, SqlTokenKind.OpenParen, end);
                operation.Columns = open < 0 ? ImmutableArray<string>.Empty : ColumnList(open);
            }
        }

        private string DropAction(SqlName table, int i, int end)
        {
            if (At(i, "COLUMN"))
            {
                DropColumn(table, i + 1);
                return "DROP COLUMN";
            }

            if (At(i, "CONSTRAINT"))
            {
                DropNamed(AnyConstraintDrop, table, i + 1);
                return string.Empty;
            }

            if (At(i, "PRIMARY") && At(i + 1, "KEY"))
            {
                Add(ImmutableArray.Create(K.DropPrimaryKey), table);
                return string.Empty;
            }

            if (At(i, "FOREIGN") && At(i + 1, "KEY"))
            {
                DropNamed(ImmutableArray.Create(K.DropForeignKey), table, i + 2);
                return string.Empty;
            }

            if (At(i, "INDEX") || At(i, "KEY"))
            {
                DropNamed(ImmutableArray.Create(K.DropIndex), table, i + 1);
                return string.Empty;
            }

            if (At(i, "CHECK"))
            {
                DropNamed(ImmutableArray.Create(K.DropCheckConstraint), table, i + 1);
                return string.Empty;
            }

            if (i < end && _tokens[i].IsIdentifierLike && !_tokens[i].IsIn(SqlKeywords.NonColumnDrops))
            {
                // A bare name: a constraint on SQL Server, a column elsewhere, either when the provider is not known.
                var kinds = _provider switch
                {
                    DatabaseProvider.SqlServer => AnyConstraintDrop,
                    DatabaseProvider.Unknown => ColumnOrConstraintDrop,
                    _ => ImmutableArray.Create(K.DropColumn),
                };
                DropNamed(kinds, table, i);
                return kinds[0] == K.DropColumn ? "DROP COLUMN" : string.Empty;
            }

            Unread(table);
            return string.Empty;
        }

        private void DropColumn(SqlName table, int i) => DropNamed(ImmutableArray.Create(K.DropColumn), table, i);

        private void DropNamed(ImmutableArray<K> kinds, SqlName table, int i)
        {
            var conditional = At(i, "IF");
            if (SqlStatementReader.ReadName(_tokens, SqlStatementReader.SkipIfExists(_tokens, i), out _) is not { Name: { } name })
            {
                Unread(table);
                return;
            }

            var operation = Add(kinds, table);
            operation.Name = name;
            operation.IsConditional = conditional;
        }

        /// <summary>
        /// ALTER [COLUMN] c: PostgreSQL's TYPE / SET DATA TYPE / SET|DROP NOT NULL / SET|DROP DEFAULT, SQL Server's
        /// full redefinition (<c>ALTER COLUMN c nvarchar(100) NOT NULL</c>).
        /// </summary>
        private void AlterColumn(SqlName table, int i, int end)
        {
            if (SqlStatementReader.ReadName(_tokens, i, out var next) is not { Name: { } column })
            {
                Unread(table);
                return;
            }

            var definition = new SqlColumnDefinition();
            if (At(next, "TYPE") || (At(next, "SET") && At(next + 1, "DATA") && At(next + 2, "TYPE")))
            {
                var start = At(next, "TYPE") ? next + 1 : next + 3;
                definition.StoreType = StoreType(start, end, out _);
            }
            else if (At(next, "SET") && At(next + 1, "NOT") && At(next + 2, "NULL"))
            {
                definition.IsNullable = false;
            }
            else if (At(next, "DROP") && At(next + 1, "NOT") && At(next + 2, "NULL"))
            {
                definition.IsNullable = true;
            }
            else if (At(next, "SET") && At(next + 1, "DEFAULT"))
            {
                definition.Default = Slice(next + 2, end);
            }
            else if (At(next, "DROP") && At(next + 1, "DEFAULT"))
            {
                definition.DropsDefault = true;
            }
            else if (next < end && _tokens[next].Kind == SqlTokenKind.Word && !_tokens[next].Is("SET") && !_tokens[next].Is("DROP") &&
                     !_tokens[next].Is("ADD") && !_tokens[next].Is("RESTART") && !_tokens[next].Is("RESET"))
            {
                // SQL Server: the column's whole new definition.
                definition = Definition(next, end);
            }

            var operation = Add(ImmutableArray.Create(K.AlterColumn), table);
            operation.Name = column;
            operation.Column = definition;
        }

        /// <summary>MySQL: CHANGE [COLUMN] old new definition — a rename when the names differ, and a redefinition.</summary>
        private void Change(SqlName table, int i, int end)
        {
            if (SqlStatementReader.ReadName(_tokens, i, out var next) is not { Name: { } oldName } ||
                SqlStatementReader.ReadName(_tokens, next, out var definitionStart) is not { Name: { } newName })
            {
                Unread(table);
                return;
            }

            if (!string.Equals(oldName, newName, StringComparison.OrdinalIgnoreCase))
            {
                var rename = Add(ImmutableArray.Create(K.RenameColumn), table);
                rename.Name = oldName;
                rename.NewName = newName;
            }

            var alter = Add(ImmutableArray.Create(K.AlterColumn), table);
            alter.Name = newName;
            alter.Column = Definition(definitionStart, end);
        }

        /// <summary>RENAME TO n | RENAME AS n | RENAME n (MySQL) | RENAME [COLUMN] a TO b | RENAME INDEX|KEY a TO b.</summary>
        private void Rename(SqlName table, int i, int end)
        {
            if (At(i, "TO") || At(i, "AS"))
            {
                RenameTable(table, i + 1);
                return;
            }

            var kind = At(i, "INDEX") || At(i, "KEY") ? K.RenameIndex : K.RenameColumn;
            if (At(i, "CONSTRAINT"))
            {
                Unread(table);
                return;
            }

            var at = kind == K.RenameIndex || At(i, "COLUMN") ? i + 1 : i;
            if (SqlStatementReader.ReadName(_tokens, at, out var next) is not { Name: { } from })
            {
                Unread(table);
                return;
            }

            if (!At(next, "TO"))
            {
                // MySQL: ALTER TABLE t RENAME n.
                if (next == end && kind == K.RenameColumn && at == i)
                {
                    RenameTable(table, i);
                    return;
                }

                Unread(table);
                return;
            }

            if (SqlStatementReader.ReadName(_tokens, next + 1, out _) is not { Name: { } to })
            {
                Unread(table);
                return;
            }

            var operation = Add(ImmutableArray.Create(kind), table);
            operation.Name = from;
            operation.NewName = to;
        }

        private void RenameTable(SqlName table, int i)
        {
            if (SqlStatementReader.ReadName(_tokens, i, out _) is not { Name: { } newName } target)
            {
                Unread(table);
                return;
            }

            var operation = Add(ImmutableArray.Create(K.RenameTable), table);
            operation.NewName = newName;
            operation.NewSchema = target.HasSchema ? target.Schema : null;
        }

        /// <summary>A column definition at <paramref name="i"/>: <c>name type [constraints]</c>.</summary>
        private void ColumnDefinition(ImmutableArray<K> kinds, SqlName table, int i, int end)
        {
            if (SqlStatementReader.ReadName(_tokens, i, out var next) is not { Name: { } column })
            {
                Unread(table);
                return;
            }

            var operation = Add(kinds, table);
            operation.Name = column;
            operation.Column = Definition(next, end);
            operation.IsConditional = At(i - 1, "EXISTS");
        }

        /// <summary>The type and constraints after a column's name.</summary>
        private SqlColumnDefinition Definition(int i, int end)
        {
            var definition = new SqlColumnDefinition { StoreType = StoreType(i, end, out var at) };
            var type = definition.StoreType?.ToLowerInvariant();
            definition.IsIdentity = type is "serial" or "bigserial" or "smallserial" or "serial4" or "serial8" or "serial2";
            var depth = i < _tokens.Length ? _tokens[i].Depth : 0;
            while (at < end)
            {
                var token = _tokens[at];
                if (token.Depth != depth)
                {
                    at++;
                    continue;
                }

                if (token.Is("NOT") && At(at + 1, "NULL"))
                {
                    definition.IsNullable = false;
                    at += 2;
                    continue;
                }

                if (token.Is("NULL"))
                {
                    definition.IsNullable ??= true;
                }
                else if (token.Is("DEFAULT"))
                {
                    var valueEnd = at + 1;
                    while (valueEnd < end && !(_tokens[valueEnd].Depth == depth && valueEnd > at + 1 && _tokens[valueEnd].IsIn(ColumnConstraintWords)))
                    {
                        valueEnd++;
                    }

                    definition.Default = Slice(at + 1, valueEnd);
                    at = valueEnd;
                    continue;
                }
                else if (token.Is("IDENTITY") || token.Is("AUTO_INCREMENT") || token.Is("AUTOINCREMENT"))
                {
                    definition.IsIdentity = true;
                }
                else if (token.Is("GENERATED"))
                {
                    var identity = FindWord("IDENTITY", at, end);
                    definition.IsIdentity |= identity > 0;
                    definition.IsComputed |= identity < 0;
                }
                else if (token.Is("AS") && at + 1 < end && _tokens[at + 1].Kind == SqlTokenKind.OpenParen)
                {
                    definition.IsComputed = true;
                }
                else if (token.Is("PRIMARY") && At(at + 1, "KEY"))
                {
                    definition.IsPrimaryKey = true;
                }

                at++;
            }

            return definition;
        }

        /// <summary>The type's tokens from <paramref name="i"/> up to the first constraint word, as one normalised string.</summary>
        private string? StoreType(int i, int end, out int next)
        {
            var builder = new StringBuilder();
            var depth = i < _tokens.Length ? _tokens[i].Depth : 0;
            next = i;
            while (next < end)
            {
                var token = _tokens[next];
                // PostgreSQL's timestamp/time WITH TIME ZONE: the WITH is the type's, not a constraint's.
                if (token.Depth == depth && token.Kind is not (SqlTokenKind.OpenParen or SqlTokenKind.CloseParen) &&
                    ((token.IsIn(ColumnConstraintWords) && !IsWithTimeZone(next)) || (token.Is("CHARACTER") && At(next + 1, "SET"))))
                {
                    break;
                }

                if (builder.Length > 0 && token.Kind is not (SqlTokenKind.OpenParen or SqlTokenKind.CloseParen or SqlTokenKind.Comma) &&
                    _tokens[next - 1].Kind is not (SqlTokenKind.OpenParen or SqlTokenKind.Comma))
                {
                    builder.Append(' ');
                }

                builder.Append(token.Kind == SqlTokenKind.QuotedIdentifier ? token.Value : token.Text);
                next++;
            }

            return builder.Length == 0 ? null : builder.ToString();
        }

        private bool IsWithTimeZone(int i) => At(i, "WITH") && At(i + 1, "TIME") && At(i + 2, "ZONE");
    }
}
