using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using MigrationAnalyzers.Configuration;
using MigrationAnalyzers.Model;

namespace MigrationAnalyzers.Rules;

/// <summary>
/// MIG066: under a rolling deployment the old application version keeps running against the
/// migrated schema; a renamed table or column, or a dropped column, makes its queries fail.
/// The descriptor is enabled (a disabled-by-default descriptor never runs unless a severity is
/// configured); the rule itself reports only when <c>migration_analyzers.deploy = rolling</c>.
/// </summary>
[ReadsOptions(MigrationAnalyzerOptions.DeployKey)]
public sealed class RollingDeployBreakRule : MigrationRuleAnalyzer
{
    internal static readonly DiagnosticDescriptor Rule = RuleDescriptor.Create(
        RuleIdentifiers.RollingDeployBreak,
        title: "Schema change breaks application instances still running the old code",
        messageFormat: "{0} on '{1}' breaks instances of the previous application version that still use '{2}' during a rolling deployment; expand first (add the new name, write both), deploy, then contract in a later migration",
        DiagnosticCategories.Locking,
        DiagnosticSeverity.Warning,
        description: "With migration_analyzers.deploy = rolling, old and new application instances run side by side: renaming a table or column, or dropping a column, breaks the old instances' queries. Reported only in rolling mode.");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    private protected override void Analyze(MigrationRuleContext context)
    {
        if (context.Options.Deploy != DeployMode.Rolling)
        {
            return;
        }

        var operations = context.Migration.Up.Operations;
        for (var i = 0; i < operations.Length; i++)
        {
            var operation = operations[i];
            if (operation.Kind is not (MigrationOperationKind.RenameColumn or MigrationOperationKind.RenameTable or MigrationOperationKind.DropColumn) ||
                !context.MayRun(operation) || operation.HasUnknownArguments || operation.Table is not { } table ||
                !context.IsExistingTable(operation.Schema, table, i))
            {
                continue;
            }

            // A column this Up added is not known to the old code.
            if (operation.Kind != MigrationOperationKind.RenameTable &&
                (operation.Name is not { } column || context.IsColumnAddedEarlier(operation.Schema, table, column, i)))
            {
                continue;
            }

            var qualified = MigrationRuleContext.Qualified(operation.Schema, table);
            var used = operation.Kind == MigrationOperationKind.RenameTable ? qualified : qualified + "." + operation.Name;
            context.Report(Rule, operation.Location, operation.MethodName, qualified, used);
        }
    }
}
