namespace MigrationAnalyzers;

/// <summary>
/// Debug builds (the tests) let exceptions surface so bugs are seen; the shipped Release build
/// swallows them so a user's build never shows AD0001.
/// </summary>
internal static class Debugger
{
#if DEBUG
    public const bool IsDebugBuild = true;
#else
    public const bool IsDebugBuild = false;
#endif
}
