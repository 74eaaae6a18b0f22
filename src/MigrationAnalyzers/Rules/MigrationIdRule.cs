using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using MigrationAnalyzers.Configuration;
using MigrationAnalyzers.Model;

namespace MigrationAnalyzers.Rules;

/// <summary>
/// MIG083: a migration class without <c>[Migration("id")]</c> (EF Core skips it: it never runs), or two
/// migrations of one DbContext with the same id (EF Core throws when it lists the migrations). The
/// duplicate check needs every migration, so it runs at compilation end.
/// </summary>
public sealed class MigrationIdRule : MigrationRuleAnalyzer
{
    private const string Title = "Migration has no id or shares its id";

    internal static readonly DiagnosticDescriptor MissingRule = RuleDescriptor.Create(
        RuleIdentifiers.MigrationId,
        title: Title,
        messageFormat: "Migration class '{0}' has no [Migration(\"…\")] attribute: EF Core never applies it; restore its .Designer.cs file or add [Migration(\"<timestamp>_{0}\")] and [DbContext(typeof(…))]",
        DiagnosticCategories.Conventions,
        DiagnosticSeverity.Warning,
        description: "EF Core discovers migrations by their [Migration] id: a class without it is silently skipped (it only logs a warning), so its schema changes never reach the database. Two migrations of one DbContext with the same id make EF Core throw when it lists the migrations.");

    internal static readonly DiagnosticDescriptor DuplicateRule = RuleDescriptor.Create(
        RuleIdentifiers.MigrationId,
        title: Title,
        messageFormat: "Migration id '{0}' is also used by {1}: EF Core fails to list the migrations of a DbContext whose ids repeat; give one of them a new id (re-create it with dotnet ef migrations add)",
        DiagnosticCategories.Conventions,
        DiagnosticSeverity.Warning,
        description: "Two migrations of one DbContext with the same id make EF Core throw when it lists the migrations.",
        isCompilationEnd: true);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(MissingRule, DuplicateRule);

    private protected override void Analyze(MigrationRuleContext context)
    {
        var migration = context.Migration;
        var types = context.Catalog.Types;
        if (migration.Id is not null || types.MigrationAttribute is null || migration.Symbol.IsGenericType ||
            migration.Symbol.GetAttributes().Any(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, types.MigrationAttribute)))
        {
            // An attribute whose id is not a constant: unknown, silent.
            return;
        }

        // A non-abstract class that other migrations derive from is a custom base, not a migration of its own
        // (the catalog collects the bases once: asking per migration stays linear in the history).
        if (context.Catalog.IsBaseOfAnotherMigration(migration.Symbol))
        {
            return;
        }

        context.Report(MissingRule, migration.IdentifierLocation, migration.Name);
    }

#pragma warning disable RS1013 // The base's start action also registers the symbol action Analyze runs in.
    private protected override void OnCompilationStart(CompilationStartAnalysisContext context) =>
        context.RegisterCompilationEndAction(ReportDuplicates);
#pragma warning restore RS1013

    private static void ReportDuplicates(CompilationAnalysisContext context)
    {
        try
        {
            if (MigrationCatalog.For(context.Compilation) is not { } catalog)
            {
                return;
            }

            var dbContextAttribute = catalog.Types.DbContextAttribute;
            var groups = new Dictionary<(ISymbol? Context, string Id), List<MigrationModel>>(new KeyComparer());
            foreach (var migration in catalog.Migrations)
            {
                if (migration.Id is not { } id)
                {
                    continue;
                }

                var key = (DbContextOf(migration.Symbol, dbContextAttribute), id);
                if (!groups.TryGetValue(key, out var list))
                {
                    groups[key] = list = new List<MigrationModel>();
                }

                list.Add(migration);
            }

            foreach (var group in groups)
            {
                if (group.Value.Count < 2)
                {
                    continue;
                }

                foreach (var migration in group.Value)
                {
                    context.CancellationToken.ThrowIfCancellationRequested();
                    var options = catalog.Options(context.Options.AnalyzerConfigOptionsProvider, migration.Tree);
                    if (options.IsBaselined(migration.Id))
                    {
                        continue;
                    }

                    var others = string.Join(", ", group.Value.Where(m => m != migration).Select(m => SymbolNames.Display(m.Symbol)).OrderBy(n => n, StringComparer.Ordinal));
                    context.ReportDiagnostic(Diagnostic.Create(DuplicateRule, migration.IdentifierLocation, group.Key.Id, others));
                }
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException && !Debugger.IsDebugBuild)
        {
            // Never AD0001: unusual code yields no diagnostic.
        }
    }

    /// <summary>The DbContext of <c>[DbContext(typeof(X))]</c>: EF keys migrations by context, then id.</summary>
    internal static ISymbol? DbContextOf(INamedTypeSymbol type, INamedTypeSymbol? dbContextAttribute)
    {
        foreach (var attribute in type.GetAttributes())
        {
            if (dbContextAttribute is not null && SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, dbContextAttribute) &&
                attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Value is ITypeSymbol contextType)
            {
                return contextType;
            }
        }

        return null;
    }

    private sealed class KeyComparer : IEqualityComparer<(ISymbol? Context, string Id)>
    {
        public bool Equals((ISymbol? Context, string Id) x, (ISymbol? Context, string Id) y) =>
            SymbolEqualityComparer.Default.Equals(x.Context, y.Context) && string.Equals(x.Id, y.Id, StringComparison.Ordinal);

        public int GetHashCode((ISymbol? Context, string Id) obj) =>
            (SymbolEqualityComparer.Default.GetHashCode(obj.Context) * 397) ^ StringComparer.Ordinal.GetHashCode(obj.Id);
    }
}
