using System;
using System.Collections;
using System.Globalization;
using System.Linq;

namespace MigrationAnalyzers.Verification.Data;

/// <summary>
/// A value read from any provider as invariant text, so that the same value reads the same way
/// before and after a step: dates in ISO form, bytes in hex, booleans and numbers culture-free.
/// </summary>
internal static class ValueText
{
    public static string Of(object value) => value switch
    {
        string text => text,
        bool flag => flag ? "true" : "false",
        DateTime date => date.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture).TrimEnd('.'),
        DateTimeOffset date => date.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture),
        byte[] bytes => "\\x" + string.Concat(bytes.Select(b => b.ToString("x2", CultureInfo.InvariantCulture))),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        IEnumerable items => "{" + string.Join(",", items.Cast<object?>().Select(i => i is null ? "NULL" : Of(i))) + "}",
        _ => value.ToString() ?? string.Empty,
    };
}
