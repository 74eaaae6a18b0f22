using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using MigrationAnalyzers.Model;

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
        foreach (var operation in context.Migration.Up.Operations)
        {
            if (operation.Kind == MigrationOperationKind.DropTable && context.MayRun(operation) &&
                operation.Table is { } table && !operation.HasUnknownArguments)
            {
                context.Report(Rule, operation.Location, MigrationRuleContext.Qualified(operation.Schema, table));
            }
        }
    }
}
