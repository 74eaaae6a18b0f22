using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using MigrationAnalyzers.Checks;
using MigrationAnalyzers.Model;
using MigrationAnalyzers.Sql;

namespace MigrationAnalyzers.Rules;

/// <summary>
/// MIG023: a unique index, unique constraint or primary key added to an existing table fails when
/// existing rows hold duplicates. Not reported when every key column was added empty earlier in
/// this Up (all NULL: no duplicates where NULLs are distinct, and EF filters NULLs out of SQL
/// Server unique indexes), nor when the rows are provably unique already (an equivalent key was
/// dropped just before, as EF scaffolds for a renamed table, or a unique key on a subset exists).
/// </summary>
public sealed class UniqueOnExistingTableRule : MigrationRuleAnalyzer
{
    internal static readonly DiagnosticDescriptor Rule = RuleDescriptor.Create(
        RuleIdentifiers.UniqueOnExistingTable,
        title: "Unique key added to an existing table",
        messageFormat: "{0} '{1}' on ({2}) of existing table '{3}' fails if existing rows hold duplicate values there; find and resolve duplicates (an earlier Sql step) before deploying",
        DiagnosticCategories.ExistingRows,
        DiagnosticSeverity.Info,
        description: "Adding a unique index, unique constraint or primary key to a table that already holds rows fails the migration when those rows hold duplicates (or NULLs, for a primary key).");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    private protected override void Analyze(MigrationRuleContext context)
    {
        var operations = context.Migration.Up.Operations;
        for (var i = 0; i < operations.Length; i++)
        {
            var operation = operations[i];
            if (KindName(operation) is not { } kindName || !context.MayRun(operation) || operation.HasUnknownArguments ||
                operation.Table is not { } table || operation.Name is not { } name ||
                operation.Columns is not { IsDefaultOrEmpty: false } columns ||
                !context.IsExistingTable(operation.Schema, table, i) ||
                AllAddedEmpty(context, operation.Schema, table, columns, i) ||
                ReplacedKeys.IsAlreadyUnique(context, operation, columns, i) ||
                ReplacedKeys.ReplacesDroppedKey(context, operation, columns, i))
            {
                continue;
            }

            context.Report(Rule, operation.Location, kindName, name, string.Join(", ", columns), MigrationRuleContext.Qualified(operation.Schema, table));
        }
    }

    private static string? KindName(MigrationOperation operation) => operation.Kind switch
    {
        MigrationOperationKind.CreateIndex when operation["unique"].AsBool() == true => "Unique index",
        MigrationOperationKind.AddUniqueConstraint => "Unique constraint",
        MigrationOperationKind.AddPrimaryKey => "Primary key",
        _ => null,
    };

    /// <summary>Every key column was added earlier in this Up as nullable without default or computation, and nothing filled it since.</summary>
    private static bool AllAddedEmpty(MigrationRuleContext context, string? schema, string table, ImmutableArray<string> columns, int upIndex)
    {
        foreach (var column in columns)
        {
            if (!context.IsColumnAddedEarlier(schema, table, column, upIndex) || !IsAddedEmpty(context, schema, table, column, upIndex))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsAddedEmpty(MigrationRuleContext context, string? schema, string table, string column, int upIndex)
    {
        var operations = context.Migration.Up.Operations;
        var added = -1;
        for (var i = upIndex - 1; i >= 0 && added < 0; i--)
        {
            if (operations[i].Kind == MigrationOperationKind.AddColumn && operations[i].IsTable(schema, table) && operations[i].Name == column)
            {
                added = i;
            }
        }

        // A non-null default (or computation) gives every existing row the same value: duplicates.
        if (added < 0 || operations[added].Column is not { IsNullable: true, HasDefaultOrComputed: false })
        {
            return false;
        }

        for (var i = added + 1; i < upIndex; i++)
        {
            if (MayFill(operations[i], schema, table, column))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>An operation between the AddColumn and the key that may have written values into the column.</summary>
    private static bool MayFill(MigrationOperation operation, string? schema, string table, string column)
    {
        switch (operation.Kind)
        {
            case MigrationOperationKind.Sql:
                var sql = operation.SqlText ?? operation.SqlTemplate;
                if (sql is null)
                {
                    return true;
                }

                foreach (var token in SqlTokenizer.Tokenize(sql))
                {
                    if (token.IsIdentifierLike && string.Equals(token.Value, column, System.StringComparison.OrdinalIgnoreCase))
                    {
                        return true;
                    }
                }

                return false;
            case MigrationOperationKind.UpdateData:
            case MigrationOperationKind.InsertData:
                return operation.IsTable(schema, table) && (operation.Columns.IsDefault || operation.Columns.Contains(column));
            case MigrationOperationKind.AlterColumn:
                return operation.IsTable(schema, table) && operation.Name == column;
            case MigrationOperationKind.Unknown:
                return true;
            default:
                return false;
        }
    }
}
