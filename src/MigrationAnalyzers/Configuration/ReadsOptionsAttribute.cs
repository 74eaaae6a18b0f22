using System;

namespace MigrationAnalyzers.Configuration;

/// <summary>
/// The .editorconfig keys (<see cref="MigrationAnalyzerOptions"/>'s <c>…Key</c> constants) a rule's
/// own code reads, so its docs page can list them. Declared on the rule (and on
/// <c>MigrationRuleAnalyzer</c> for what every rule reads); the docs generator takes the union over
/// the class hierarchy, and a meta-test checks that the rule's code reads no key it does not declare.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = true)]
internal sealed class ReadsOptionsAttribute : Attribute
{
    public ReadsOptionsAttribute(params string[] keys)
    {
        Keys = keys;
    }

    public string[] Keys { get; }
}
