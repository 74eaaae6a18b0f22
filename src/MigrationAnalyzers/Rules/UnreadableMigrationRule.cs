using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using MigrationAnalyzers.Model;

namespace MigrationAnalyzers.Rules;

/// <summary>
/// MIG000 (hidden): a migration class the model could not read. SPEC §7: a failure never reaches
/// the user as AD0001, but it is never silent either; the history is incomplete from this
/// migration on, so the rules that need it stay silent for the migrations after it, and this
/// says why. Not a <see cref="MigrationRuleAnalyzer"/>: there is no model to hand a rule.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class UnreadableMigrationRule : DiagnosticAnalyzer
{
    internal static readonly DiagnosticDescriptor Rule = RuleDescriptor.Create(
        RuleIdentifiers.UnreadableMigration,
        title: "Migration could not be analyzed",
        messageFormat: "Migration '{0}' could not be analyzed ({1}); rules that need the migration history stay silent for the migrations after it",
        DiagnosticCategories.Analysis,
        DiagnosticSeverity.Hidden,
        description: "The analyzers met code in this migration they could not model. Instead of an AD0001 error in the build, the migration is skipped, the history is marked incomplete from it on, and this hidden diagnostic records what failed. Please report it with the migration's shape.");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(start =>
        {
            if (MigrationCatalog.For(start.Compilation) is { } catalog)
            {
                start.RegisterSymbolAction(symbolContext => Analyze(symbolContext, catalog), SymbolKind.NamedType);
            }
        });
    }

    private static void Analyze(SymbolAnalysisContext context, MigrationCatalog catalog)
    {
        try
        {
            if (context.Symbol is INamedTypeSymbol { TypeKind: TypeKind.Class } type &&
                catalog.FailureOf(type, context.CancellationToken) is { } failure)
            {
                context.ReportDiagnostic(Diagnostic.Create(Rule, Location(type), type.Name, failure));
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException && !Debugger.IsDebugBuild)
        {
            // The report of a failure must not fail in turn.
        }
    }

    /// <summary>The class name in its first part outside a .Designer.cs file.</summary>
    private static Location Location(INamedTypeSymbol type)
    {
        foreach (var location in type.Locations)
        {
            if (location.SourceTree?.FilePath.EndsWith(".Designer.cs", StringComparison.OrdinalIgnoreCase) == false)
            {
                return location;
            }
        }

        return type.Locations.IsEmpty ? Microsoft.CodeAnalysis.Location.None : type.Locations[0];
    }
}
