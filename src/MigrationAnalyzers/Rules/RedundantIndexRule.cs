using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using MigrationAnalyzers.Model;
using MigrationAnalyzers.Schema;

namespace MigrationAnalyzers.Rules;

/// <summary>
/// MIG063: a <c>CreateIndex</c> whose columns equal, or are a leading prefix of, another index or
/// key on the same table. Every write pays for the extra index and the planner gains nothing: the
/// longer index serves the same lookups. Reported on the redundant CreateIndex of this Up, against
/// the indexes known before it (<see cref="TableIndexes"/>) and those this Up creates.
/// </summary>
public sealed class RedundantIndexRule : MigrationRuleAnalyzer
{
    internal static readonly DiagnosticDescriptor Rule = RuleDescriptor.Create(
        RuleIdentifiers.RedundantIndex,
        title: "Index duplicates or prefixes another index",
        messageFormat: "Index '{0}' on '{1}' ({2}) {3} '{4}' ({5}): every write to '{1}' maintains both and no lookup needs '{0}'; drop it or extend it",
        DiagnosticCategories.Locking,
        DiagnosticSeverity.Info,
        description: "An index whose columns are the same as, or a leading prefix of, another index or key of the table adds write cost and storage without serving any query the other index cannot serve. Unique, filtered and non-b-tree indexes are judged only against indexes of the same kind.");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    private protected override void Analyze(MigrationRuleContext context)
    {
        var operations = context.Migration.Up.Operations;
        for (var i = 0; i < operations.Length; i++)
        {
            var operation = operations[i];
            if (operation.Kind != MigrationOperationKind.CreateIndex || !context.MayRun(operation) ||
                operation.Table is not { } table || TableIndexes.AsIndex(operation) is not { IsSpecial: false } index)
            {
                continue;
            }

            var schema = operation.Schema;
            var removedLater = RemovedLater(operations, i, schema, table);
            var before = TableIndexes.Before(
                context.Catalog.Types.Compilation, context.History, context.Migration, context.UpStateBefore(i), i, schema, table);
            var earlier = before.Where(k => k.Name is null || !removedLater.Contains(k.Name));
            var later = TableIndexes.CreatedInUp(context.Migration, schema, table, i + 1)
                .Where(c => c.Index.Name is null || !removedLater.Contains(c.Index.Name))
                .Select(c => c.Index);

            // A duplicate is reported on the second of the two; a prefix on the shorter one, whenever created.
            var match = earlier.Select(other => (Other: other, Relation: Relation(index, other, allowEqual: true)))
                .Concat(later.Select(other => (Other: other, Relation: Relation(index, other, allowEqual: false))))
                .FirstOrDefault(m => m.Relation is not null && m.Other.Name != index.Name);
            if (match.Relation is null)
            {
                continue;
            }

            context.Report(
                Rule,
                operation.Location,
                index.Name ?? "?",
                MigrationRuleContext.Qualified(schema, table),
                string.Join(", ", index.Columns),
                match.Relation,
                match.Other.Name ?? Describe(match.Other),
                string.Join(", ", match.Other.Columns));
        }
    }

    /// <summary>"duplicates" / "is a leading prefix of", or null when <paramref name="index"/> is not redundant with <paramref name="other"/>.</summary>
    private static string? Relation(KnownIndex index, KnownIndex other, bool allowEqual)
    {
        if (!other.IsIndexed || other.IsSpecial || other.Columns.Length < index.Columns.Length ||
            !other.Columns.Take(index.Columns.Length).SequenceEqual(index.Columns, System.StringComparer.Ordinal))
        {
            return null;
        }

        if (other.Columns.Length == index.Columns.Length)
        {
            // A unique index only duplicates another uniqueness guarantee over the same columns; a plain
            // index duplicates any index on them, even one created after it when that one is unique.
            return (allowEqual && (!index.IsUnique || other.IsUnique)) || (!allowEqual && other.IsUnique && !index.IsUnique)
                ? "duplicates"
                : null;
        }

        // A unique index on a prefix enforces something the longer index does not.
        return index.IsUnique ? null : "is a leading prefix of";
    }

    private static string Describe(KnownIndex index) => index.Kind switch
    {
        MigrationOperationKind.AddPrimaryKey => "the primary key",
        MigrationOperationKind.AddUniqueConstraint => "a unique key",
        _ => "an index",
    };

    /// <summary>Indexes and keys this Up drops after operation <paramref name="upIndex"/>: they do not make a new index redundant.</summary>
    private static HashSet<string> RemovedLater(ImmutableArray<MigrationOperation> operations, int upIndex, string? schema, string table)
    {
        var removed = new HashSet<string>(System.StringComparer.Ordinal);
        for (var i = upIndex + 1; i < operations.Length; i++)
        {
            var operation = operations[i];
            if (operation.Kind is MigrationOperationKind.DropIndex or MigrationOperationKind.DropPrimaryKey or MigrationOperationKind.DropUniqueConstraint or MigrationOperationKind.RenameIndex &&
                operation.Name is { } name && (operation.Table is null || operation.IsTable(schema, table)))
            {
                removed.Add(name);
            }
        }

        return removed;
    }
}
