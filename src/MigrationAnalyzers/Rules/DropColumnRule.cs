using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using MigrationAnalyzers.Checks;
using MigrationAnalyzers.Model;
using MigrationAnalyzers.Schema;

namespace MigrationAnalyzers.Rules;

/// <summary>
/// MIG002: <c>DropColumn</c> in Up deletes the column's value in every row. Not reported when an
/// earlier <c>Sql</c> of the same Up reads the column into something that stays (another column of
/// the table: the contract step of expand/contract, which MIG005's fix produces; another table
/// through UPDATE … FROM or INSERT … SELECT), or clears it unconditionally (<see cref="MovedData"/>).
/// <c>ALTER TABLE … DROP COLUMN</c> in a <c>Sql</c> call is the same change and is reported the same way
/// (<see cref="SqlRule"/>), except for a column this Up added itself.
/// </summary>
public sealed class DropColumnRule : MigrationRuleAnalyzer
{
    internal static readonly DiagnosticDescriptor Rule = RuleDescriptor.Create(
        RuleIdentifiers.DropColumn,
        title: "Migration drops a column",
        messageFormat: "DropColumn deletes column '{0}' of table '{1}' and its value in every row; if it is renamed use RenameColumn, if it is replaced copy it into the new column first (Sql UPDATE, expand/contract), otherwise suppress MIG002 to acknowledge the loss",
        DiagnosticCategories.DataLoss,
        DiagnosticSeverity.Warning,
        description: "Dropping a column in Up destroys its data on every database the migration reaches. A rename should be a RenameColumn; a replacement should copy the data into the new column with an earlier Sql UPDATE; an intended removal should be acknowledged with a suppression.");

    internal static readonly DiagnosticDescriptor SqlRule = RuleDescriptor.Create(
        RuleIdentifiers.DropColumn,
        title: "Migration drops a column",
        messageFormat: "Sql runs '{0}', which deletes column '{1}' of table '{2}' and its value in every row; if it is renamed use RENAME COLUMN, if it is replaced copy it into the new column first (UPDATE, expand/contract), otherwise suppress MIG002 to acknowledge the loss",
        DiagnosticCategories.DataLoss,
        DiagnosticSeverity.Warning,
        description: Rule.Description.ToString());

    /// <summary>Constraint name prefixes EF and SQL Server use: a bare <c>ALTER TABLE t DROP DF_x</c> of an unknown provider drops a constraint.</summary>
    private static readonly string[] ConstraintPrefixes = { "PK_", "FK_", "DF_", "CK_", "UQ_", "AK_", "IX_" };

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule, SqlRule);

    private protected override void Analyze(MigrationRuleContext context)
    {
        var operations = context.Migration.Up.Operations;
        var renames = RenameDetection.For(context);
        var reported = new HashSet<SyntaxNode>();
        for (var i = 0; i < operations.Length; i++)
        {
            var operation = operations[i];
            if (operation.Kind != MigrationOperationKind.DropColumn || !context.MayRun(operation))
            {
                continue;
            }

            if (operation.HasUnknownArguments)
            {
                // A name the model cannot read still deletes a column: reported as written, once per statement.
                if (reported.Add(operation.Syntax))
                {
                    context.Report(Rule, operation.Location, DroppedNames.Column(operation), DroppedNames.Table(operation));
                }

                continue;
            }

            // A drop that pairs with an AddColumn as a rename is MIG003's (one warning, with the fix);
            // a drop after its data was copied (or cleared) is the contract step of expand/contract.
            if (operation.Table is not { } table || operation.Name is not { } column ||
                renames.IsRenameDrop(operation) || MovedData.IsColumnPreservedBefore(context, i, operation.Schema, table, column))
            {
                continue;
            }

            context.Report(Rule, operation.Location, column, MigrationRuleContext.Qualified(operation.Schema, table));
        }

        foreach (var sql in UpSqlOperations.Read(context))
        {
            if (sql.Read is { Kind: MigrationOperationKind.DropColumn, Name: { } dropped, TableName: { } sqlTable } read &&
                (read.Kinds.Length == 1 || !LooksLikeConstraint(dropped)) &&
                UpSqlOperations.IsExistingTable(context, sql) &&
                !IsAddedEarlier(context, sql, dropped) &&
                !MovedData.IsColumnPreservedBefore(context, sql.UpIndex, read.Schema, sqlTable, dropped) &&
                !MovedData.IsColumnPreservedBy(sql.EarlierStatements, read.Schema, sqlTable, dropped))
            {
                context.Report(SqlRule, sql.Call.Location, sql.StatementText, dropped, sql.TableDisplay);
            }
        }
    }

    /// <summary>A column this Up added (AddColumn, or ADD COLUMN in SQL) is new and empty: dropping it loses nothing.</summary>
    private static bool IsAddedEarlier(MigrationRuleContext context, UpSqlOperation drop, string column)
    {
        var operations = context.Migration.Up.Operations;
        for (var i = 0; i < drop.UpIndex; i++)
        {
            if (operations[i] is { Kind: MigrationOperationKind.AddColumn, Table: { } table, Name: { } name } &&
                drop.Read.Table!.Matches(operations[i].Schema, table) && string.Equals(name, column, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        foreach (var sql in UpSqlOperations.Read(context))
        {
            if (sql.UpIndex > drop.UpIndex || (sql.UpIndex == drop.UpIndex && sql.EarlierStatements.Count >= drop.EarlierStatements.Count))
            {
                break;
            }

            if (sql.Read is { Kind: MigrationOperationKind.AddColumn, Table: { } table, Name: { } name } &&
                drop.Read.Table!.Matches(table) && string.Equals(name, column, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static bool LooksLikeConstraint(string name)
    {
        foreach (var prefix in ConstraintPrefixes)
        {
            if (name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
