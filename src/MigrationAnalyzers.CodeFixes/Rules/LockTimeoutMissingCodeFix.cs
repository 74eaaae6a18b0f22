using System.Collections.Immutable;
using System.Composition;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using MigrationAnalyzers.CodeFixes.Generation;
using MigrationAnalyzers.Rules;

namespace MigrationAnalyzers.CodeFixes.Rules;

/// <summary>
/// MIG068 fix: inserts <c>migrationBuilder.Sql("SET lock_timeout = '5s';")</c> as the first statement of Up,
/// so every lock the migration asks for gives up after five seconds instead of stalling the table.
/// The rule reports once per migration, so one insertion per Up, also under Fix All.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(LockTimeoutMissingCodeFix)), Shared]
public sealed class LockTimeoutMissingCodeFix : MigrationCodeFix
{
    public const string EquivalenceKey = "MIG068.SetLockTimeout";

    public const string Sql = "SET lock_timeout = '5s';";

    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(RuleIdentifiers.LockTimeoutMissing);

    private protected override string Title(Diagnostic diagnostic) => "Set a lock timeout at the start of Up";

    private protected override string Key => EquivalenceKey;

    private protected override void Plan(FixTarget target, FixPlan plan)
    {
        // Expression-bodied Up: no block to insert into, so no action.
        var up = target.Migration.Up;
        if (up.Declaration is MethodDeclarationSyntax { Body: { } body } && body.SyntaxTree == target.Document.Root.SyntaxTree)
        {
            plan.Prepend(body, new[] { plan.Statement(new EfCallWriter(MigrationFix.Receiver(up), "Sql").Literal("sql", Sql)) });
        }
    }
}
