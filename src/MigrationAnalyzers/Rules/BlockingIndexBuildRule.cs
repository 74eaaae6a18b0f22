using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using MigrationAnalyzers.Checks;
using MigrationAnalyzers.Configuration;
using MigrationAnalyzers.Model;
using MigrationAnalyzers.Sql;

namespace MigrationAnalyzers.Rules;

/// <summary>
/// MIG061: <c>CreateIndex</c> on an existing table builds the index while blocking writes to the
/// table (PostgreSQL: SHARE lock for the whole build; SQL Server: offline build). Both providers
/// can build without blocking through an annotation EF passes to the SQL generator. Other providers
/// have no such option, and with an unknown provider the rule cannot say which annotation applies.
/// On PostgreSQL, <c>CREATE INDEX</c> without <c>CONCURRENTLY</c> in a <c>Sql</c> call is the same change
/// (<see cref="SqlRule"/>): its fix writes <c>CONCURRENTLY</c> and <c>suppressTransaction: true</c>.
/// </summary>
[ReadsOptions(MigrationAnalyzerOptions.ProviderKey)]
public sealed class BlockingIndexBuildRule : MigrationRuleAnalyzer
{
    /// <summary>Diagnostic property: the annotation the fix adds.</summary>
    internal const string AnnotationProperty = "Annotation";

    internal const string PostgreSqlConcurrently = "Npgsql:CreatedConcurrently";
    internal const string SqlServerOnline = "SqlServer:Online";

    /// <summary>
    /// Online index operations are an Enterprise feature: Developer and Azure SQL (Database,
    /// Managed Instance) have it, Standard and Express reject <c>ONLINE = ON</c> with error 1712, so
    /// the migration fails there. The message and the fix title say so.
    /// </summary>
    internal const string SqlServerOnlineEditions = "ONLINE = ON needs SQL Server Enterprise, Developer or Azure SQL and fails on Standard and Express";

    internal static readonly DiagnosticDescriptor Rule = RuleDescriptor.Create(
        RuleIdentifiers.BlockingIndexBuild,
        title: "Index build blocks writes to an existing table",
        messageFormat: "CreateIndex '{0}' on existing table '{1}' blocks writes to '{1}' for the whole build; add .Annotation(\"{2}\", true) to build it {3}",
        DiagnosticCategories.Locking,
        DiagnosticSeverity.Warning,
        description: "On PostgreSQL a plain CREATE INDEX holds a SHARE lock (no INSERT/UPDATE/DELETE) until the index is built; on SQL Server an offline build locks the table. Npgsql's CreatedConcurrently and SQL Server's Online annotations build the index without blocking writes; SQL Server's online builds need Enterprise, Developer or Azure SQL (Standard and Express reject them).");

    /// <summary>Diagnostic property of <see cref="SqlRule"/>: the Sql call holds only this statement, so the fix can make it concurrent.</summary>
    internal const string SqlFixableProperty = "SqlConcurrently";

    internal static readonly DiagnosticDescriptor SqlRule = RuleDescriptor.Create(
        RuleIdentifiers.BlockingIndexBuild,
        title: "Index build blocks writes to an existing table",
        messageFormat: "Sql runs '{0}', which builds index '{1}' on existing table '{2}' while blocking writes to it for the whole build; write CREATE INDEX CONCURRENTLY in a Sql call of its own with suppressTransaction: true (PostgreSQL refuses CONCURRENTLY inside a transaction)",
        DiagnosticCategories.Locking,
        DiagnosticSeverity.Warning,
        description: Rule.Description.ToString());

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule, SqlRule);

    private protected override void Analyze(MigrationRuleContext context)
    {
        var (annotation, how) = context.Provider switch
        {
            DatabaseProvider.PostgreSql => (PostgreSqlConcurrently, "concurrently (CREATE INDEX CONCURRENTLY)"),
            DatabaseProvider.SqlServer => (SqlServerOnline, "online (WITH (ONLINE = ON)) where the edition allows it: " + SqlServerOnlineEditions),
            _ => (null, null),
        };
        if (annotation is null)
        {
            return;
        }

        var operations = context.Migration.Up.Operations;
        for (var i = 0; i < operations.Length; i++)
        {
            var operation = operations[i];
            if (operation.Kind != MigrationOperationKind.CreateIndex || !context.MayRun(operation) ||
                operation.HasUnknownArguments || operation.Table is not { } table ||
                !context.IsExistingTable(operation.Schema, table, i) || HasNonBlockingAnnotation(operation, annotation))
            {
                continue;
            }

            context.Report(
                Rule,
                operation.Location,
                ImmutableDictionary<string, string?>.Empty.Add(AnnotationProperty, annotation),
                operation.Name ?? "?",
                MigrationRuleContext.Qualified(operation.Schema, table),
                annotation,
                how);
        }

        if (context.Provider == DatabaseProvider.PostgreSql)
        {
            AnalyzeSql(context);
        }
    }

    /// <summary>PostgreSQL: a <c>CREATE INDEX</c> in Sql without <c>CONCURRENTLY</c> on a table that existed before this Up.</summary>
    private static void AnalyzeSql(MigrationRuleContext context)
    {
        foreach (var sql in UpSqlOperations.Read(context))
        {
            if (sql.Read is not { Kind: MigrationOperationKind.CreateIndex, IsConcurrent: false, Table: { } table } read ||
                !UpSqlOperations.IsExistingTable(context, sql))
            {
                continue;
            }

            // CONCURRENTLY cannot share a command with other statements (they run as one implicit transaction).
            var fixable = SqlScript.For(sql.Call) is { } script && script.AllStatements.Count() == 1 && sql.Call.SqlText is not null;
            var properties = fixable
                ? ImmutableDictionary<string, string?>.Empty.Add(SqlFixableProperty, "true")
                : ImmutableDictionary<string, string?>.Empty;
            context.Report(SqlRule, sql.Call.Location, properties, sql.StatementText, read.Name ?? "?", sql.TableDisplay);
        }
    }

    /// <summary>True when the annotation is set to true, or to something the model cannot evaluate (not guessed).</summary>
    private static bool HasNonBlockingAnnotation(MigrationOperation operation, string annotation)
    {
        foreach (var candidate in operation.Annotations)
        {
            if (!candidate.IsOld && (candidate.Name is null || candidate.Name == annotation) &&
                (candidate.Value.AsBool() != false || !candidate.Value.IsKnown))
            {
                return true;
            }
        }

        return false;
    }
}
