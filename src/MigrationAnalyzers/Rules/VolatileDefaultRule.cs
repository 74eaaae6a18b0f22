using System;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using MigrationAnalyzers.Configuration;
using MigrationAnalyzers.Model;

namespace MigrationAnalyzers.Rules;

/// <summary>
/// MIG065: <c>AddColumn</c> on an existing PostgreSQL table with a <c>defaultValueSql</c> that calls
/// a time or random function. Since PostgreSQL 11 a non-volatile default is evaluated once and kept
/// in the catalog (no rewrite); a VOLATILE one (clock_timestamp(), random(), gen_random_uuid()…)
/// is computed per row, which rewrites the table and its indexes under ACCESS EXCLUSIVE. now() and
/// its STABLE relatives do not rewrite, but give every existing row the same migration-time value:
/// the SPEC lists them as triggers, and the message says precisely which of the two happens.
/// </summary>
[ReadsOptions(MigrationAnalyzerOptions.ProviderKey)]
public sealed class VolatileDefaultRule : MigrationRuleAnalyzer
{
    internal static readonly DiagnosticDescriptor Rule = RuleDescriptor.Create(
        RuleIdentifiers.VolatileDefault,
        title: "Column added with a volatile default",
        messageFormat: "AddColumn '{1}' on existing table '{0}' with defaultValueSql \"{2}\": {3}; add the column without the default, backfill in batches, then set the default",
        DiagnosticCategories.Locking,
        DiagnosticSeverity.Warning,
        description: "On PostgreSQL 11+ adding a column with a constant or STABLE default is a catalog change; a VOLATILE default (clock_timestamp(), random(), gen_random_uuid(), uuid_generate_v4()…) is evaluated for every row, rewriting the table under an ACCESS EXCLUSIVE lock. now()/CURRENT_TIMESTAMP are STABLE: no rewrite, but every existing row gets the migration's timestamp.");

    /// <summary>VOLATILE in pg_proc: evaluated per row, the table is rewritten.</summary>
    private static readonly ImmutableArray<string> Volatile = ImmutableArray.Create(
        "clock_timestamp(", "timeofday(", "random(", "random_normal(", "gen_random_uuid(", "gen_random_bytes(",
        "uuid_generate_v1(", "uuid_generate_v1mc(", "uuid_generate_v4(", "uuidv4(", "uuidv7(", "nextval(", "txid_current(", "setseed(");

    /// <summary>STABLE: evaluated once per statement, every existing row gets the same value.</summary>
    private static readonly ImmutableArray<string> Stable = ImmutableArray.Create(
        "now(", "current_timestamp", "current_date", "current_time", "localtimestamp", "localtime",
        "transaction_timestamp(", "statement_timestamp(");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    private protected override void Analyze(MigrationRuleContext context)
    {
        if (context.Provider != DatabaseProvider.PostgreSql)
        {
            return;
        }

        var operations = context.Migration.Up.Operations;
        for (var i = 0; i < operations.Length; i++)
        {
            var operation = operations[i];
            if (operation.Kind != MigrationOperationKind.AddColumn || !context.MayRun(operation) || operation.HasUnknownArguments || operation.Column?.HasUnknownArguments != false ||
                operation.Table is not { } table || operation.Name is not { } column ||
                operation.Column?.DefaultValueSql.AsString() is not { } sql || !context.IsExistingTable(operation.Schema, table, i))
            {
                continue;
            }

            var normalized = new string(sql.Where(c => !char.IsWhiteSpace(c)).ToArray()).ToLowerInvariant();
            string? effect = null;
            if (Volatile.Any(f => Calls(normalized, f)))
            {
                effect = "the function is VOLATILE, so PostgreSQL evaluates it for every existing row and rewrites the whole table and its indexes under an ACCESS EXCLUSIVE lock";
            }
            else if (Stable.Any(f => Calls(normalized, f)))
            {
                effect = "the function is evaluated once (STABLE): no rewrite on PostgreSQL 11+, but every existing row gets the migration's timestamp, and PostgreSQL 10 and older rewrite the table";
            }

            if (effect is not null)
            {
                context.Report(Rule, operation.Location, MigrationRuleContext.Qualified(operation.Schema, table), column, sql, effect);
            }
        }
    }

    /// <summary>The function appears as a call (not as part of a longer identifier, not inside a string literal).</summary>
    private static bool Calls(string sql, string function)
    {
        var inString = false;
        for (var i = 0; i < sql.Length; i++)
        {
            if (sql[i] == '\'')
            {
                inString = !inString;
                continue;
            }

            if (!inString && string.CompareOrdinal(sql, i, function, 0, function.Length) == 0 &&
                (i == 0 || !(char.IsLetterOrDigit(sql[i - 1]) || sql[i - 1] == '_')) &&
                (function.EndsWith("(", StringComparison.Ordinal) || i + function.Length == sql.Length || !(char.IsLetterOrDigit(sql[i + function.Length]) || sql[i + function.Length] == '_')))
            {
                return true;
            }
        }

        return false;
    }
}
