using System;
using System.Globalization;

namespace MigrationAnalyzers.Verification.Data;

/// <summary>
/// Produces a text literal for a column from its store type. Rows are written as
/// <c>CAST(@p AS store_type)</c> (SQLite, PostgreSQL) or as plain text the database converts
/// (MySQL, MariaDB, SQL Server), so a literal every database can parse is all that is needed.
/// <c>n</c> keeps values distinct for unique indexes.
/// </summary>
internal static class SampleValues
{
    public static string For(string? storeType, int n)
    {
        var type = (storeType ?? "text").Trim().ToLowerInvariant();
        if (type.EndsWith("[]", StringComparison.Ordinal))
        {
            return "{}";
        }

        var baseType = BaseType(type, out var length, out var scale);
        var number = n.ToString(CultureInfo.InvariantCulture);
        var minute = n % 60;
        switch (baseType)
        {
            case "boolean":
            case "bool":
                return "true";
            case "uuid":
            case "uniqueidentifier":
            case "char" when length == 36: // how MySQL providers store a Guid
                return "00000000-0000-0000-0000-" + n.ToString("D12", CultureInfo.InvariantCulture);
            case "date":
                return $"2024-01-{1 + (n % 28):00}";
            case "interval":
                return number + " days";
            case "bytea":
                return "\\x" + n.ToString("x8", CultureInfo.InvariantCulture);
            case "json":
            case "jsonb":
                return "{\"n\":" + number + "}";
            case "inet":
                // Documentation range (RFC 5737): a value stored, never contacted.
                return $"192.0.2.{n % 256}";
            case "cidr":
                return "192.0.2.0/24";
            case "macaddr":
                return $"08:00:2b:01:02:{n % 256:x2}";
            case "point":
                return $"({number},{number})";
            case "tinyint" when length == 1: // MySQL's bool
            case "bit":
            case "bit varying":
            case "varbit":
                return "1";
            case "xml":
                return "<v>" + number + "</v>";
        }

        if (baseType.StartsWith("timestamp", StringComparison.Ordinal) || baseType.StartsWith("datetime", StringComparison.Ordinal))
        {
            // An offset only where the type keeps one: MySQL and SQL Server refuse it elsewhere.
            var withZone = baseType.Contains("with time zone") || baseType is "timestamptz" or "datetimeoffset";
            return $"2024-01-01 00:{minute:00}:{n % 60:00}" + (withZone ? "+00" : string.Empty);
        }

        if (baseType.StartsWith("time", StringComparison.Ordinal))
        {
            return $"12:{minute:00}:00";
        }

        if (baseType == "tinyint")
        {
            return (n % 100).ToString(CultureInfo.InvariantCulture);
        }

        if (baseType is "numeric" or "decimal" && length is int precision)
        {
            // Only as many integer digits as numeric(precision, scale) holds.
            var digits = precision - (scale ?? 0);
            return digits <= 0 ? "0" : (n % (long)Math.Pow(10, Math.Min(digits, 18))).ToString(CultureInfo.InvariantCulture);
        }

        if (IsNumeric(baseType))
        {
            return number;
        }

        // Text and anything unknown: a short string that fits a declared length.
        var text = "v" + number;
        return length is int max && max > 0 && text.Length > max ? text.Substring(text.Length - max) : text;
    }

    private static bool IsNumeric(string baseType)
        => baseType.Contains("int") // int, integer, bigint, smallint, int4, SQLite's INTEGER affinity
           || baseType.Contains("serial")
           || baseType is "numeric" or "decimal" or "real" or "money" or "number"
           || baseType.StartsWith("float", StringComparison.Ordinal)
           || baseType.StartsWith("double", StringComparison.Ordinal);

    /// <summary>"character varying(20)" becomes "character varying" with length 20; "numeric(10,2)" has scale 2.</summary>
    private static string BaseType(string type, out int? length, out int? scale)
    {
        length = null;
        scale = null;
        var open = type.IndexOf('(');
        if (open < 0)
        {
            return type;
        }

        var close = type.IndexOf(')', open);
        var inside = close > open ? type.Substring(open + 1, close - open - 1).Split(',') : new[] { string.Empty };
        if (int.TryParse(inside[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed))
        {
            length = parsed;
        }

        if (inside.Length > 1 && int.TryParse(inside[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsedScale))
        {
            scale = parsedScale;
        }

        // Keep what follows the parentheses: "timestamp(3) with time zone" stays a timestamp.
        var rest = close > open ? type.Substring(close + 1) : string.Empty;
        return (type.Substring(0, open) + rest).Trim();
    }
}
