using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using MigrationAnalyzers.Model;
using MigrationAnalyzers.Rules;
using MigrationAnalyzers.Schema;
using MigrationAnalyzers.Sql;

namespace MigrationAnalyzers.Checks;

/// <summary>
/// One operation a <c>Sql</c> call of Up makes, as <see cref="SqlOperationReader"/> read it: the rule of the
/// equivalent <c>MigrationBuilder</c> call checks it too (issue 13 "raw SQL linted like operations").
/// </summary>
internal sealed class UpSqlOperation
{
    public UpSqlOperation(int upIndex, MigrationOperation call, SqlOperation read, SqlStatementOperations statement, IReadOnlyList<SqlStatementOperations> earlierReads)
    {
        UpIndex = upIndex;
        Call = call;
        Read = read;
        Statement = statement;
        EarlierReads = earlierReads;
        EarlierStatements = earlierReads.Select(r => r.Statement).ToArray();
    }

    /// <summary>The index of the <c>Sql</c> call in Up.</summary>
    public int UpIndex { get; }

    /// <summary>The <c>migrationBuilder.Sql(…)</c> call: the diagnostic's location.</summary>
    public MigrationOperation Call { get; }

    public SqlOperation Read { get; }

    /// <summary>Everything read from the statement <see cref="Read"/> belongs to (its other actions, what was not read).</summary>
    public SqlStatementOperations Statement { get; }

    /// <summary>The statements of the same call before this one (a copy they make counts like an earlier Sql's).</summary>
    public IReadOnlyList<SqlStatement> EarlierStatements { get; }

    /// <summary>What was read from <see cref="EarlierStatements"/>: the changes this Up made in the same call, before this one.</summary>
    public IReadOnlyList<SqlStatementOperations> EarlierReads { get; }

    /// <summary>The statement, shortened and with interpolation holes shown as their expressions, for messages.</summary>
    public string StatementText => SqlHoles.Render(Read.Statement.ShortText(), Call);

    /// <summary>The table as messages name it, unquoted and qualified as EF names it (<c>dbo.[Posts]</c> → <c>Posts</c>), like the MigrationBuilder forms' messages.</summary>
    public string TableDisplay => Read.TableName is { } table ? MigrationFacts.Qualified(Schema, table) : Read.Table?.Text ?? "?";

    /// <summary>The table's schema as EF writes it: the providers' default schemas are no schema.</summary>
    public string? Schema => Read.Schema is { } schema && !IsDefaultSchema(schema) ? schema : null;

    /// <summary>SQL Server's dbo, PostgreSQL's public, SQLite's main: where a name without a schema lives.</summary>
    internal static bool IsDefaultSchema(string schema) =>
        string.Equals(schema, "dbo", StringComparison.OrdinalIgnoreCase) ||
        string.Equals(schema, "public", StringComparison.OrdinalIgnoreCase) ||
        string.Equals(schema, "main", StringComparison.OrdinalIgnoreCase);
}

/// <summary>Reads the <c>Sql</c> calls of a migration's Up as operations, for the Up-safety rules.</summary>
internal static class UpSqlOperations
{
    /// <summary>
    /// Every operation read from the constant or templated <c>Sql</c> calls of Up that may run on the provider,
    /// in order. A statement the reader cannot read yields nothing (unknown is silent).
    /// </summary>
    public static IEnumerable<UpSqlOperation> Read(MigrationRuleContext context)
    {
        var operations = context.Migration.Up.Operations;
        for (var i = 0; i < operations.Length; i++)
        {
            var call = operations[i];
            if (call.Kind != MigrationOperationKind.Sql || !context.MayRun(call) || Statements(context, call) is not { } statements)
            {
                continue;
            }

            var earlier = new List<SqlStatementOperations>();
            foreach (var statement in statements)
            {
                foreach (var read in statement.Operations)
                {
                    yield return new UpSqlOperation(i, call, read, statement, earlier.ToArray());
                }

                earlier.Add(statement);
            }
        }
    }

    /// <summary>Every statement of a <c>Sql</c> call, read in its dialect; null when its text is not known.</summary>
    public static ImmutableArray<SqlStatementOperations>? Statements(MigrationRuleContext context, MigrationOperation call)
    {
        if (SqlScript.For(call) is not { } script)
        {
            return null;
        }

        // A Sql inside `if (ActiveProvider == …)` is written in that provider's dialect.
        var dialect = call.Condition.Providers.Length == 1 ? call.Condition.Providers[0] : context.Provider;
        return SqlOperationReader.Read(script, dialect);
    }

    /// <summary>
    /// The table existed before this Up (SPEC §3 "existing table"): no CreateTable or CREATE TABLE of it earlier in
    /// this Up, and (with a baseline) not created after the baseline.
    /// </summary>
    public static bool IsExistingTable(MigrationRuleContext context, UpSqlOperation operation)
    {
        if (operation.Read.Table is not { Name: { } table } name)
        {
            return false;
        }

        var operations = context.Migration.Up.Operations;
        for (var i = 0; i < operation.UpIndex; i++)
        {
            if (operations[i].Kind is MigrationOperationKind.CreateTable or MigrationOperationKind.RenameTable &&
                (operations[i].Kind == MigrationOperationKind.CreateTable ? operations[i].Table : operations[i].NewName) is { } created &&
                name.Matches(operations[i].Schema, created))
            {
                return false;
            }
        }

        foreach (var earlier in operation.EarlierStatements)
        {
            if (earlier.Keyword == "CREATE" && earlier.ObjectKind == SqlObjectKind.Table && earlier.Targets.Any(name.Matches))
            {
                return false;
            }
        }

        foreach (var sql in Read(context))
        {
            if (sql.UpIndex >= operation.UpIndex)
            {
                break;
            }

            if (sql.Read.Kind == MigrationOperationKind.CreateTable && sql.Read.Table is { } created && name.Matches(created))
            {
                return false;
            }
        }

        return context.IsExistingTable(operation.Schema, table, operation.UpIndex);
    }
}
