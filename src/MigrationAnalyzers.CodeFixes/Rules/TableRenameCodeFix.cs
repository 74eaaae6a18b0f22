using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using MigrationAnalyzers.CodeFixes.Generation;
using MigrationAnalyzers.Model;
using MigrationAnalyzers.Rules;
using MigrationAnalyzers.Schema;

namespace MigrationAnalyzers.CodeFixes.Rules;

/// <summary>
/// MIG004 fix: the <c>DropTable</c> + <c>CreateTable</c> pair becomes what EF scaffolds for a
/// table rename — <c>DropForeignKey</c>/<c>DropPrimaryKey</c> of the old keys,
/// <c>RenameTable</c>, <c>RenameIndex</c> of each index the new table re-creates (its
/// <c>CreateIndex</c> goes), then <c>AddPrimaryKey</c>/<c>AddForeignKey</c>… of the new keys —
/// at the earlier of the two positions. Down's drop/create of the same tables gets the inverse.
/// Keys that keep their name and columns are left alone.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(TableRenameCodeFix)), Shared]
public sealed class TableRenameCodeFix : MigrationCodeFix
{
    public const string EquivalenceKey = "MIG004.RenameTable";

    public override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(RuleIdentifiers.TableRename);

    private protected override string Title(Diagnostic diagnostic) => "Rewrite as RenameTable (keeps the rows)";

    private protected override string Key => EquivalenceKey;

    private protected override void Plan(FixTarget target, FixPlan plan)
    {
        var (document, context) = (target.Document, target.Context);
        var diagnostic = target.Diagnostic;
        var rename = RenameDetection.For(context).Tables.FirstOrDefault(r =>
            r.Drop.Syntax.Span == diagnostic.Location.SourceSpan && r.Drop.Syntax.SyntaxTree == document.Root.SyntaxTree);
        if (rename is null ||
            FixPlan.StatementOf(rename.Drop) is not { } dropStatement ||
            FixPlan.StatementOf(rename.Create) is not { } createStatement ||
            plan.IsEdited(dropStatement) || plan.IsEdited(createStatement))
        {
            return;
        }

        var up = context.Migration.Up.Operations;
        var down = context.Migration.Down;
        var downCreate = down.Operations.FirstOrDefault(o => o.Kind == MigrationOperationKind.CreateTable && o.IsTable(rename.OldSchema, rename.OldName) && context.MayRun(o));
        var downDrop = down.Operations.FirstOrDefault(o => o.Kind == MigrationOperationKind.DropTable && o.IsTable(rename.NewSchema, rename.NewName) && context.MayRun(o));

        // The old table's keys as Down re-creates them (EF's view), else as the history left them.
        var newTable = new TableSide(rename.NewSchema, rename.NewName, rename.Create["schema"], KeysOf(rename.Create, up, context));
        var oldTable = downCreate is not null && !downCreate.HasUnknownArguments
            ? new TableSide(rename.OldSchema, rename.OldName, rename.Drop["schema"], KeysOf(downCreate, down.Operations, context))
            : new TableSide(rename.OldSchema, rename.OldName, rename.Drop["schema"], HistoryKeys(context.UpStateBefore(rename.DropIndex).Find(rename.OldSchema, rename.OldName)));

        var first = rename.DropIndex < rename.CreateIndex ? dropStatement : createStatement;
        var upPosition = System.Math.Min(rename.DropIndex, rename.CreateIndex);
        plan.Replace(first, Sequence(MigrationFix.Receiver(context.Migration.Up), oldTable.Without(DroppedBefore(up, upPosition, oldTable)), newTable, plan));
        plan.Remove(first == dropStatement ? createStatement : dropStatement);

        if (down.Declaration is not MethodDeclarationSyntax { Body: not null } || down.HasUnknown)
        {
            return;
        }

        // Down as EF scaffolded it: DropTable(new) then CreateTable(old); the first becomes the inverse rename.
        var downPair = new[] { downDrop, downCreate }
            .Where(o => o is not null && FixPlan.StatementOf(o) is { } statement && !plan.IsEdited(statement))
            .Select(o => (Operation: o!, Statement: FixPlan.StatementOf(o!)!))
            .OrderBy(p => p.Statement.SpanStart)
            .ToList();
        var downStatements = downPair.Select(p => p.Statement).ToList();
        var downPosition = downPair.Count == 0 ? 0 : down.Operations.IndexOf(downPair[0].Operation);
        var downFrom = newTable.WithSchemaSource(downDrop?["schema"] ?? newTable.SchemaSource);
        var inverse = Sequence(MigrationFix.Receiver(down), downFrom.Without(DroppedBefore(down.Operations, downPosition, downFrom)), oldTable, plan);
        if (downStatements.Count == 0)
        {
            plan.PrependToDown(context.Migration, inverse.Select(plan.Statement));
            return;
        }

        plan.Replace(downStatements[0], inverse);
        for (var i = 1; i < downStatements.Count; i++)
        {
            plan.Remove(downStatements[i]);
        }
    }

