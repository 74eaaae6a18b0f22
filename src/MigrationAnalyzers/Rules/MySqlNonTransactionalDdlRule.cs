using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using MigrationAnalyzers.Configuration;
using MigrationAnalyzers.Model;
using MigrationAnalyzers.Sql;

namespace MigrationAnalyzers.Rules;

/// <summary>
/// MIG087: on MySQL (and MariaDB) every DDL statement commits implicitly, so EF's migration transaction
/// cannot undo a half-applied migration: when its third statement fails, the first two stay, the history
/// row is not written, and re-running the migration fails on what already exists. Reported (Info) on a
/// migration whose Up has more than one schema change, or schema and data changes together. Idempotent
/// database-level settings (AlterDatabase, EnsureSchema) and what the model cannot read are not counted.
/// </summary>
[ReadsOptions(MigrationAnalyzerOptions.ProviderKey)]
public sealed class MySqlNonTransactionalDdlRule : MigrationRuleAnalyzer
{
    internal static readonly DiagnosticDescriptor Rule = RuleDescriptor.Create(
        RuleIdentifiers.MySqlNonTransactionalDdl,
        title: "Migration is not atomic on MySQL",
        messageFormat: "Migration '{0}' runs {1} schema change{2}{3} on MySQL, where every DDL statement commits implicitly: if a later statement fails, the earlier ones stay applied, the migration is not recorded, and running it again fails on what already exists; keep one schema change per migration, or make the steps safe to re-run",
        DiagnosticCategories.Conventions,
        DiagnosticSeverity.Info,
        description: "MySQL and MariaDB commit implicitly before and after each DDL statement (CREATE, ALTER, DROP, RENAME, TRUNCATE…), so the transaction EF opens around a migration cannot roll a failed migration back.");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    private protected override void Analyze(MigrationRuleContext context)
    {
        if (context.Provider != DatabaseProvider.MySql)
        {
            return;
        }

        var schema = 0;
        var data = 0;
        foreach (var operation in context.Migration.Up.Operations)
        {
            if (!context.MayRun(operation))
            {
                continue;
            }

            switch (operation.Kind)
            {
                case MigrationOperationKind.Unknown or MigrationOperationKind.Other or MigrationOperationKind.AlterDatabase or MigrationOperationKind.EnsureSchema:
                    break;
                case MigrationOperationKind.InsertData or MigrationOperationKind.UpdateData or MigrationOperationKind.DeleteData:
                    data++;
                    break;
                case MigrationOperationKind.Sql:
                    foreach (var statement in SqlScript.For(operation)?.AllStatements ?? System.Linq.Enumerable.Empty<SqlStatement>())
                    {
                        if (statement.Kind == SqlStatementKind.Ddl)
                        {
                            schema++;
                        }
                        else if (statement.Kind is SqlStatementKind.Insert or SqlStatementKind.Update or SqlStatementKind.Delete or SqlStatementKind.Merge)
                        {
                            data++;
                        }
                    }

                    break;
                default:
                    schema++;
                    break;
            }
        }

        if (schema > 1 || (schema == 1 && data > 0))
        {
            var withData = data == 0 ? string.Empty : $" and {data} data change{(data == 1 ? string.Empty : "s")}";
            context.Report(Rule, context.Migration.IdentifierLocation, context.Migration.Name, schema, schema == 1 ? string.Empty : "s", withData);
        }
    }
}
