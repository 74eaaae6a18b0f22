using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using MigrationAnalyzers.Configuration;
using MigrationAnalyzers.Model;
using MigrationAnalyzers.Sql;

namespace MigrationAnalyzers.Rules;

/// <summary>
/// MIG068 (opt-in, <c>migration_analyzers.postgres_lock_timeout = required</c>): on PostgreSQL, an Up that
/// changes an existing table before any <c>SET lock_timeout</c> in its <c>Sql</c>. A DDL lock request waits
/// behind whatever query holds the table, and every later query on it queues behind that request: without a
/// lock timeout one slow report stalls the whole table for as long as it runs. Reported once, on the first
/// such operation; an earlier operation or SQL the model cannot read might set the timeout, so it silences.
/// </summary>
[ReadsOptions(MigrationAnalyzerOptions.ProviderKey, MigrationAnalyzerOptions.PostgresLockTimeoutKey)]
public sealed class LockTimeoutMissingRule : MigrationRuleAnalyzer
{
    internal static readonly DiagnosticDescriptor Rule = RuleDescriptor.Create(
        RuleIdentifiers.LockTimeoutMissing,
        title: "Migration changes an existing table without a lock timeout",
        messageFormat: "{0} changes existing table '{1}' with no SET lock_timeout before it in this Up: its lock request waits behind any running query on the table, and every later query queues behind it; start Up with migrationBuilder.Sql(\"SET lock_timeout = '5s';\") so the migration fails fast and can be retried",
        DiagnosticCategories.Locking,
        DiagnosticSeverity.Warning,
        description: "Opt-in with migration_analyzers.postgres_lock_timeout = required. On PostgreSQL an ALTER TABLE (or index, key, rename…) needs a lock that conflicts with running queries; while it waits, every new query on the table waits behind it. A lock_timeout makes the migration give up instead of stalling the application.");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    private protected override void Analyze(MigrationRuleContext context)
    {
        if (context.Provider != DatabaseProvider.PostgreSql || !context.Options.RequireLockTimeout || context.Migration.Up.CallsBase)
        {
            return;
        }

        var operations = context.Migration.Up.Operations;
        for (var i = 0; i < operations.Length; i++)
        {
            var operation = operations[i];
            if (!context.MayRun(operation))
            {
                continue;
            }

            if (operation.Kind == MigrationOperationKind.Unknown)
            {
                return;
            }

            if (operation.Kind == MigrationOperationKind.Sql)
            {
                if (SqlScript.For(operation) is not { } script || SetsLockTimeout(script))
                {
                    return;
                }

                continue;
            }

            if (ChangedTable(operation) is { } table && !operation.HasUnknownArguments && context.IsExistingTable(operation.Schema, table, i))
            {
                context.Report(Rule, operation.Location, operation.MethodName, MigrationRuleContext.Qualified(operation.Schema, table));
                return;
            }
        }
    }

    /// <summary>The existing table whose lock the operation takes; null for operations that lock no existing table.</summary>
    private static string? ChangedTable(MigrationOperation operation) => operation.Kind switch
    {
        MigrationOperationKind.AddColumn or MigrationOperationKind.DropColumn or MigrationOperationKind.AlterColumn or
        MigrationOperationKind.RenameColumn or MigrationOperationKind.CreateIndex or MigrationOperationKind.DropIndex or
        MigrationOperationKind.RenameIndex or MigrationOperationKind.AddPrimaryKey or MigrationOperationKind.DropPrimaryKey or
        MigrationOperationKind.AddForeignKey or MigrationOperationKind.DropForeignKey or MigrationOperationKind.AddUniqueConstraint or
        MigrationOperationKind.DropUniqueConstraint or MigrationOperationKind.AddCheckConstraint or MigrationOperationKind.DropCheckConstraint or
        MigrationOperationKind.RenameTable or MigrationOperationKind.DropTable or MigrationOperationKind.AlterTable
            when operation.Parent is null => operation.Table,
        _ => null,
    };

    /// <summary>A <c>SET [SESSION | LOCAL] lock_timeout = …</c> to anything but 0 (which means no timeout).</summary>
    private static bool SetsLockTimeout(SqlScript script)
    {
        foreach (var statement in script.AllStatements)
        {
            var tokens = statement.Tokens;
            for (var i = 0; i + 2 < tokens.Length; i++)
            {
                if (tokens[i].Is("lock_timeout") && (tokens[i + 1].Text == "=" || tokens[i + 1].Is("TO")) &&
                    tokens[i + 2].Value.Trim() is not ("0" or ""))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
