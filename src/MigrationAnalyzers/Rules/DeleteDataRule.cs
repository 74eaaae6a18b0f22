using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using MigrationAnalyzers.Model;
using MigrationAnalyzers.Schema;

namespace MigrationAnalyzers.Rules;

/// <summary>
/// MIG006: <c>DeleteData</c> in Up removes seed rows (EF scaffolds it when <c>HasData</c> rows are
/// removed); on a live database those rows may have been edited or referenced since.
/// Two descriptors with the one id MIG006: Warning when a foreign key references the table (the
/// history, this Up so far, or the target model before or after this migration declares one:
/// deleting the row cascades to, or fails on, the rows that reference it), Info otherwise (a lookup
/// row nobody points at). As MIG021, <c>dotnet_diagnostic.MIG006.severity</c> governs both.
/// </summary>
public sealed class DeleteDataRule : MigrationRuleAnalyzer
{
    private const string Title = "Migration deletes seed data";
    private const string Message = "DeleteData removes seed rows from table '{0}' on every database the migration reaches, with any changes made to them{1}; keep the rows in HasData if they are still needed, otherwise suppress MIG006 to acknowledge the deletion";
    private const string Description = "DeleteData in Up deletes rows on every database the migration reaches. Seed rows may have been edited or referenced since they were inserted; an intended removal should be acknowledged with a suppression. It is a warning when a foreign key references the table (the delete cascades to the referencing rows or fails on them), information otherwise.";

    /// <summary>What the Warning adds to the message.</summary>
    internal const string CascadeClause = " and, through cascading foreign keys, the rows that reference them (or the delete fails on them)";

    internal static readonly DiagnosticDescriptor Rule = RuleDescriptor.Create(
        RuleIdentifiers.DeleteData, Title, Message, DiagnosticCategories.DataLoss, DiagnosticSeverity.Info, Description);

    /// <summary>The same rule on a table that a foreign key references: same id, so one severity setting governs both.</summary>
    internal static readonly DiagnosticDescriptor ReferencedRule = RuleDescriptor.Create(
        RuleIdentifiers.DeleteData, Title, Message, DiagnosticCategories.DataLoss, DiagnosticSeverity.Warning, Description);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule, ReferencedRule);

    private protected override void Analyze(MigrationRuleContext context)
    {
        var operations = context.Migration.Up.Operations;
        for (var i = 0; i < operations.Length; i++)
        {
            var operation = operations[i];
            if (operation.Kind == MigrationOperationKind.DeleteData && context.MayRun(operation) &&
                operation.Table is { } table && !operation.HasAnyUnknownArgument)
            {
                var referenced = IsReferenced(context, operation.Schema, table, i);
                context.Report(
                    referenced ? ReferencedRule : Rule,
                    operation.Location,
                    MigrationRuleContext.Qualified(operation.Schema, table),
                    referenced ? CascadeClause : string.Empty);
            }
        }
    }

    /// <summary>A foreign key of the schema before the delete, or of the target model before or after this migration, has the table as principal.</summary>
    private static bool IsReferenced(MigrationRuleContext context, string? schema, string table, int upIndex)
    {
        foreach (var dependent in context.UpStateBefore(upIndex).Tables.Values)
        {
            foreach (var key in dependent.Keys.Values)
            {
                if (key.Kind == MigrationOperationKind.AddForeignKey && key.DeclaredBy.PrincipalTable == table &&
                    MigrationOperation.SchemaEquals(key.DeclaredBy["principalSchema"].AsString(), schema))
                {
                    return true;
                }
            }
        }

        foreach (var method in new[] { context.History.Previous(context.Migration)?.TargetModelMethod, context.Migration.TargetModelMethod })
        {
            if (method is not null && TargetModel.Read(method).IsPrincipal(schema, table))
            {
                return true;
            }
        }

        return false;
    }
}
