using System;

namespace MigrationAnalyzers.Schema;

/// <summary>
/// Whether two column or table names are one thing renamed: equal ignoring case and underscores,
/// one a prefix or suffix of the other (<c>Name</c>→<c>FullName</c>, <c>Desc</c>→<c>Description</c>,
/// <c>EmailAddress</c>→<c>Email</c>), or a small edit distance (<c>Adress</c>→<c>Address</c>) — and
/// not a derived value (<see cref="IsDerivedName"/>).
/// </summary>
internal static class NameSimilarity
{
    /// <summary>
    /// Words that turn a name into the name of a value computed from it, not the value itself:
    /// <c>ClientSecret</c> → <c>ClientSecretHash</c> (a digest), <c>Customer</c> → <c>CustomerId</c> (a
    /// key), <c>Tags</c> → <c>TagIds</c> or <c>TagsJson</c> (keys, a serialisation), <c>Avatar</c> → <c>AvatarUrl</c> (a reference), <c>Email</c> →
    /// <c>NormalizedEmail</c>. Moving the old values into such a column (what a rename does) stores
    /// plaintext in a hash column or names in a key column. Words that merely qualify (<c>Full</c>,
    /// <c>Address</c>, <c>Code</c> as in <c>Zip</c> → <c>ZipCode</c>) are not in the list, nor <c>Count</c>:
    /// <c>Visits</c> → <c>VisitCount</c> renames a count, and <c>Tags</c> → <c>TagCount</c> already fails the type check.
    /// </summary>
    private static readonly string[] DerivationWords =
    {
        "HASH", "HASHED", "DIGEST", "CHECKSUM", "SALT", "ENCRYPTED", "ENCODED", "PROTECTED", "CIPHER", "NORMALIZED",
        "ID", "IDS", "JSON", "XML", "URL", "URI", "PATH", "LENGTH", "SIZE",
    };

    /// <summary>A similarity distance (0 = same ignoring case), or null when the names are not clearly similar.</summary>
    public static int? Distance(string a, string b)
    {
        var x = Normalize(a);
        var y = Normalize(b);
        if (x.Length == 0 || y.Length == 0)
        {
            return null;
        }

        if (x == y)
        {
            return 0;
        }

        var shorter = x.Length <= y.Length ? x : y;
        var longer = x.Length <= y.Length ? y : x;
        var distance = EditDistance.Between(x, y);
        if (shorter.Length >= 3 && (longer.StartsWith(shorter, StringComparison.Ordinal) || longer.EndsWith(shorter, StringComparison.Ordinal)))
        {
            return distance;
        }

        return distance <= Math.Max(1, longer.Length / 4) ? distance : null;
    }

    /// <summary>
    /// One name is the other plus a derivation word before or after it (<c>Password</c> /
    /// <c>PasswordHash</c>, <c>HashedPassword</c>; <c>Tags</c> / <c>TagIds</c>, the plural dropped),
    /// in either direction: the new column holds a function of the old value, not the value.
    /// </summary>
    public static bool IsDerivedName(string a, string b)
    {
        var x = Normalize(a);
        var y = Normalize(b);
        var shorter = x.Length <= y.Length ? x : y;
        var longer = x.Length <= y.Length ? y : x;
        return shorter.Length > 0 && longer.Length > shorter.Length &&
            (IsStemPlusWord(longer, shorter) ||
             (shorter.Length > 1 && shorter.EndsWith("S", StringComparison.Ordinal) && IsStemPlusWord(longer, shorter.Substring(0, shorter.Length - 1))));
    }

    private static bool IsStemPlusWord(string longer, string stem)
    {
        foreach (var word in DerivationWords)
        {
            if (longer.Length == stem.Length + word.Length &&
                ((longer.StartsWith(stem, StringComparison.Ordinal) && longer.EndsWith(word, StringComparison.Ordinal)) ||
                 (longer.StartsWith(word, StringComparison.Ordinal) && longer.EndsWith(stem, StringComparison.Ordinal))))
            {
                return true;
            }
        }

        return false;
    }

    private static string Normalize(string name) => name.Replace("_", string.Empty).ToUpperInvariant();
}
