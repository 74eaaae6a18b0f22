namespace MigrationAnalyzers;

internal static class Placeholder { }
