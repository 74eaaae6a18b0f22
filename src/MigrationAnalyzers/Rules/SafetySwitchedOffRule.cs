using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using MigrationAnalyzers.Model;
using MigrationAnalyzers.Sql;

namespace MigrationAnalyzers.Rules;

/// <summary>
/// MIG084: a <c>Sql</c> in Up that switches a safety off — <c>NOCHECK CONSTRAINT</c> and <c>DISABLE TRIGGER</c>
/// (SQL Server, PostgreSQL), <c>SET FOREIGN_KEY_CHECKS = 0</c> (MySQL), <c>session_replication_role = replica</c>
/// (PostgreSQL), <c>PRAGMA foreign_keys = OFF</c> (SQLite) — with nothing later in the same Up that turns it
/// back on. A disable/re-enable pair around a rebuild or a bulk load is the known pattern and stays silent.
/// Each syntax names its own dialect, so the rule needs no provider.
/// </summary>
public sealed class SafetySwitchedOffRule : MigrationRuleAnalyzer
{
    internal static readonly DiagnosticDescriptor Rule = RuleDescriptor.Create(
        RuleIdentifiers.SafetySwitchedOff,
        title: "Raw SQL switches a safety check off",
        messageFormat: "Sql runs '{0}' and nothing later in this Up turns it back on: {1}; re-enable it in the same Up (validating existing rows), or suppress MIG084 if that is intended",
        DiagnosticCategories.Conventions,
        DiagnosticSeverity.Warning,
        description: "Disabling constraint checks, triggers or foreign key enforcement in a migration lets rows that break them in, and they stay after the check is back. Left off, the database runs without the check from then on.");

    private enum Switch
    {
        Constraint,
        Trigger,
        ForeignKeyChecks,
        ReplicationRole,
        SqliteForeignKeys,
    }

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    private protected override void Analyze(MigrationRuleContext context)
    {
        var open = new List<(Switch Kind, SqlName? Table, SqlStatement Statement, MigrationOperation Operation)>();
        foreach (var operation in context.Migration.Up.Operations)
        {
            if (operation.Kind != MigrationOperationKind.Sql || !context.MayRun(operation) || SqlScript.For(operation) is not { } script)
            {
                continue;
            }

            foreach (var statement in script.AllStatements)
            {
                var table = statement.Keyword == "ALTER" && statement.ObjectKind == SqlObjectKind.Table ? statement.Target : null;
                foreach (var (kind, off) in Switches(statement.Tokens))
                {
                    if (off)
                    {
                        open.Add((kind, table, statement, operation));
                    }
                    else
                    {
                        // Re-enabled: on the same table, or anywhere when either side names none.
                        open.RemoveAll(o => o.Kind == kind && (o.Table is null || table is null || o.Table.Matches(table)));
                    }
                }
            }
        }

        var reported = new HashSet<MigrationOperation>();
        foreach (var (kind, _, statement, operation) in open)
        {
            if (reported.Add(operation))
            {
                context.Report(Rule, operation.Location, SqlHoles.Render(statement.ShortText(), operation), Consequence(kind));
            }
        }
    }

    private static string Consequence(Switch kind) => kind switch
    {
        Switch.Constraint => "the constraint stays disabled after the migration, so rows that break it get in and stay",
        Switch.Trigger => "the trigger stays disabled after the migration, so what it enforces or records is skipped for every later write",
        _ => "foreign keys go unchecked for the rest of the session (every later migration of the run), so rows that break them get in and stay",
    };

    /// <summary>The switches a statement flips, in order: (kind, true = off).</summary>
    private static IEnumerable<(Switch Kind, bool Off)> Switches(ImmutableArray<SqlToken> tokens)
    {
        for (var i = 0; i < tokens.Length; i++)
        {
            var token = tokens[i];
            var next = i + 1 < tokens.Length ? tokens[i + 1] : default;
            if (token.Is("NOCHECK") && next.Is("CONSTRAINT"))
            {
                yield return (Switch.Constraint, true);
            }
            else if (token.Is("CHECK") && next.Is("CONSTRAINT"))
            {
                yield return (Switch.Constraint, false);
            }
            else if ((token.Is("DISABLE") || token.Is("ENABLE")) && next.Is("TRIGGER"))
            {
                yield return (Switch.Trigger, token.Is("DISABLE"));
            }
            else if (token.Kind == SqlTokenKind.Word && Setting(token) is { } setting && i > 0 && tokens[i - 1].Is("RESET"))
            {
                yield return (setting, false);
            }
            else if (token.Kind == SqlTokenKind.Word && Setting(token) is { } assigned && ValueAfter(tokens, i) is { } value &&
                (assigned != Switch.SqliteForeignKeys || (i > 0 && tokens[i - 1].Is("PRAGMA"))))
            {
                var off = assigned switch
                {
                    Switch.ReplicationRole => value.Equals("replica", StringComparison.OrdinalIgnoreCase) ? true : (bool?)false,
                    _ => value.ToUpperInvariant() switch
                    {
                        "0" or "OFF" or "FALSE" or "NO" => true,
                        "1" or "ON" or "TRUE" or "YES" => false,
                        _ => null,
                    },
                };
                if (off is { } isOff)
                {
                    yield return (assigned, isOff);
                }
            }
        }
    }

    private static Switch? Setting(SqlToken token) => token.Value.TrimStart('@').ToUpperInvariant() switch
    {
        "FOREIGN_KEY_CHECKS" => Switch.ForeignKeyChecks,
        "SESSION_REPLICATION_ROLE" => Switch.ReplicationRole,
        "FOREIGN_KEYS" => Switch.SqliteForeignKeys,
        _ => null,
    };

    /// <summary>The value of <c>name = v</c> / <c>name TO v</c>: a word, number or string; null otherwise.</summary>
    private static string? ValueAfter(ImmutableArray<SqlToken> tokens, int index)
    {
        if (index + 2 >= tokens.Length || !(tokens[index + 1].Text == "=" || tokens[index + 1].Is("TO")))
        {
            return null;
        }

        var value = tokens[index + 2];
        return value.Kind is SqlTokenKind.Word or SqlTokenKind.Number or SqlTokenKind.String ? value.Value : null;
    }
}
