using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using MigrationAnalyzers.Model;
using MigrationAnalyzers.Reversibility;

namespace MigrationAnalyzers.Rules;

/// <summary>
/// MIG040: the migration does not override <c>Down</c>. EF's own <c>Migration.Down</c> throws, so
/// rolling back (<c>dotnet ef database update &lt;previous&gt;</c>) fails at this migration.
/// </summary>
public sealed class DownMissingRule : MigrationRuleAnalyzer
{
    internal static readonly DiagnosticDescriptor Rule = RuleDescriptor.Create(
        RuleIdentifiers.DownMissing,
        title: "Migration does not override Down",
        messageFormat: "Migration '{0}' does not override Down: rolling back to the previous migration throws {1}",
        DiagnosticCategories.Reversibility,
        DiagnosticSeverity.Warning,
        description: "EF Core's Migration.Down throws when not overridden, so a migration without Down cannot be rolled back. The code fix generates Down from the inverse of each Up operation when every inverse is known; an Up that only changes data needs an empty Down.");

    private const string SchemaAdvice =
        "and leaves the schema of Up in place; override Down with the inverse of every Up operation in reverse order, or throw NotSupportedException in it to state that the migration is irreversible";

    private const string DataAdvice =
        "although Up only changes data, which needs no inverse; override Down with an empty body";

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    private protected override void Analyze(MigrationRuleContext context)
    {
        var migration = context.Migration;
        if (migration.Down.IsDeclared || !migration.Up.IsDeclared || BaseOverridesDown(migration.Symbol, context.Catalog.Types))
        {
            return;
        }

        context.Report(Rule, migration.IdentifierLocation, migration.Name, UpEffects.OnlyChangesData(context) ? DataAdvice : SchemaAdvice);
    }

    /// <summary>A custom base class from another assembly (no source) may implement Down for all its migrations.</summary>
    private static bool BaseOverridesDown(INamedTypeSymbol type, EfTypes types)
    {
        for (var current = type; current is not null && !SymbolEqualityComparer.Default.Equals(current, types.Migration); current = current.BaseType)
        {
            foreach (var member in current.GetMembers("Down"))
            {
                if (member is IMethodSymbol { IsOverride: true, Parameters.Length: 1 })
                {
                    return true;
                }
            }
        }

        return false;
    }
}
