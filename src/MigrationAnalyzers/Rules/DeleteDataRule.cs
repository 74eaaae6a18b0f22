using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using MigrationAnalyzers.Model;

namespace MigrationAnalyzers.Rules;

/// <summary>
/// MIG006: <c>DeleteData</c> in Up removes seed rows (EF scaffolds it when <c>HasData</c> rows are
/// removed); on a live database those rows may have been edited or referenced since.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class DeleteDataRule : MigrationRuleAnalyzer
{
    internal static readonly DiagnosticDescriptor Rule = RuleDescriptor.Create(
        RuleIdentifiers.DeleteData,
        title: "Migration deletes seed data",
        messageFormat: "DeleteData removes seed rows from table '{0}' on every database the migration reaches, with any changes made to them and, through cascading foreign keys, the rows that reference them; keep the rows in HasData if they are still needed, otherwise suppress MIG006 to acknowledge the deletion",
        DiagnosticCategories.DataLoss,
        DiagnosticSeverity.Warning,
        description: "DeleteData in Up deletes rows on every database the migration reaches. Seed rows may have been edited or referenced since they were inserted; an intended removal should be acknowledged with a suppression.");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    private protected override void Analyze(MigrationRuleContext context)
    {
        foreach (var operation in context.Migration.Up.Operations)
        {
            if (operation.Kind == MigrationOperationKind.DeleteData && context.MayRun(operation) &&
                operation.Table is { } table && !operation.HasAnyUnknownArgument)
            {
                context.Report(Rule, operation.Location, MigrationRuleContext.Qualified(operation.Schema, table));
            }
        }
    }
}
