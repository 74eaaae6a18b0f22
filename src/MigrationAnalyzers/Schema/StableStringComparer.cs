using System;
using System.Collections.Generic;

namespace MigrationAnalyzers.Schema;

/// <summary>
/// Ordinal string equality with a hash that is the same in every process. .NET randomizes string
/// hash codes per process, and an <c>ImmutableDictionary</c> iterates in hash order: the schema
/// state's tables, columns and keys use this so that what a rule reads first (the index another
/// duplicates, the order of Down's reasons) and hence every message is the same on every build.
/// </summary>
internal sealed class StableStringComparer : IEqualityComparer<string>
{
    public static readonly StableStringComparer Ordinal = new();

    private StableStringComparer()
    {
    }

    public bool Equals(string? x, string? y) => string.Equals(x, y, StringComparison.Ordinal);

    public int GetHashCode(string? text) => Hash(text);

    /// <summary>FNV-1a over the UTF-16 code units.</summary>
    public static int Hash(string? text)
    {
        if (text is null)
        {
            return 0;
        }

        unchecked
        {
            var hash = (int)2166136261;
            foreach (var c in text)
            {
                hash = (hash ^ c) * 16777619;
            }

            return hash;
        }
    }
}
