using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
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
public sealed class AlterColumnToNotNullCodeFix : CodeFixProvider
{
    public const string EquivalenceKey = "MIG022.InsertBackfill";

    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(RuleIdentifiers.AlterColumnToNotNull);

    public override FixAllProvider GetFixAllProvider() =>
        FixAllProvider.Create((context, document, diagnostics) => FixAsync(document, diagnostics, context.CancellationToken)!);

    public override Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (var diagnostic in context.Diagnostics)
        {
            context.RegisterCodeFix(
                CodeAction.Create(
                    "Backfill existing NULLs before making the column NOT NULL",
                    cancellationToken => FixAsync(context.Document, new[] { diagnostic }, cancellationToken),
                    EquivalenceKey),
                diagnostic);
        }

        return Task.CompletedTask;
    }

    private static Task<Document> FixAsync(Document document, IEnumerable<Diagnostic> diagnostics, CancellationToken cancellationToken) =>
        DocumentTextFix.ApplyAsync(document, diagnostics, NotNullBackfill.Edit, cancellationToken);
}
