using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using MigrationAnalyzers.Checks;
using MigrationAnalyzers.Model;
using MigrationAnalyzers.Schema;

namespace MigrationAnalyzers.Rules;

/// <summary>
/// MIG001: <c>DropTable</c> in Up deletes the table and all its rows. Not reported when an earlier
/// <c>Sql</c> of the same Up copied the rows into another table (<c>INSERT INTO New … SELECT … FROM Old</c>).
/// </summary>
public sealed class DropTableRule : MigrationRuleAnalyzer
{
    internal static readonly DiagnosticDescriptor Rule = RuleDescriptor.Create(
        RuleIdentifiers.DropTable,
        title: "Migration drops a table",
        messageFormat: "DropTable deletes table '{0}' and every row in it; if it is renamed use RenameTable, otherwise move or archive the data first and suppress MIG001 to acknowledge the loss",
        DiagnosticCategories.DataLoss,
        DiagnosticSeverity.Warning,
        description: "Dropping a table in Up destroys its data on every database the migration reaches. A rename should be a RenameTable; an intended removal should be acknowledged with a suppression.");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    private protected override void Analyze(MigrationRuleContext context)
    {
        var renames = RenameDetection.For(context);
        var operations = context.Migration.Up.Operations;
        var reported = new HashSet<SyntaxNode>();
        for (var i = 0; i < operations.Length; i++)
        {
            // A drop that is half of a rename is MIG004's: one warning per operation, with the fix.
            // A table whose rows an earlier Sql copied elsewhere loses nothing (SPEC §3 "Moved data").
            // A name the model cannot read (a loop over names, a helper's parameter) still deletes a
            // table: reported with the name as written, once per statement.
            var operation = operations[i];
            if (operation.Kind != MigrationOperationKind.DropTable || !context.MayRun(operation))
            {
                continue;
            }

            if (operation.HasUnknownArguments)
            {
                if (reported.Add(operation.Syntax))
                {
                    context.Report(Rule, operation.Location, DroppedNames.Table(operation));
                }
            }
            else if (operation.Table is { } table && !renames.IsRenameDrop(operation) && !MovedData.IsTableCopiedBefore(context, i, operation.Schema, table))
            {
                context.Report(Rule, operation.Location, MigrationRuleContext.Qualified(operation.Schema, table));
            }
        }
    }
}
