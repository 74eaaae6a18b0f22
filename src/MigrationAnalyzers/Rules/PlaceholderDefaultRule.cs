using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using MigrationAnalyzers.Checks;
using MigrationAnalyzers.Configuration;
using MigrationAnalyzers.Model;

namespace MigrationAnalyzers.Rules;

/// <summary>
/// MIG021: a NOT NULL column on an existing table whose <c>defaultValue</c> is EF's placeholder
/// (the CLR default it scaffolds: <c>0</c>, <c>""</c>, <c>false</c>, <c>DateTime.MinValue</c>…).
/// The migration succeeds, but existing rows silently hold a value nobody chose. On MySQL a NOT NULL
/// <c>AddColumn</c> with no default at all does the same (MIG020 leaves it to this rule).
/// Two descriptors with the one id MIG021: Info, and Warning for a foreign key column (a sentinel key
/// points at no principal, so the FK fails, or at the wrong one). Each is an ordinary, release-tracked
/// descriptor (no effective-severity override), and <c>dotnet_diagnostic.MIG021.severity</c> governs both.
/// </summary>
[ReadsOptions(MigrationAnalyzerOptions.ProviderKey)]
public sealed class PlaceholderDefaultRule : MigrationRuleAnalyzer
{
    private const string Title = "Existing rows get EF's placeholder default";
    private const string Message = "{0} gives existing rows of table '{1}' {2} in NOT NULL column '{3}'{4}; backfill a real value (add it nullable, UPDATE, then AlterColumn to NOT NULL) or choose a meaningful default";
    private const string Description = "When a required column is added or made required, EF scaffolds the CLR default of its type as defaultValue. Every existing row then holds 0, '', false, 0001-01-01 or an empty GUID: sentinel data that looks real. MySQL does the same without any default: ALTER TABLE … ADD a NOT NULL column fills existing rows with the type's implicit default. It is reported as a warning when the column is in a foreign key.";

    /// <summary>See <see cref="NotNullColumns.MySqlFillsWithImplicitDefault"/>.</summary>
    private const string MySqlImplicitDefault = "MySQL's implicit default for the column's type (0, '', the first ENUM value…)";

    internal static readonly DiagnosticDescriptor Rule = RuleDescriptor.Create(
        RuleIdentifiers.PlaceholderDefault, Title, Message, DiagnosticCategories.ExistingRows, DiagnosticSeverity.Info, Description);

    /// <summary>The same rule on a foreign key column: same id, so one severity setting governs both.</summary>
    internal static readonly DiagnosticDescriptor ForeignKeyRule = RuleDescriptor.Create(
        RuleIdentifiers.PlaceholderDefault, Title, Message, DiagnosticCategories.ExistingRows, DiagnosticSeverity.Warning, Description);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule, ForeignKeyRule);

    private protected override void Analyze(MigrationRuleContext context)
    {
        var operations = context.Migration.Up.Operations;
        for (var i = 0; i < operations.Length; i++)
        {
            var operation = operations[i];
            string action;
            string? shown = null;
            if (operation.Kind == MigrationOperationKind.AddColumn && NotNullColumns.IsNotNullAddOnExistingTable(context, operation, i))
            {
                if (NotNullColumns.HasLaterBackfill(context, operation, i))
                {
                    // Every row gets a real value before anything reads the placeholder.
                    continue;
                }

                action = "AddColumn";
                if (NotNullColumns.MySqlFillsWithImplicitDefault(context.Provider, operation.Column!))
                {
                    shown = MySqlImplicitDefault;
                }
            }
            else if (NotNullColumns.IsTighteningOnExistingTable(context, operation, i) && !NotNullColumns.HasEarlierBackfill(context, operation, i))
            {
                action = "AlterColumn to NOT NULL";
            }
            else
            {
                continue;
            }

            if (shown is null && PlaceholderDefaults.Read(operation.Column!.DefaultValue) is { IsPlaceholder: true } value)
            {
                shown = "EF's placeholder default " + Display(value);
            }

            if (shown is null)
            {
                continue;
            }

            var foreignKey = IsForeignKeyColumn(context, operation, i);
            context.Report(
                foreignKey ? ForeignKeyRule : Rule,
                operation.Location,
                action,
                MigrationRuleContext.Qualified(operation.Schema, operation.Table),
                shown,
                operation.Name,
                foreignKey ? ", a foreign key column: the sentinel references no principal row (the key fails) or the wrong one" : string.Empty);
        }
    }

    private static string Display(ColumnValue value) => value.Kind switch
    {
        ColumnValueKind.Text => "'" + value.Text + "'",
        ColumnValueKind.Binary => "(empty bytes)",
        _ => value.Text,
    };

    /// <summary>In a foreign key added by this Up, or in one the table already had.</summary>
    private static bool IsForeignKeyColumn(MigrationRuleContext context, MigrationOperation column, int upIndex)
    {
        foreach (var operation in context.Migration.Up.Operations)
        {
            if (operation.Kind == MigrationOperationKind.AddForeignKey && operation.Parent is null &&
                operation.IsTable(column.Schema, column.Table!) && !operation.Columns.IsDefault && operation.Columns.Contains(column.Name!))
            {
                return true;
            }
        }

        if (context.UpStateBefore(upIndex).Find(column.Schema, column.Table) is { } table)
        {
            foreach (var key in table.Keys.Values)
            {
                if (key.Kind == MigrationOperationKind.AddForeignKey && key.Columns.Contains(column.Name!))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
