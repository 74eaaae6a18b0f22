using System;
using System.Collections.Generic;
using System.Linq;

namespace MigrationAnalyzers.Verification.Data;

/// <summary>
/// Compares the verifier's sample rows before and after an Up and lists what was lost: dropped
/// tables with rows, rows gone, dropped columns with values, values turned NULL or changed. A rename
/// is not a loss: a new table or column holding exactly the old values counts as the old one renamed.
/// </summary>
internal static class DataLossComparer
{
    private sealed record RowPair(IReadOnlyDictionary<string, string?> Before, IReadOnlyDictionary<string, string?> After);

    public static IReadOnlyList<string> Compare(
        IReadOnlyDictionary<string, TableData> before, IReadOnlyDictionary<string, TableData> after, SampleRows sampleRows)
    {
        var losses = new List<string>();
        foreach (var table in before.Values)
        {
            var rows = sampleRows.Of(table);
            if (rows.Count == 0)
            {
                continue;
            }

            if (!after.TryGetValue(table.Name, out var afterTable))
            {
                var newTables = after.Values.Where(t => !before.ContainsKey(t.Name));
                if (!newTables.Any(candidate => HoldsSameRows(table, candidate)))
                {
                    losses.Add($"table {table.Name}: dropped by Up with {Count(rows.Count, "row")}");
                }

                continue;
            }

            var pairs = PairRows(table, rows, afterTable);
            if (pairs is null)
            {
                // No key to follow rows by (none, or it changed): only the row count can be compared.
                if (afterTable.Rows.Count < table.Rows.Count)
                {
                    losses.Add($"table {table.Name}: {Count(table.Rows.Count, "row")} before Up, {afterTable.Rows.Count} after");
                }
            }
            else if (pairs.Count < rows.Count)
            {
                losses.Add($"table {table.Name}: {rows.Count - pairs.Count} of {Count(rows.Count, "sample row")} gone after Up");
            }

            CompareColumns(table, rows, afterTable, pairs, losses);
        }

        return losses;
    }

    private static void CompareColumns(
        TableData before, List<IReadOnlyDictionary<string, string?>> rows, TableData after, List<RowPair>? pairs, List<string> losses)
    {
        foreach (var column in before.StoreTypes.Keys)
        {
            var values = rows.Count(r => r[column] is not null);
            if (values == 0)
            {
                continue;
            }

            var where = $"table {before.Name}: column {column}";
            if (!after.StoreTypes.ContainsKey(column))
            {
                var added = after.StoreTypes.Keys.Where(c => !before.StoreTypes.ContainsKey(c));
                if (!added.Any(candidate => IsRenamedTo(column, candidate, before, after, pairs)))
                {
                    losses.Add($"{where} dropped by Up with {Count(values, "non-null value")}");
                }

                continue;
            }

            if (pairs is null)
            {
                var remaining = after.Rows.Count(r => r[column] is not null);
                var allBefore = before.Rows.Count(r => r[column] is not null);
                if (remaining < allBefore)
                {
                    losses.Add($"{where}: {Count(allBefore - remaining, "value")} became NULL");
                }

                continue;
            }

            ComparePairedValues(before, after, column, pairs, where, losses);
        }
    }

    private static void ComparePairedValues(TableData before, TableData after, string column, List<RowPair> pairs, string where, List<string> losses)
    {
        var nulled = pairs.Where(p => p.Before[column] is not null && p.After[column] is null).ToList();
        if (nulled.Count > 0)
        {
            losses.Add($"{where}: {Count(nulled.Count, "value")} became NULL (e.g. {before.KeyOf(nulled[0].Before)} was '{nulled[0].Before[column]}')");
        }

        // A changed store type legitimately changes the text of a value (17 -> 17.00), so value
        // changes are only reported where the type stayed the same.
        if (before.StoreTypes[column] != after.StoreTypes[column])
        {
            return;
        }

        var changed = pairs.Where(p => p.Before[column] is not null && p.After[column] is not null && p.Before[column] != p.After[column]).ToList();
        if (changed.Count > 0)
        {
            var first = changed[0];
            losses.Add($"{where}: {Count(changed.Count, "value")} changed (e.g. {before.KeyOf(first.Before)}: '{first.Before[column]}' -> '{first.After[column]}')");
        }
    }

    /// <summary>Follows the given rows into the table after Up by primary key; null when there is no key to follow.</summary>
    private static List<RowPair>? PairRows(TableData before, List<IReadOnlyDictionary<string, string?>> rows, TableData after)
    {
        if (before.Key.Count == 0 || before.Key.Any(k => !after.StoreTypes.ContainsKey(k)))
        {
            return null;
        }

        var afterByKey = new Dictionary<string, IReadOnlyDictionary<string, string?>>();
        foreach (var row in after.Rows)
        {
            afterByKey[before.KeyOf(row)] = row;
        }

        return rows
            .Where(r => afterByKey.ContainsKey(before.KeyOf(r)))
            .Select(r => new RowPair(r, afterByKey[before.KeyOf(r)]))
            .ToList();
    }

    private static bool IsRenamedTo(string column, string candidate, TableData before, TableData after, List<RowPair>? pairs)
        => pairs is not null
            ? pairs.All(p => p.Before[column] == p.After[candidate])
            : SameValues(Values(before, column), Values(after, candidate));

    private static bool HoldsSameRows(TableData before, TableData candidate)
    {
        var shared = before.StoreTypes.Keys.Where(candidate.StoreTypes.ContainsKey).ToList();
        return shared.Count > 0
            && candidate.Rows.Count == before.Rows.Count
            && shared.All(c => SameValues(Values(before, c), Values(candidate, c)));
    }

    private static List<string?> Values(TableData table, string column) => table.Rows.Select(r => r[column]).ToList();

    private static bool SameValues(List<string?> left, List<string?> right)
        => left.Count == right.Count
           && left.OrderBy(v => v, StringComparer.Ordinal).SequenceEqual(right.OrderBy(v => v, StringComparer.Ordinal));

    private static string Count(int count, string noun) => $"{count} {noun}{(count == 1 ? string.Empty : "s")}";
}
