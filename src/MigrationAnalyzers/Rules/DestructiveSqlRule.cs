using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using MigrationAnalyzers.Configuration;
using MigrationAnalyzers.Model;
using MigrationAnalyzers.Sql;

namespace MigrationAnalyzers.Rules;

/// <summary>
/// MIG080: a <c>Sql(…)</c> in Up whose SQL destroys data: DROP TABLE / SCHEMA / DATABASE, TRUNCATE, DELETE
/// without WHERE (<c>ALTER TABLE … DROP COLUMN</c> is the same change as <c>DropColumn</c>: MIG002 reports it;
/// a column type change is MIG005's or MIG064's).
/// The SQL is tokenized (<see cref="SqlScript"/>), so words in comments, strings and quoted identifiers never count. Not destructive: what this Up created itself
/// (a table by CreateTable or CREATE TABLE), temporary tables, a table whose rows an
/// earlier statement copied elsewhere (INSERT … SELECT FROM it).
/// </summary>
public sealed class DestructiveSqlRule : MigrationRuleAnalyzer
{
    internal static readonly DiagnosticDescriptor Rule = RuleDescriptor.Create(
        RuleIdentifiers.DestructiveSql,
        title: "Raw SQL in Up destroys data",
        messageFormat: "Sql runs '{0}', which {1}{2}; copy or archive the data first{3}, and suppress MIG080 to acknowledge an intended loss",
        DiagnosticCategories.Conventions,
        DiagnosticSeverity.Warning,
        description: "A DROP TABLE/SCHEMA/DATABASE, TRUNCATE or DELETE without WHERE inside migrationBuilder.Sql destroys data on every database the migration reaches, and no Down can bring it back. Backfill UPDATEs are not flagged.");

    /// <summary>The message's hint for a statement that can have a WHERE.</summary>
    internal const string MissingWhereHint = " (or add the missing WHERE)";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    private protected override void Analyze(MigrationRuleContext context)
    {
        var state = new UpState();
        var operations = context.Migration.Up.Operations;
        for (var i = 0; i < operations.Length; i++)
        {
            var operation = operations[i];
            if (operation.Kind == MigrationOperationKind.CreateTable && operation.Table is { } created)
            {
                state.CreatedTables.Add((operation.Schema, created));
                continue;
            }

            if (operation.Kind != MigrationOperationKind.Sql || !context.MayRun(operation) || SqlScript.For(operation) is not { } script)
            {
                continue;
            }

            SqlStatement? first = null;
            string? loss = null;
            var count = 0;
            foreach (var statement in script.AllStatements)
            {
                if (state.Loss(statement) is { } what)
                {
                    count++;
                    if (first is null)
                    {
                        first = statement;
                        loss = what;
                    }
                }

                state.Record(statement);
            }

            if (first is not null)
            {
                var more = count > 1 ? $" (and {count - 1} more destructive statement{(count > 2 ? "s" : string.Empty)})" : string.Empty;
                // Only a DELETE (or UPDATE) can be missing its WHERE; a DROP or TRUNCATE has none to add.
                var where = first.Keyword is "DELETE" or "UPDATE" ? MissingWhereHint : string.Empty;
                context.Report(Rule, operation.Location, SqlHoles.Render(first.ShortText(), operation), SqlHoles.Render(loss!, operation), more, where);
            }
        }
    }

    /// <summary>What this Up has done so far that makes a later drop or delete harmless.</summary>
    private sealed class UpState
    {
        public List<(string? Schema, string Table)> CreatedTables { get; } = new();

        private List<SqlName> SqlCreatedTables { get; } = new();

        /// <summary>Tables whose rows an earlier statement copied into another table.</summary>
        private List<SqlName> CopiedTables { get; } = new();

        /// <summary>What the statement destroys, for the message; null when nothing that existed before this Up.</summary>
        public string? Loss(SqlStatement statement)
        {
            if (statement.IsRoutineDefinition)
            {
                return null;
            }

            switch (statement.Keyword)
            {
                case "DROP" when statement.ObjectKind == SqlObjectKind.Table && !statement.IsTemporary:
                    var tables = Existing(statement.Targets, exemptCopied: true);
                    return tables is null ? null : tables.Count == 1
                        ? $"deletes table {tables[0]} and every row in it"
                        : $"deletes tables {string.Join(", ", tables)} and every row in them";
                case "DROP" when statement.ObjectKind == SqlObjectKind.Schema:
                    return $"deletes schema {Names(statement.Targets)} and every table in it";
                case "DROP" when statement.ObjectKind == SqlObjectKind.Database:
                    return $"deletes database {Names(statement.Targets)}";
                case "TRUNCATE":
                    var truncated = Existing(statement.Targets, exemptCopied: false);
                    return truncated is null ? null : $"deletes every row of {string.Join(", ", truncated)}";
                case "DELETE" when statement.DeletesAllRows:
                    var deleted = Existing(statement.Targets, exemptCopied: false);
                    return deleted is null ? null : $"deletes every row of {string.Join(", ", deleted)}";
                default:
                    return null;
            }
        }

        public void Record(SqlStatement statement)
        {
            if (statement.Keyword == "CREATE" && statement.ObjectKind == SqlObjectKind.Table)
            {
                SqlCreatedTables.AddRange(statement.Targets);
            }

            var copies = statement.Kind == SqlStatementKind.Insert ||
                (statement.Keyword == "CREATE" && statement.ObjectKind == SqlObjectKind.Table) ||
                (statement.Kind == SqlStatementKind.Select && HasInto(statement));
            if (copies)
            {
                foreach (var source in statement.Sources)
                {
                    if (statement.Target is not { } target || !target.Matches(source))
                    {
                        CopiedTables.Add(source);
                    }
                }
            }
        }

        /// <summary>The names (as written) of the tables that existed before this Up; null when none.</summary>
        private List<string>? Existing(ImmutableArray<SqlName> tables, bool exemptCopied)
        {
            var names = new List<string>();
            foreach (var table in tables)
            {
                if (table.IsTemporary || IsCreated(table) || (exemptCopied && CopiedTables.Exists(table.Matches)))
                {
                    continue;
                }

                names.Add(table.Text);
            }

            return names.Count == 0 ? null : names;
        }

        private bool IsCreated(SqlName table)
        {
            foreach (var (schema, name) in CreatedTables)
            {
                if (table.Matches(schema, name))
                {
                    return true;
                }
            }

            return SqlCreatedTables.Exists(table.Matches);
        }

        private static string Names(ImmutableArray<SqlName> names)
        {
            var texts = new List<string>();
            foreach (var name in names)
            {
                texts.Add(name.Text);
            }

            return texts.Count == 0 ? "?" : string.Join(", ", texts);
        }

        private static bool HasInto(SqlStatement statement)
        {
            foreach (var token in statement.Tokens)
            {
                if (token.Depth == statement.Tokens[0].Depth && token.Is("INTO"))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
