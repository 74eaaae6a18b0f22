using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using MigrationAnalyzers.Configuration;
using MigrationAnalyzers.Model;

namespace MigrationAnalyzers.Rules;

/// <summary>
/// MIG088: an Up whose <c>InsertData</c>/<c>UpdateData</c> calls write more rows than
/// <c>migration_analyzers.max_seed_rows</c> (default 1,000). EF sends one statement per row (batched),
/// holds the migration's transaction and locks for all of them, and repeats every row in the
/// .Designer.cs target model and the snapshot. Rows the model cannot count (a values array built
/// elsewhere) are not counted: the rule reports only what it can prove.
/// </summary>
[ReadsOptions(MigrationAnalyzerOptions.MaxSeedRowsKey)]
public sealed class LargeSeedDataRule : MigrationRuleAnalyzer
{
    internal static readonly DiagnosticDescriptor Rule = RuleDescriptor.Create(
        RuleIdentifiers.LargeSeedData,
        title: "Migration seeds a very large amount of data",
        messageFormat: "Migration '{0}' writes {1} seed rows in {2} InsertData/UpdateData call{3} (more than {4}): one statement per row inside the migration's transaction makes the deployment slow and holds its locks, and every row is repeated in the Designer file and the model snapshot; load bulk data with a script or a data job instead",
        DiagnosticCategories.Conventions,
        DiagnosticSeverity.Info,
        description: "HasData seeding is meant for small reference data. Thousands of rows make every deployment slow, lock the tables for the whole migration, and bloat the .Designer.cs and snapshot files. The threshold is migration_analyzers.max_seed_rows (default 1000).");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    private protected override void Analyze(MigrationRuleContext context)
    {
        var rows = 0;
        var calls = 0;
        foreach (var operation in context.Migration.Up.Operations)
        {
            if (operation.Kind is MigrationOperationKind.InsertData or MigrationOperationKind.UpdateData && context.MayRun(operation) &&
                Rows(operation) is { } count)
            {
                rows += count;
                calls++;
            }
        }

        var max = context.Options.MaxSeedRows;
        if (rows > max)
        {
            context.Report(Rule, context.Migration.IdentifierLocation, context.Migration.Name, rows, calls, calls == 1 ? string.Empty : "s", max);
        }
    }

    /// <summary>
    /// The rows one call writes: the outer length of a two-dimensional values array, the length of a
    /// one-dimensional one that belongs to a single column (several rows of one column), else one row.
    /// For UpdateData the key values decide. Null when the array is not readable.
    /// </summary>
    private static int? Rows(MigrationOperation operation)
    {
        var (plural, single, singleColumn) = operation.Kind == MigrationOperationKind.InsertData
            ? ("values", "value", "column")
            : ("keyValues", "keyValue", "keyColumn");
        var values = operation[plural];
        if (values.IsOmitted)
        {
            return operation[single].IsOmitted ? null : 1;
        }

        if (values.Kind != ArgumentValueKind.Array)
        {
            return null;
        }

        if (values.Type is IArrayTypeSymbol { Rank: 2 } || (!values.Elements.IsEmpty && values.Elements.All(e => e.Syntax is InitializerExpressionSyntax)))
        {
            return values.Elements.Length;
        }

        return operation[singleColumn].IsOmitted ? 1 : values.Elements.Length;
    }
}