    /// <summary>
    /// The calls that turn <paramref name="from"/> into <paramref name="to"/> in place: drop the keys
    /// <paramref name="to"/> does not keep, rename the table, rename (or drop) its indexes, add the new keys.
    /// The <c>CreateIndex</c> statements of <paramref name="to"/> that became a <c>RenameIndex</c> are removed.
    /// </summary>
    private static List<EfCallWriter> Sequence(string receiver, TableSide from, TableSide to, FixPlan plan)
    {
        var calls = new List<EfCallWriter>();
        var kept = new HashSet<TableKeyInfo>();
        foreach (var key in from.Keys.Where(k => k.Kind != MigrationOperationKind.CreateIndex).OrderBy(k => DropOrder(k.Kind)))
        {
            var same = to.Keys.FirstOrDefault(k => k.Kind == key.Kind && k.Name == key.Name && k.Columns.SequenceEqual(key.Columns));
            if (same is not null)
            {
                kept.Add(same);
                continue;
            }

            calls.Add(new EfCallWriter(receiver, DropMethod(key.Kind))
                .Literal("name", key.Name)
                .Schema("schema", from.SchemaSource)
                .Literal("table", from.Name));
        }

        var rename = new EfCallWriter(receiver, "RenameTable")
            .Literal("name", from.Name)
            .Schema("schema", from.SchemaSource)
            .Literal("newName", to.Name);
        calls.Add(rename.Schema("newSchema", to.SchemaSource));

        var matched = new HashSet<TableKeyInfo>();
        foreach (var index in from.Keys.Where(k => k.Kind == MigrationOperationKind.CreateIndex))
        {
            var target = to.Keys.FirstOrDefault(k => k.Kind == MigrationOperationKind.CreateIndex && !matched.Contains(k) &&
                k.IsUnique == index.IsUnique && k.Columns.SequenceEqual(index.Columns) && (k.Statement is null || !plan.IsEdited(k.Statement)));
            if (target is null)
            {
                // Dropped with the old table, not re-created: the renamed table must not keep it.
                calls.Add(new EfCallWriter(receiver, "DropIndex").Literal("name", index.Name).Schema("schema", to.SchemaSource).Literal("table", to.Name));
                continue;
            }

            matched.Add(target);
            if (target.Statement is not null)
            {
                plan.Remove(target.Statement);
            }

            if (target.Name != index.Name)
            {
                calls.Add(new EfCallWriter(receiver, "RenameIndex")
                    .Literal("name", index.Name)
                    .Schema("schema", to.SchemaSource)
                    .Literal("table", to.Name)
                    .Literal("newName", target.Name));
            }
        }

        foreach (var key in to.Keys.Where(k => k.Kind != MigrationOperationKind.CreateIndex && !kept.Contains(k)).OrderBy(k => AddOrder(k.Kind)))
        {
            if (AddCall(receiver, key, to) is { } call)
            {
                calls.Add(call);
            }
        }

        return calls;
    }

