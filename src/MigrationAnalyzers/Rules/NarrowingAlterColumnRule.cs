using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using MigrationAnalyzers.Model;
using MigrationAnalyzers.Schema;

namespace MigrationAnalyzers.Rules;

/// <summary>
/// MIG005: <c>AlterColumn</c> that narrows a column or changes its type incompatibly on an existing
/// table: existing values are truncated, rounded, or the conversion fails mid-migration. The type
/// knowledge (families, widenings per provider) lives in <see cref="TypeCompatibility"/>.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class NarrowingAlterColumnRule : MigrationRuleAnalyzer
{
    internal static readonly DiagnosticDescriptor Rule = RuleDescriptor.Create(
        RuleIdentifiers.NarrowingAlterColumn,
        title: "Column type narrowed or changed incompatibly",
        messageFormat: "AlterColumn changes column '{1}' of existing table '{0}' from {2} to {3} ({4}): existing values are truncated, rounded or fail to convert; use expand/contract (add a new column, backfill it with an explicit cast, drop the old one, rename the new one)",
        DiagnosticCategories.DataLoss,
        DiagnosticSeverity.Warning,
        description: "A shorter max length, a lower precision or scale, Unicode to non-Unicode, or a change of type family (text to number, bigint to int, date and time to date) cannot keep every existing value. Safe widenings (longer, more precise, int to bigint, varchar(n) to text) are not reported.");

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

    private protected override void Analyze(MigrationRuleContext context)
    {
        var operations = context.Migration.Up.Operations;
        for (var i = 0; i < operations.Length; i++)
        {
            var operation = operations[i];
            if (operation.Kind == MigrationOperationKind.AlterColumn &&
                Describe(operation, context.Provider) is { } change &&
                context.MayRun(operation) &&
                context.IsExistingTable(operation.Schema, operation.Table!, i) &&
                !context.IsColumnAddedEarlier(operation.Schema, operation.Table!, operation.Name!, i) &&
                !OldDefinition.ContradictsKnown(context, operation, i))
            {
                context.Report(Rule, operation.Location, MigrationRuleContext.Qualified(operation.Schema, operation.Table), operation.Name, change.From, change.To, change.Reason);
            }
        }
    }

    /// <summary>The narrowing an AlterColumn makes, or null (safe, unknown, unreadable).</summary>
    internal static (string From, string To, string Reason)? Describe(MigrationOperation operation, Configuration.DatabaseProvider provider)
    {
        if (operation is not { Column: { } column, OldColumn: { } old, Table: not null, Name: not null } || operation.HasUnknownArguments)
        {
            return null;
        }

        var oldClr = old.ClrType ?? column.ClrType;
        if (TypeCompatibility.Shape(old, oldClr, provider) is not { } from || TypeCompatibility.Shape(column, column.ClrType, provider) is not { } to)
        {
            return null;
        }

        var reason = TypeCompatibility.Narrowing(from, to, provider);
        if (reason is null && TypeCompatibility.FromClr(oldClr) is { } clrFrom && TypeCompatibility.FromClr(column.ClrType) is { } clrTo)
        {
            // Store types can hide a CLR narrowing (SQLite's INTEGER holds int and long alike).
            reason = TypeCompatibility.Narrowing(clrFrom, clrTo, provider);
        }

        return reason is null ? null : (from.Display, to.Display, reason);
    }
}
