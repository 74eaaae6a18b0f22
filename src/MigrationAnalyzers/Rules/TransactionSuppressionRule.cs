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
/// MIG081: <c>Sql(…, suppressTransaction: true)</c> in an Up that also has transactional operations (a
/// failure leaves the migration half applied and not re-runnable), and <c>GO</c> batch-separator lines
/// inside <c>Sql</c> (a sqlcmd command, not SQL) when the provider is known and is not SQL Server (whose
/// generator splits batches at GO). Up only, as every rule outside SPEC's Reversibility section.
/// </summary>
[ReadsOptions(MigrationAnalyzerOptions.ProviderKey)]
public sealed class TransactionSuppressionRule : MigrationRuleAnalyzer
{
    private const string Title = "Sql breaks the migration's transaction or batch";

    internal static readonly DiagnosticDescriptor MixedRule = RuleDescriptor.Create(
        RuleIdentifiers.TransactionSuppression,
        title: Title,
        messageFormat: "Sql(…, suppressTransaction: true) runs outside the migration's transaction while {0} other operation{1} of this Up run inside it: if one fails the migration is left half applied and cannot simply be re-run; {2}",
        DiagnosticCategories.Conventions,
        DiagnosticSeverity.Warning,
        description: "EF Core commits the open transaction before a command that suppresses it and opens a new one after. Mixed with transactional operations, a failure leaves part of the migration applied and the history row missing. Keep non-transactional SQL (CREATE INDEX CONCURRENTLY, ALTER TYPE … ADD VALUE, full-text catalogs) in a migration of its own; ordinary DDL and DML need no suppressTransaction. PRAGMA and SET statements are connection settings (EF's SQLite table rebuild suppresses the transaction for them) and are not reported. A batch separator GO is a sqlcmd/SSMS command, not SQL.");

    /// <summary>The advice for SQL that cannot run in a transaction (or that the rule cannot read).</summary>
    internal const string MoveAdvice = "move the non-transactional SQL into a migration of its own";

    /// <summary>The advice for ordinary DDL/DML, which runs in a transaction like the rest of Up.</summary>
    internal const string RemoveAdvice = "its DDL/DML can run inside the transaction: remove suppressTransaction from this Sql";

    internal static readonly DiagnosticDescriptor GoRule = RuleDescriptor.Create(
        RuleIdentifiers.TransactionSuppression,
        title: Title,
        messageFormat: "Sql contains a GO batch separator (line {0} of the SQL): GO is a sqlcmd/SSMS command, not SQL; providers other than SQL Server send it to the server and fail, and SQL Server runs each batch as a separate command; use one migrationBuilder.Sql call per batch",
        DiagnosticCategories.Conventions,
        DiagnosticSeverity.Warning,
        description: "A batch separator GO is a sqlcmd/SSMS command, not SQL. Split the script into one migrationBuilder.Sql call per batch.");

    /// <summary>CREATE/DROP INDEX CONCURRENTLY, … DATABASE, full-text catalogs and indexes, ALTER SYSTEM, VACUUM, REINDEX.</summary>
    private static readonly ISet<string> NonTransactionalWords = new HashSet<string>(
        new[] { "CONCURRENTLY", "DATABASE", "FULLTEXT", "SYSTEM", "VACUUM", "REINDEX" }, StringComparer.OrdinalIgnoreCase);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(MixedRule, GoRule);

