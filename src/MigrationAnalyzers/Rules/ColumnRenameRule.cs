using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using MigrationAnalyzers.Schema;

namespace MigrationAnalyzers.Rules;

/// <summary>
/// MIG003: a <c>DropColumn</c> + <c>AddColumn</c> pair on one table that is really a rename
/// (decided by <see cref="RenameDetection"/>). The drop deletes every value; <c>RenameColumn</c>
/// keeps them. Reported on the <c>DropColumn</c>, the operation that loses the data; MIG002 stays
/// silent on it.
/// </summary>
public sealed class ColumnRenameRule : MigrationRuleAnalyzer
{
    internal static readonly DiagnosticDescriptor Rule = RuleDescriptor.Create(
        RuleIdentifiers.ColumnRename,
        title: "Column rename written as drop and add",
        messageFormat: "DropColumn '{0}' and AddColumn '{1}' on table '{2}' look like a rename: the drop deletes every value of '{0}' and '{1}' starts empty; use RenameColumn to keep the data",
        DiagnosticCategories.DataLoss,
        DiagnosticSeverity.Warning,
        description: "A column dropped and another added on the same table with a compatible definition (and the only such pair, or similar names) is a rename written as drop + add: every value is lost. RenameColumn (plus AlterColumn when the definition changes) keeps them.");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    private protected override void Analyze(MigrationRuleContext context)
    {
        foreach (var rename in RenameDetection.For(context).Columns)
        {
            context.Report(Rule, rename.Drop.Location, rename.OldName, rename.NewName, MigrationRuleContext.Qualified(rename.Schema, rename.Table));
        }
    }
}
