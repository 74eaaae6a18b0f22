using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using MigrationAnalyzers.Schema;

namespace MigrationAnalyzers.Rules;

/// <summary>
/// MIG004: a <c>DropTable</c> + <c>CreateTable</c> pair with the same columns in one Up is a
/// rename (decided by <see cref="RenameDetection"/>): the drop deletes every row, <c>RenameTable</c>
/// keeps them. Reported on the <c>DropTable</c>; MIG001 stays silent on it.
/// </summary>
public sealed class TableRenameRule : MigrationRuleAnalyzer
{
    internal static readonly DiagnosticDescriptor Rule = RuleDescriptor.Create(
        RuleIdentifiers.TableRename,
        title: "Table rename written as drop and create",
        messageFormat: "DropTable '{0}' and CreateTable '{1}' with the same columns look like a rename: the drop deletes every row of '{0}' and '{1}' starts empty; use RenameTable to keep the data",
        DiagnosticCategories.DataLoss,
        DiagnosticSeverity.Warning,
        description: "A table dropped and another created with the same columns (names and compatible types) in one Up is a rename written as drop + create: every row is lost. RenameTable, with the keys and indexes renamed as EF does, keeps them.");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    private protected override void Analyze(MigrationRuleContext context)
    {
        foreach (var rename in RenameDetection.For(context).Tables)
        {
            context.Report(
                Rule,
                rename.Drop.Location,
                MigrationRuleContext.Qualified(rename.OldSchema, rename.OldName),
                MigrationRuleContext.Qualified(rename.NewSchema, rename.NewName));
        }
    }
}
