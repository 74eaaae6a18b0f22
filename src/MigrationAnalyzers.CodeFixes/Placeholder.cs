namespace MigrationAnalyzers.CodeFixes;

internal static class Placeholder { }
