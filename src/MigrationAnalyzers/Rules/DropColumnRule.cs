using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using MigrationAnalyzers.Model;
using MigrationAnalyzers.Schema;
using MigrationAnalyzers.Sql;

namespace MigrationAnalyzers.Rules;

/// <summary>
/// MIG002: <c>DropColumn</c> in Up deletes the column's value in every row. Not reported when an
/// earlier <c>Sql</c> of the same Up copies the column into another column of the same table:
/// that is the contract step of expand/contract (MIG005's fix produces it), the data survives.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DropColumnRule : MigrationRuleAnalyzer
{
    internal static readonly DiagnosticDescriptor Rule = RuleDescriptor.Create(
        RuleIdentifiers.DropColumn,
        title: "Migration drops a column",
        messageFormat: "DropColumn deletes column '{0}' of table '{1}' and its value in every row; if it is renamed use RenameColumn, if it is replaced copy it into the new column first (Sql UPDATE, expand/contract), otherwise suppress MIG002 to acknowledge the loss",
        DiagnosticCategories.DataLoss,
        DiagnosticSeverity.Warning,
        description: "Dropping a column in Up destroys its data on every database the migration reaches. A rename should be a RenameColumn; a replacement should copy the data into the new column with an earlier Sql UPDATE; an intended removal should be acknowledged with a suppression.");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    private protected override void Analyze(MigrationRuleContext context)
    {
        var operations = context.Migration.Up.Operations;
        var renames = RenameDetection.For(context);
        for (var i = 0; i < operations.Length; i++)
        {
            var operation = operations[i];
            if (operation.Kind != MigrationOperationKind.DropColumn || !context.MayRun(operation) ||
                operation.HasUnknownArguments || operation.Table is not { } table || operation.Name is not { } column)
            {
                continue;
            }

            // A drop that pairs with an AddColumn as a rename is MIG003's (one warning, with the fix);
            // a drop after its data was copied is the contract step of expand/contract.
            if (renames.IsRenameDrop(operation) || IsCopiedEarlier(context, i, operation.Schema, table, column))
            {
                continue;
            }

            context.Report(Rule, operation.Location, column, MigrationRuleContext.Qualified(operation.Schema, table));
        }
    }

    /// <summary>
    /// An earlier constant <c>Sql</c> of this Up holds <c>UPDATE table SET other = …column…</c>:
    /// the column's data was copied into another column of the table before the drop.
    /// </summary>
    private static bool IsCopiedEarlier(MigrationRuleContext context, int dropIndex, string? schema, string table, string column)
    {
        var operations = context.Migration.Up.Operations;
        for (var i = 0; i < dropIndex; i++)
        {
            if (operations[i] is not { Kind: MigrationOperationKind.Sql, SqlText: not null } operation || !context.MayRun(operation) ||
                SqlScript.For(operation) is not { } script)
            {
                continue;
            }

            foreach (var statement in script.AllStatements)
            {
                if (statement.Kind != SqlStatementKind.Update || statement.Target?.Matches(schema, table) != true)
                {
                    continue;
                }

                foreach (var assignment in statement.Assignments)
                {
                    if (!assignment.Column.Matches(null, column) && Mentions(assignment.Value, column))
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    private static bool Mentions(ImmutableArray<SqlToken> tokens, string column)
    {
        foreach (var token in tokens)
        {
            if (token.Kind is SqlTokenKind.Word or SqlTokenKind.QuotedIdentifier &&
                string.Equals(token.Value, column, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
