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
/// inside <c>Sql</c> (a sqlcmd command, not SQL). Up only, as every rule outside SPEC's Reversibility section.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class TransactionSuppressionRule : MigrationRuleAnalyzer
{
    private const string Title = "Sql breaks the migration's transaction or batch";

    internal static readonly DiagnosticDescriptor MixedRule = RuleDescriptor.Create(
        RuleIdentifiers.TransactionSuppression,
        title: Title,
        messageFormat: "Sql(…, suppressTransaction: true) runs outside the migration's transaction while {0} other operation{1} of this Up run inside it: if one fails the migration is left half applied and cannot simply be re-run; move the non-transactional SQL into a migration of its own",
        DiagnosticCategories.Conventions,
        DiagnosticSeverity.Warning,
        description: "EF Core commits the open transaction before a command that suppresses it and opens a new one after. Mixed with transactional operations, a failure leaves part of the migration applied and the history row missing. Keep non-transactional SQL (CREATE INDEX CONCURRENTLY, ALTER TYPE … ADD VALUE, full-text catalogs) in a migration of its own. A batch separator GO is a sqlcmd/SSMS command, not SQL.");

    internal static readonly DiagnosticDescriptor GoRule = RuleDescriptor.Create(
        RuleIdentifiers.TransactionSuppression,
        title: Title,
        messageFormat: "Sql contains a GO batch separator (line {0} of the SQL): GO is a sqlcmd/SSMS command, not SQL; providers other than SQL Server send it to the server and fail, and SQL Server runs each batch as a separate command; use one migrationBuilder.Sql call per batch",
        DiagnosticCategories.Conventions,
        DiagnosticSeverity.Warning,
        description: "A batch separator GO is a sqlcmd/SSMS command, not SQL. Split the script into one migrationBuilder.Sql call per batch.");

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

            if (SqlScript.For(operation) is { BatchSeparators.IsEmpty: false } script)
            {
                context.Report(GoRule, operation.Location, LineOf(script.Text, script.BatchSeparators[0].Start));
            }

            if (operation["suppressTransaction"].AsBool() != true || operation.Condition.IsUnknown)
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
                context.Report(MixedRule, operation.Location, transactional, transactional > 1 ? "s" : string.Empty);
            }
        }
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
