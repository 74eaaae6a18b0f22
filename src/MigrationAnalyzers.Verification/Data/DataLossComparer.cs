using System;
using System.Collections.Generic;
using System.Linq;

namespace MigrationAnalyzers.Verification.Data;

/// <summary>
/// Compares table contents before and after an Up and lists what was lost: dropped tables with
/// rows, fewer rows, dropped columns with values, values turned NULL or changed. A rename is not a
/// loss: a new table or column holding exactly the old values counts as the old one renamed.
/// </summary>
internal static class DataLossComparer
{
    public static IReadOnlyList<string> Compare(IReadOnlyDictionary<string, TableData> before, IReadOnlyDictionary<string, TableData> after)
    {
        var losses = new List<string>();
        foreach (var table in before.Values.Where(t => t.Rows.Count > 0))
        {
            if (!after.TryGetValue(table.Name, out var afterTable))
            {
                var newTables = after.Values.Where(t => !before.ContainsKey(t.Name));
                if (!newTables.Any(candidate => HoldsSameRows(table, candidate)))
                {
                    losses.Add($"table {table.Name}: dropped by Up with {Rows(table.Rows.Count)}");
                }

                continue;
            }

            if (afterTable.Rows.Count < table.Rows.Count)
            {
                losses.Add($"table {table.Name}: {Rows(table.Rows.Count)} before Up, {afterTable.Rows.Count} after ({table.Rows.Count - afterTable.Rows.Count} lost)");
            }

            CompareColumns(table, afterTable, losses);
        }

        return losses;
    }

    private static void CompareColumns(TableData before, TableData after, List<string> losses)
    {
        var pairs = PairRows(before, after);
        foreach (var column in before.StoreTypes.Keys)
        {
            var values = before.Rows.Count(r => r[column] is not null);
            if (values == 0)
            {
                continue;
            }

            var where = $"table {before.Name}: column {column}";
            if (!after.StoreTypes.ContainsKey(column))
            {
                var added = after.StoreTypes.Keys.Where(c => !before.StoreTypes.ContainsKey(c));
                if (!added.Any(candidate => SameValues(Values(before, column), Values(after, candidate))))
                {
                    losses.Add($"{where} dropped by Up with {values} non-null value{Plural(values)}");
                }

                continue;
            }

            if (pairs is null)
            {
                // No key to pair rows by: only a drop in the number of values can be seen.
                var remaining = after.Rows.Count(r => r[column] is not null);
                if (remaining < values)
                {
                    losses.Add($"{where}: {values - remaining} value{Plural(values - remaining)} became NULL");
                }

                continue;
            }

            ComparePairedValues(before, after, column, pairs, where, losses);
        }
    }

    private static void ComparePairedValues(
        TableData before,
        TableData after,
        string column,
        List<(IReadOnlyDictionary<string, string?> Before, IReadOnlyDictionary<string, string?> After)> pairs,
        string where,
        List<string> losses)
    {
        var nulled = pairs.Where(p => p.Before[column] is not null && p.After[column] is null).ToList();
        if (nulled.Count > 0)
        {
            losses.Add($"{where}: {nulled.Count} value{Plural(nulled.Count)} became NULL (e.g. {KeyText(before, nulled[0].Before)} was '{nulled[0].Before[column]}')");
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
            losses.Add($"{where}: {changed.Count} value{Plural(changed.Count)} changed (e.g. {KeyText(before, first.Before)}: '{first.Before[column]}' -> '{first.After[column]}')");
        }
    }

    /// <summary>Pairs rows by primary key; null when the table has no key that survived the Up.</summary>
    private static List<(IReadOnlyDictionary<string, string?> Before, IReadOnlyDictionary<string, string?> After)>? PairRows(TableData before, TableData after)
    {
        if (before.Key.Count == 0 || before.Key.Any(k => !after.StoreTypes.ContainsKey(k)))
        {
            return null;
        }

        var afterByKey = new Dictionary<string, IReadOnlyDictionary<string, string?>>();
        foreach (var row in after.Rows)
        {
            afterByKey[KeyText(before, row)] = row;
        }

        var pairs = new List<(IReadOnlyDictionary<string, string?>, IReadOnlyDictionary<string, string?>)>();
        foreach (var row in before.Rows)
        {
            if (afterByKey.TryGetValue(KeyText(before, row), out var match))
            {
                pairs.Add((row, match));
            }
        }

        return pairs;
    }

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

    private static string KeyText(TableData table, IReadOnlyDictionary<string, string?> row)
        => string.Join(", ", table.Key.Select(k => $"{k}={row[k]}"));

    private static string Rows(int count) => $"{count} row{Plural(count)}";

    private static string Plural(int count) => count == 1 ? string.Empty : "s";
}
