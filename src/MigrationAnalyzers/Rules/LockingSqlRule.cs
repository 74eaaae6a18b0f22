using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using MigrationAnalyzers.Configuration;
using MigrationAnalyzers.Model;
using MigrationAnalyzers.Sql;

namespace MigrationAnalyzers.Rules;

/// <summary>
/// MIG067: on PostgreSQL, a <c>Sql</c> in Up that runs a statement whose whole duration holds a lock that
/// blocks the table's writes (or reads): <c>LOCK TABLE</c> in SHARE mode or stronger (held until the
/// migration's transaction commits), <c>VACUUM FULL</c> and <c>CLUSTER</c> (rewrite the table under ACCESS
/// EXCLUSIVE), <c>REINDEX</c> without <c>CONCURRENTLY</c> (SHARE on the table, ACCESS EXCLUSIVE on the index).
/// Read through the one tokenizer, so words in comments, strings and function bodies never count.
/// </summary>
[ReadsOptions(MigrationAnalyzerOptions.ProviderKey)]
public sealed class LockingSqlRule : MigrationRuleAnalyzer
{
    internal static readonly DiagnosticDescriptor Rule = RuleDescriptor.Create(
        RuleIdentifiers.LockingSql,
        title: "Raw SQL holds an exclusive lock for the whole statement",
        messageFormat: "Sql runs '{0}', which {1}",
        DiagnosticCategories.Locking,
        DiagnosticSeverity.Warning,
        description: "On PostgreSQL LOCK TABLE (default ACCESS EXCLUSIVE, held until the migration's transaction commits), VACUUM FULL and CLUSTER (rewrite the table under ACCESS EXCLUSIVE) and REINDEX without CONCURRENTLY (blocks writes, and reads through the index) stop the application's queries for as long as they run.");

    private const string Rewrite = "rewrites the whole table under an ACCESS EXCLUSIVE lock: every read and write of it waits until the rewrite ends; use pg_repack (or plain VACUUM) outside the migration";

    /// <summary>LOCK modes that let ordinary reads and writes through.</summary>
    private static readonly ImmutableArray<string> WeakLockModes = ImmutableArray.Create("ACCESS SHARE", "ROW SHARE", "ROW EXCLUSIVE", "SHARE UPDATE EXCLUSIVE");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    private protected override void Analyze(MigrationRuleContext context)
    {
        if (context.Provider != DatabaseProvider.PostgreSql)
        {
            return;
        }

        foreach (var operation in context.Migration.Up.Operations)
        {
            if (operation.Kind != MigrationOperationKind.Sql || !context.MayRun(operation) || SqlScript.For(operation) is not { } script)
            {
                continue;
            }

            foreach (var statement in script.AllStatements)
            {
                if (Effect(statement) is { } effect)
                {
                    context.Report(Rule, operation.Location, SqlHoles.Render(statement.ShortText(), operation), effect);
                    break;
                }
            }
        }
    }

    /// <summary>What the statement locks and for how long; null when it does not block the table.</summary>
    private static string? Effect(SqlStatement statement)
    {
        var tokens = statement.Tokens;
        switch (statement.Keyword)
        {
            case "LOCK":
                var mode = LockMode(tokens);
                return WeakLockModes.Contains(mode)
                    ? null
                    : $"takes the {mode} lock that is held until the migration's transaction commits: {(mode == "SHARE" ? "every write" : mode == "ACCESS EXCLUSIVE" ? "every read and write" : "every write (and SELECT … FOR UPDATE)")} of the table waits for the rest of the migration; drop the LOCK or take a weaker mode";
            case "VACUUM" when Has(tokens, "FULL"):
                return Rewrite;
            case "CLUSTER":
                return Rewrite;
            case "REINDEX" when !Has(tokens, "CONCURRENTLY"):
                return "blocks writes to the table, and reads that use the rebuilt indexes, until every index is rebuilt; use REINDEX … CONCURRENTLY (PostgreSQL 12+) with suppressTransaction: true in a migration of its own";
            default:
                return null;
        }
    }

    private static bool Has(ImmutableArray<SqlToken> tokens, string keyword)
    {
        foreach (var token in tokens)
        {
            if (token.Is(keyword))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The words between <c>IN</c> and <c>MODE</c>, upper case; ACCESS EXCLUSIVE (PostgreSQL's default) without them.</summary>
    private static string LockMode(ImmutableArray<SqlToken> tokens)
    {
        for (var i = 0; i < tokens.Length; i++)
        {
            if (!tokens[i].Is("IN") || tokens[i].Depth != 0)
            {
                continue;
            }

            var words = new System.Collections.Generic.List<string>();
            for (var j = i + 1; j < tokens.Length && !tokens[j].Is("MODE"); j++)
            {
                words.Add(tokens[j].Value.ToUpperInvariant());
            }

            return string.Join(" ", words);
        }

        return "ACCESS EXCLUSIVE";
    }
}
