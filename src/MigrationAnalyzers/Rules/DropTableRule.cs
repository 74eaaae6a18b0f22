using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using MigrationAnalyzers.Model;
using MigrationAnalyzers.Schema;

namespace MigrationAnalyzers.Rules;

/// <summary>MIG001: <c>DropTable</c> in Up deletes the table and all its rows.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
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
        foreach (var operation in context.Migration.Up.Operations)
        {
            // A drop that is half of a rename is MIG004's: one warning per operation, with the fix.
            if (operation.Kind == MigrationOperationKind.DropTable && context.MayRun(operation) &&
                operation.Table is { } table && !operation.HasUnknownArguments && !renames.IsRenameDrop(operation))
            {
                context.Report(Rule, operation.Location, MigrationRuleContext.Qualified(operation.Schema, table));
            }
        }
    }
}
