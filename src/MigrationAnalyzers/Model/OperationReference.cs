using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace MigrationAnalyzers.Model;

/// <summary>
/// Which operation a diagnostic is about, carried in <see cref="Diagnostic.Properties"/> so a fix
/// can find it by position in its own document's Up or Down, without the project's model.
/// Every rule's report on an operation's location gets it (see the Rules layer's reporter).
/// </summary>
internal static class OperationReference
{
    public const string MethodKey = "MigrationAnalyzers.Method";
    public const string IndexKey = "MigrationAnalyzers.OperationIndex";

    public static ImmutableDictionary<string, string?> Add(ImmutableDictionary<string, string?> properties, bool inDown, int index) =>
        properties
            .SetItem(MethodKey, inDown ? "Down" : "Up")
            .SetItem(IndexKey, index.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>The operation's method (Up or Down) and its index among that method's operations.</summary>
    public static bool TryRead(Diagnostic diagnostic, out bool inDown, out int index)
    {
        index = -1;
        inDown = diagnostic.Properties.TryGetValue(MethodKey, out var method) && method == "Down";
        return method is "Up" or "Down" &&
            diagnostic.Properties.TryGetValue(IndexKey, out var text) &&
            int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out index);
    }

    /// <summary>The operation of <paramref name="migration"/> a diagnostic is about, or null.</summary>
    public static MigrationOperation? Find(MigrationModel migration, Diagnostic diagnostic) =>
        TryRead(diagnostic, out var inDown, out var index) && (inDown ? migration.Down : migration.Up).Operations is var operations &&
        index < operations.Length
            ? operations[index]
            : null;
}
