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

    private protected override string Title => "Set a lock timeout at the start of Up";

    private protected override string Key => EquivalenceKey;

    private protected override void Edit(MigrationDocument document, MigrationRuleContext context, Diagnostic diagnostic, StatementEditor editor)
    {
        // Expression-bodied Up: no block to insert into, so no action.
        if (document.Migration.Up.Declaration is MethodDeclarationSyntax { Body: { } body } && body.SyntaxTree == document.Root.SyntaxTree)
        {
            editor.Prepend(body, new[] { new EfCallWriter(MigrationFix.Receiver(document.Migration.Up), "Sql").Literal("sql", Sql) });
        }
    }
}
