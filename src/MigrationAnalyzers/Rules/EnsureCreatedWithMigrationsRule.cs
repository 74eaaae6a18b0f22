using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using MigrationAnalyzers.Model;

namespace MigrationAnalyzers.Rules;

/// <summary>
/// MIG086: <c>Database.EnsureCreated()</c> / <c>EnsureCreatedAsync()</c> on a context for which this
/// compilation defines migrations (<c>[DbContext(typeof(X))]</c>). EnsureCreated builds the schema from the
/// model without the <c>__EFMigrationsHistory</c> table, so a later <c>Migrate()</c> tries to create every
/// table again and fails; and on a database that exists it does nothing, so the migrations never run.
/// Reported on the call; a context whose type the call site does not know (plain <c>DbContext</c>) is silent.
/// </summary>
public sealed class EnsureCreatedWithMigrationsRule : MigrationRuleAnalyzer
{
    internal static readonly DiagnosticDescriptor Rule = RuleDescriptor.Create(
        RuleIdentifiers.EnsureCreatedWithMigrations,
        title: "EnsureCreated used on a context that has migrations",
        messageFormat: "{0} on '{1}', which has {2} migration{3} in this project: it creates the schema without the migrations history table, so a later Migrate() fails on tables that already exist (and on an existing database it does nothing); call Database.Migrate() instead",
        DiagnosticCategories.Conventions,
        DiagnosticSeverity.Warning,
        description: "EnsureCreated and migrations do not mix: EnsureCreated creates the schema from the current model without recording any migration, so Migrate() later tries to re-create everything, and EnsureCreated never applies later migrations to an existing database.");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    private protected override void Analyze(MigrationRuleContext context)
    {
        // Nothing per migration: the call sites are found by the syntax action below.
    }

    private protected override void OnCompilationStart(CompilationStartAnalysisContext context)
    {
        var types = MigrationCatalog.For(context.Compilation)?.Types;
        var facade = types?.DatabaseFacade;
        var dbContextAttribute = types?.DbContextAttribute;
        if (facade is null || dbContextAttribute is null)
        {
            return;
        }

        // Migrations per context type, counted once and only when a call is found.
        var migrated = new Lazy<ImmutableDictionary<ISymbol, int>>(() =>
        {
            var counts = ImmutableDictionary.CreateBuilder<ISymbol, int>(SymbolEqualityComparer.Default);
            if (MigrationCatalog.For(context.Compilation) is { } catalog)
            {
                foreach (var migration in catalog.Migrations)
                {
                    if (MigrationIdRule.DbContextOf(migration.Symbol, dbContextAttribute) is { } owner)
                    {
                        counts[owner] = counts.TryGetValue(owner, out var count) ? count + 1 : 1;
                    }
                }
            }

            return counts.ToImmutable();
        });

        context.RegisterSyntaxNodeAction(
            node =>
            {
                try
                {
                    AnalyzeCall(node, facade, migrated);
                }
                catch (Exception ex) when (ex is not OperationCanceledException && !Debugger.IsDebugBuild)
                {
                    // Never AD0001: unusual code yields no diagnostic.
                }
            },
            SyntaxKind.InvocationExpression);
    }

    private static void AnalyzeCall(SyntaxNodeAnalysisContext context, INamedTypeSymbol facade, Lazy<ImmutableDictionary<ISymbol, int>> migrated)
    {
        // Token test first: only calls spelled EnsureCreated[Async] are ever bound.
        if (context.Node is not InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name.Identifier.ValueText: "EnsureCreated" or "EnsureCreatedAsync" } } invocation ||
            context.SemanticModel.GetOperation(invocation, context.CancellationToken) is not IInvocationOperation { Instance: IPropertyReferenceOperation { Instance: { Type: { } owner } } database } call ||
            !SymbolEqualityComparer.Default.Equals(call.TargetMethod.ContainingType, facade) || database.Property.Name != "Database" ||
            !migrated.Value.TryGetValue(owner, out var count))
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(Rule, invocation.GetLocation(), "Database." + call.TargetMethod.Name + "()", owner.Name, count, count == 1 ? string.Empty : "s"));
    }
}
