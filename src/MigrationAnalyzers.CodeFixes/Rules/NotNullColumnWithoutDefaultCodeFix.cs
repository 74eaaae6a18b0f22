using System.Collections.Immutable;
using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using MigrationAnalyzers.CodeFixes.Generation;
using MigrationAnalyzers.Rules;

namespace MigrationAnalyzers.CodeFixes.Rules;

/// <summary>
/// MIG020 and MIG021 fix: the NOT NULL column is added nullable, existing rows are backfilled with an
/// explicit <c>UPDATE</c> (commented with the value they get), then the column is altered to NOT NULL
/// with every other argument carried over. Down's <c>DropColumn</c> still undoes all three.
/// (For MIG021 on an <c>AlterColumn</c>, the backfill is inserted before it, as the MIG022 fix does.)
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(NotNullColumnWithoutDefaultCodeFix)), Shared]
public sealed class NotNullColumnWithoutDefaultCodeFix : MigrationCodeFix
{
    public const string EquivalenceKey = "MIG020.AddNullableBackfillAlter";

    public override ImmutableArray<string> FixableDiagnosticIds =>
        ImmutableArray.Create(RuleIdentifiers.NotNullColumnWithoutDefault, RuleIdentifiers.PlaceholderDefault);

    private protected override string Title(Diagnostic diagnostic) => "Add nullable, backfill existing rows, then make NOT NULL";

    private protected override string Key => EquivalenceKey;

    private protected override void Plan(FixTarget target, FixPlan plan) => NotNullBackfill.Plan(target, plan);
}