    private static EfCallWriter? AddCall(string receiver, TableKeyInfo key, TableSide table)
    {
        if (key.Operation is not { } operation)
        {
            return null;
        }

        var call = new EfCallWriter(receiver, AddMethod(key.Kind))
            .Literal("name", key.Name)
            .Schema("schema", table.SchemaSource)
            .Literal("table", table.Name);
        switch (key.Kind)
        {
            case MigrationOperationKind.AddCheckConstraint:
                return call.Argument("sql", MigrationFix.Source(operation["sql"]));
            case MigrationOperationKind.AddForeignKey:
                call.ColumnList("column", "columns", key.Columns);
                call.Schema("principalSchema", operation["principalSchema"]);
                call.Argument("principalTable", MigrationFix.Source(operation["principalTable"]));
                if (!operation.PrincipalColumns.IsDefault && operation.PrincipalColumns.Length > 0)
                {
                    call.ColumnList("principalColumn", "principalColumns", operation.PrincipalColumns);
                }

                foreach (var action in new[] { "onUpdate", "onDelete" })
                {
                    if (!operation[action].IsOmitted)
                    {
                        call.Argument(action, MigrationFix.Source(operation[action]));
                    }
                }

                return call;
            default:
                return call.ColumnList("column", "columns", key.Columns);
        }
    }

    /// <summary>
    /// Names of keys and indexes of <paramref name="table"/> that the method already drops before
    /// <paramref name="position"/> (e.g. an explicit <c>DropForeignKey</c> before the <c>DropTable</c>):
    /// the rewrite must not drop or rename them again.
    /// </summary>
    private static HashSet<string> DroppedBefore(ImmutableArray<MigrationOperation> method, int position, TableSide table)
    {
        var dropped = new HashSet<string>();
        for (var i = 0; i < position && i < method.Length; i++)
        {
            var operation = method[i];
            if (operation.Kind is MigrationOperationKind.DropForeignKey or MigrationOperationKind.DropIndex or MigrationOperationKind.DropPrimaryKey or
                    MigrationOperationKind.DropUniqueConstraint or MigrationOperationKind.DropCheckConstraint &&
                operation.IsTable(table.Schema, table.Name) && operation.Name is { } name)
            {
                dropped.Add(name);
            }
        }

        return dropped;
    }

    /// <summary>The keys a CreateTable declares plus the indexes its method creates on that table.</summary>
    private static ImmutableArray<TableKeyInfo> KeysOf(MigrationOperation createTable, ImmutableArray<MigrationOperation> method, MigrationRuleContext context)
    {
        var keys = ImmutableArray.CreateBuilder<TableKeyInfo>();
        foreach (var constraint in createTable.Constraints)
        {
            if (constraint.Kind is not (MigrationOperationKind.AddPrimaryKey or MigrationOperationKind.AddUniqueConstraint or
                MigrationOperationKind.AddForeignKey or MigrationOperationKind.AddCheckConstraint))
            {
                continue;
            }

            var columns = constraint.Kind == MigrationOperationKind.AddCheckConstraint ? ImmutableArray<string>.Empty : constraint.Columns;
            if (constraint.Name is { } name && !columns.IsDefault && !constraint.HasUnknownArguments)
            {
                keys.Add(new TableKeyInfo(name, constraint.Kind, columns, false, constraint, null));
            }
        }

        foreach (var operation in method)
        {
            if (operation.Kind == MigrationOperationKind.CreateIndex && operation.IsTable(createTable.Schema, createTable.Table!) &&
                context.MayRun(operation) && !operation.HasUnknownArguments && operation.Name is { } name && !operation.Columns.IsDefault)
            {
                keys.Add(new TableKeyInfo(name, operation.Kind, operation.Columns, operation["unique"].AsBool() == true, operation, FixPlan.StatementOf(operation)));
            }
        }

        return keys.ToImmutable();
    }

