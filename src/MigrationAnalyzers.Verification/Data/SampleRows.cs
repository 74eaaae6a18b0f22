using System.Collections.Generic;
using System.Linq;

namespace MigrationAnalyzers.Verification.Data;

/// <summary>
/// Remembers which rows the verifier wrote (by table and primary key), so that data checks look at
/// those rows only: rows a migration seeds, updates or deletes itself (<c>InsertData</c>,
/// <c>UpdateData</c>, <c>DeleteData</c>) are the migration's own business, not lost user data.
/// </summary>
internal sealed class SampleRows
{
    private readonly Dictionary<string, HashSet<string>> _keys = new();

    /// <summary>Records the rows present after writing that were not there before.</summary>
    public void Record(IReadOnlyDictionary<string, TableData> beforeWriting, IReadOnlyDictionary<string, TableData> afterWriting)
    {
        foreach (var table in afterWriting.Values.Where(t => t.Key.Count > 0))
        {
            var existing = beforeWriting.TryGetValue(table.Name, out var before)
                ? new HashSet<string>(before.Rows.Select(before.KeyOf))
                : new HashSet<string>();
            if (!_keys.TryGetValue(table.Name, out var keys))
            {
                keys = new HashSet<string>();
                _keys[table.Name] = keys;
            }

            keys.UnionWith(table.Rows.Select(table.KeyOf).Where(k => !existing.Contains(k)));
        }
    }

    /// <summary>The verifier's rows of a table; every row when the table has no primary key to tell them apart.</summary>
    public List<IReadOnlyDictionary<string, string?>> Of(TableData table)
    {
        if (table.Key.Count == 0)
        {
            return table.Rows.ToList();
        }

        return _keys.TryGetValue(table.Name, out var keys)
            ? table.Rows.Where(r => keys.Contains(table.KeyOf(r))).ToList()
            : new List<IReadOnlyDictionary<string, string?>>();
    }
}