    private protected override void Analyze(MigrationRuleContext context)
    {
        var operations = context.Migration.Up.Operations;
        foreach (var operation in operations)
        {
            if (operation.Kind != MigrationOperationKind.Sql || !context.MayRun(operation))
            {
                continue;
            }

            // SQL Server's generator splits the script at GO lines itself; elsewhere GO reaches the server.
            // With the provider unknown the script may well be SQL Server's: silent.
            if (context.Provider is not (DatabaseProvider.Unknown or DatabaseProvider.SqlServer) &&
                SqlScript.For(operation) is { BatchSeparators.IsEmpty: false } script)
            {
                context.Report(GoRule, operation.Location, LineOf(script.Text, script.BatchSeparators[0].Start));
            }

            if (operation["suppressTransaction"].AsBool() != true || operation.Condition.IsUnknown ||
                Advice(operation) is not { } advice)
            {
                continue;
            }

            var transactional = 0;
            foreach (var other in operations)
            {
                if (other != operation && IsTransactional(other) && context.MayRun(other) && CanRunTogether(operation, other, context.Provider))
                {
                    transactional++;
                }
            }

            if (transactional > 0)
            {
                context.Report(MixedRule, operation.Location, transactional, transactional > 1 ? "s" : string.Empty, advice);
            }
        }
    }

    /// <summary>
    /// What to tell about a suppressing <c>Sql</c>; null when it only holds connection settings
    /// (<c>PRAGMA foreign_keys = 0</c>, <c>SET IDENTITY_INSERT …</c>: EF's own SQLite rebuild suppresses
    /// the transaction for them, and SQLite ignores that PRAGMA inside one). Ordinary DDL/DML needs no
    /// suppression; statements that must run outside a transaction, or SQL the rule cannot read, keep
    /// the advice to give them a migration of their own.
    /// </summary>
    private static string? Advice(MigrationOperation operation)
    {
        if (operation.SqlText is null || SqlScript.For(operation) is not { } script)
        {
            return MoveAdvice;
        }

        var ordinary = 0;
        foreach (var statement in script.AllStatements)
        {
            if (statement.Keyword is "PRAGMA" or "SET")
            {
                continue;
            }

            if (statement.Kind is not (SqlStatementKind.Ddl or SqlStatementKind.Insert or SqlStatementKind.Update or SqlStatementKind.Delete or SqlStatementKind.Merge) ||
                NeedsNoTransaction(statement))
            {
                return MoveAdvice;
            }

            ordinary++;
        }

        return ordinary == 0 ? null : RemoveAdvice;
    }

    /// <summary>DDL that PostgreSQL, SQL Server or MySQL refuse (or that is unsafe) inside a transaction.</summary>
    private static bool NeedsNoTransaction(SqlStatement statement)
    {
        var tokens = statement.Tokens;
        for (var i = 0; i < tokens.Length; i++)
        {
            if (tokens[i].IsIn(NonTransactionalWords) || (tokens[i].Is("ADD") && i + 1 < tokens.Length && tokens[i + 1].Is("VALUE")))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Runs inside the migration's transaction. Unknown operations and unknown conditions do not count
    /// (the rule stays silent on what it cannot see); neither do other non-transactional commands:
    /// another suppressing Sql, a concurrent Npgsql index build (Npgsql suppresses the transaction itself).
    /// </summary>
    private static bool IsTransactional(MigrationOperation operation)
    {
        if (operation.Kind == MigrationOperationKind.Unknown || operation.Condition.IsUnknown)
        {
            return false;
        }

        if (operation.Kind == MigrationOperationKind.Sql)
        {
            return operation["suppressTransaction"].AsBool() == false;
        }

        if (operation.Kind == MigrationOperationKind.CreateIndex)
        {
            foreach (var annotation in operation.Annotations)
            {
                if (annotation.Name == "Npgsql:CreatedConcurrently" && annotation.Value.AsBool() != false)
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>Operations in branches for disjoint providers never run in the same migration.</summary>
    private static bool CanRunTogether(MigrationOperation a, MigrationOperation b, DatabaseProvider provider)
    {
        if (provider != DatabaseProvider.Unknown || a.Condition.IsAlways || b.Condition.IsAlways)
        {
            return true;
        }

        foreach (var candidate in a.Condition.Providers)
        {
            if (b.Condition.Providers.Contains(candidate))
            {
                return true;
            }
        }

        return false;
    }

    private static int LineOf(string text, int position)
    {
        var line = 1;
        for (var i = 0; i < position && i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                line++;
            }
        }

        return line;
    }
}