    private static ImmutableArray<TableKeyInfo> HistoryKeys(TableState? table)
    {
        if (table is null)
        {
            return ImmutableArray<TableKeyInfo>.Empty;
        }

        return table.Keys.Values
            .OrderBy(k => k.Name, System.StringComparer.Ordinal)
            .Select(k => new TableKeyInfo(k.Name, k.Kind, k.Columns, k.IsUnique, k.DeclaredBy.Name == k.Name ? k.DeclaredBy : null, null))
            .ToImmutableArray();
    }

    private static int DropOrder(MigrationOperationKind kind) => kind switch
    {
        MigrationOperationKind.AddForeignKey => 0,
        MigrationOperationKind.AddUniqueConstraint => 1,
        MigrationOperationKind.AddCheckConstraint => 2,
        _ => 3,
    };

    private static int AddOrder(MigrationOperationKind kind) => kind switch
    {
        MigrationOperationKind.AddPrimaryKey => 0,
        MigrationOperationKind.AddUniqueConstraint => 1,
        MigrationOperationKind.AddCheckConstraint => 2,
        _ => 3,
    };

    private static string DropMethod(MigrationOperationKind kind) => kind switch
    {
        MigrationOperationKind.AddForeignKey => "DropForeignKey",
        MigrationOperationKind.AddUniqueConstraint => "DropUniqueConstraint",
        MigrationOperationKind.AddCheckConstraint => "DropCheckConstraint",
        _ => "DropPrimaryKey",
    };

    private static string AddMethod(MigrationOperationKind kind) => kind switch
    {
        MigrationOperationKind.AddForeignKey => "AddForeignKey",
        MigrationOperationKind.AddUniqueConstraint => "AddUniqueConstraint",
        MigrationOperationKind.AddCheckConstraint => "AddCheckConstraint",
        _ => "AddPrimaryKey",
    };

    /// <summary>A primary key, unique constraint, foreign key, check constraint or index of one side of the rename.</summary>
    private sealed class TableKeyInfo
    {
        public TableKeyInfo(string name, MigrationOperationKind kind, ImmutableArray<string> columns, bool isUnique, MigrationOperation? operation, StatementSyntax? statement)
        {
            Name = name;
            Kind = kind;
            Columns = columns;
            IsUnique = isUnique;
            Operation = operation;
            Statement = statement;
        }

        public string Name { get; }

        public MigrationOperationKind Kind { get; }

        public ImmutableArray<string> Columns { get; }

        public bool IsUnique { get; }

        /// <summary>The declaring operation (for Add* arguments); null when only the history's name is known.</summary>
        public MigrationOperation? Operation { get; }

        /// <summary>A CreateIndex's own statement in the method being fixed, or null.</summary>
        public StatementSyntax? Statement { get; }
    }

    /// <summary>One table of the rename: its name, the <c>schema</c> argument as written, its keys.</summary>
    private sealed class TableSide
    {
        public TableSide(string? schema, string name, ArgumentValue schemaSource, ImmutableArray<TableKeyInfo> keys)
        {
            Schema = schema;
            Name = name;
            SchemaSource = schemaSource;
            Keys = keys;
        }

        public string? Schema { get; }

        public string Name { get; }

        public ArgumentValue SchemaSource { get; }

        public ImmutableArray<TableKeyInfo> Keys { get; }

        public TableSide WithSchemaSource(ArgumentValue schemaSource) => new(Schema, Name, schemaSource, Keys);

        public TableSide Without(HashSet<string> keyNames) =>
            keyNames.Count == 0 ? this : new(Schema, Name, SchemaSource, Keys.RemoveAll(k => keyNames.Contains(k.Name)));
    }
}
