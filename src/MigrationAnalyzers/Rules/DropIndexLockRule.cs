using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using MigrationAnalyzers.Configuration;
using MigrationAnalyzers.Model;

namespace MigrationAnalyzers.Rules;

/// <summary>
/// MIG062: on PostgreSQL a plain <c>DROP INDEX</c> takes an ACCESS EXCLUSIVE lock on the table: it
/// queues behind every running query on the table and blocks every new one (reads included)
/// while it waits. Npgsql has no annotation for <c>DROP INDEX CONCURRENTLY</c>, so the rule only
/// informs; the page shows the raw-SQL alternative.
/// </summary>
[ReadsOptions(MigrationAnalyzerOptions.ProviderKey)]
public sealed class DropIndexLockRule : MigrationRuleAnalyzer
{
    internal static readonly DiagnosticDescriptor Rule = RuleDescriptor.Create(
        RuleIdentifiers.DropIndexLock,
        title: "Dropping an index locks an existing table",
        messageFormat: "DropIndex '{0}' takes an ACCESS EXCLUSIVE lock on existing table '{1}': reads and writes of '{1}' wait behind it; on a busy table use Sql(\"DROP INDEX CONCURRENTLY …\", suppressTransaction: true) in a migration of its own",
        DiagnosticCategories.Locking,
        DiagnosticSeverity.Info,
        description: "On PostgreSQL DROP INDEX locks the table exclusively (blocking reads too) while it waits for running queries and while it runs. DROP INDEX CONCURRENTLY avoids that but cannot run in a transaction.");

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
            if (operation.Kind != MigrationOperationKind.DropIndex || !context.MayRun(operation) ||
                operation.HasUnknownArguments || operation.Name is not { } name)
            {
                continue;
            }

            // EF lets DropIndex omit the table; the history usually knows which table holds the index.
            var schema = operation.Schema;
            var table = operation.Table ?? context.UpStateBefore(i).Tables.Values
                .Where(t => t.Keys.ContainsKey(name) && MigrationOperation.SchemaEquals(t.Key.Schema, schema))
                .Select(t => t.Key.Name)
                .FirstOrDefault();
            if (table is not null && !context.IsExistingTable(schema, table, i))
            {
                continue;
            }

            context.Report(Rule, operation.Location, name, table is null ? "?" : MigrationRuleContext.Qualified(schema, table));
        }
    }
}
