using System.Collections.Immutable;
using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using MigrationAnalyzers.CodeFixes.Generation;
using MigrationAnalyzers.Rules;

namespace MigrationAnalyzers.CodeFixes.Rules;

/// <summary>
/// MIG022 fix: inserts <c>Sql("UPDATE t SET c = v WHERE c IS NULL")</c> before the <c>AlterColumn</c>,
/// under a comment naming the value existing NULLs get (the AlterColumn's defaultValue, else the CLR
/// default of the type), so the tightening no longer fails on them.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AlterColumnToNotNullCodeFix)), Shared]
public sealed class AlterColumnToNotNullCodeFix : MigrationCodeFix
{
    public const string EquivalenceKey = "MIG022.InsertBackfill";

    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(RuleIdentifiers.AlterColumnToNotNull);

    private protected override string Title(Diagnostic diagnostic) => "Backfill existing NULLs before making the column NOT NULL";

    private protected override string Key => EquivalenceKey;

    private protected override void Plan(FixTarget target, FixPlan plan) => NotNullBackfill.Plan(target, plan);
}
