using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using MigrationAnalyzers.Model;
using MigrationAnalyzers.Reversibility;
using MigrationAnalyzers.Schema;
using static MigrationAnalyzers.CodeFixes.Generation.InverseArguments;
using K = MigrationAnalyzers.Model.MigrationOperationKind;

namespace MigrationAnalyzers.CodeFixes.Generation;

/// <summary>
/// The full call that undoes an Up operation, with every argument it needs (<see cref="Build"/>),
/// for the fixes to render. Which kind undoes which is <see cref="InverseKinds"/>'. For <c>Drop…</c>
/// operations and <c>old…</c>-less <c>AlterColumn</c>s the old definition comes from the schema
/// history (the column or key as the last operation that defined it left it); when it is not known
/// the inverse is not built: fixes never guess values.
/// </summary>
internal static partial class Inverses
{
    // The column parameters of AddColumn/AlterColumn in the order EF's scaffolder writes them.
    private static readonly string[] ColumnParameters =
    {
        "type", "unicode", "maxLength", "fixedLength", "precision", "scale", "rowVersion", "nullable",
        "defaultValue", "defaultValueSql", "computedColumnSql", "stored", "comment", "collation",
    };

    private static readonly string[] SequenceParameters = { "incrementBy", "minValue", "maxValue", "cyclic", "cacheSize" };

    /// <summary>
    /// The call that undoes Up operation <paramref name="up"/>; <paramref name="before"/> is the schema
    /// just before it (history plus the Up operations before it). Null when the inverse needs a value
    /// that is not known, or the operation has none.
    /// </summary>
    public static InverseCall? Build(MigrationOperation up, SchemaState before, IEnumerable<MigrationOperation>? earlierOperations = null)
    {
        if (up.HasUnknownArguments || up.Parent is not null)
        {
            return null;
        }

        var table = up.Table;
        switch (up.Kind)
        {
            case K.CreateTable:
                return Call("DropTable", null, Str("name", table), SchemaArgument(up.Schema));
            case K.DropTable:
                return ReCreateTable(up, before.Find(up.Schema, table), earlierOperations);
            case K.DropCheckConstraint:
                return ReAddCheckConstraint(up, earlierOperations);
            case K.DropSequence:
                return ReCreateSequence(up, earlierOperations);
            case K.RenameTable:
                // EF scaffolds newSchema whenever the table lives in a schema: the inverse moves it back.
                return Call(
                    "RenameTable",
                    null,
                    Str("name", up.NewName),
                    SchemaArgument(up["newSchema"].AsString()),
                    Str("newName", table),
                    SchemaArgument(up.Schema, "newSchema"));
            case K.AlterTable:
                return new InverseCall(
                    "AlterTable",
                    null,
                    Arguments(Str("name", table), SchemaArgument(up.Schema), Swap(up, "oldComment", "comment"), Swap(up, "comment", "oldComment")),
                    SwappedAnnotations(up.Annotations));
            case K.AddColumn:
                return Call("DropColumn", null, Str("name", up.Name), SchemaArgument(up.Schema), Str("table", table));
            case K.DropColumn:
                return ReAddColumn(up, before.Find(up.Schema, table));
            case K.AlterColumn:
                return AlterBack(up, before.Find(up.Schema, table));
            case K.RenameColumn:
            case K.RenameIndex:
                return Call(up.MethodName, null, Str("name", up.NewName), SchemaArgument(up.Schema), Str("table", table), Str("newName", up.Name));
            case K.CreateIndex:
            case K.AddPrimaryKey:
            case K.AddForeignKey:
            case K.AddUniqueConstraint:
            case K.AddCheckConstraint:
                var drop = up.Kind == K.CreateIndex ? "DropIndex" : "Drop" + up.MethodName.Substring(3);
                return Call(drop, null, Str("name", up.Name), SchemaArgument(up.Schema), Str("table", table));
            case K.DropIndex:
            case K.DropPrimaryKey:
            case K.DropForeignKey:
            case K.DropUniqueConstraint:
                return ReAddKey(up, before.Find(up.Schema, table));
            case K.CreateSequence:
                return Call("DropSequence", null, Str("name", up.Name), SchemaArgument(up.Schema));
            case K.AlterSequence:
                var arguments = new List<InverseArgument?> { Str("name", up.Name), SchemaArgument(up.Schema) };
                foreach (var parameter in SequenceParameters)
                {
                    arguments.Add(Swap(up, Old(parameter), parameter));
                }

                foreach (var parameter in SequenceParameters)
                {
                    arguments.Add(Swap(up, parameter, Old(parameter)));
                }

                return new InverseCall("AlterSequence", null, Arguments(arguments.ToArray()), SwappedAnnotations(up.Annotations));
            case K.RenameSequence:
                return Call(
                    "RenameSequence",
                    null,
                    Str("name", up.NewName),
                    SchemaArgument(up["newSchema"].AsString()),
                    Str("newName", up.Name),
                    SchemaArgument(up.Schema, "newSchema"));
            case K.DropSchema:
                return Call("EnsureSchema", null, Str("name", up.Name));
            case K.AlterDatabase:
                return new InverseCall("AlterDatabase", null, Arguments(Swap(up, "oldCollation", "collation"), Swap(up, "collation", "oldCollation")), SwappedAnnotations(up.Annotations));
            case K.InsertData:
                return DeleteInserted(up, before.Find(up.Schema, table));
            default:
                // UpdateData and DeleteData need old rows that the history does not record;
                // Sql/EnsureSchema are not inverted.
                return null;
        }
    }

    private static InverseCall? ReAddColumn(MigrationOperation drop, TableState? table)
    {
        if (drop.Name is not { } name || table is null || !table.Columns.TryGetValue(name, out var column))
        {
            return null;
        }

        var arguments = new List<InverseArgument?> { Str("name", name), SchemaArgument(drop.Schema), Str("table", drop.Table) };
        if (!AddColumnArguments(column, arguments, withPlaceholderDefault: true) || TypeArgumentOf(column) is not { } type)
        {
            return null;
        }

        return new InverseCall("AddColumn", type, Arguments(arguments.ToArray()), Annotations(column.Annotations, old: false));
    }

    private static InverseCall? AlterBack(MigrationOperation alter, TableState? table)
    {
        if (alter.Column is not { } current || alter.Name is not { } name || TypeArgumentOf(current) is not { } currentType)
        {
            return null;
        }

        // EF scaffolds oldClrType and every old… value; without them the previous definition is the history's.
        var previous = alter["oldClrType"].Kind == ArgumentValueKind.TypeOf
            ? alter.OldColumn
            : table is not null && table.Columns.TryGetValue(name, out var known) ? known : null;
        if (previous is null || TypeArgumentOf(previous) is not { } previousType || previous.HasUnknownArguments)
        {
            return null;
        }

        // Back to NOT NULL from nullable: rows Up let be NULL need a value, as EF's scaffolded Down gives them.
        var arguments = new List<InverseArgument?> { Str("name", name), SchemaArgument(alter.Schema), Str("table", alter.Table) };
        if (!AddColumnArguments(previous, arguments, withPlaceholderDefault: current.IsNullable == true))
        {
            return null;
        }

        arguments.Add(InverseArgument.Source("oldClrType", "typeof(" + currentType + ")"));
        var oldArguments = new List<InverseArgument?>();
        if (!AddColumnArguments(current, oldArguments, withPlaceholderDefault: false, oldSide: true))
        {
            return null;
        }

        foreach (var argument in oldArguments)
        {
            arguments.Add(Renamed(argument!, Old(argument!.Name)));
        }

        var annotations = Annotations(previous.Annotations, old: false).AddRange(Annotations(current.Annotations, old: true));
        return new InverseCall("AlterColumn", previousType, Arguments(arguments.ToArray()), annotations);
    }

    /// <summary>Appends a column's parameters as EF writes them; false when one is not known.</summary>
    private static bool AddColumnArguments(ColumnDefinition column, List<InverseArgument?> arguments, bool withPlaceholderDefault, bool oldSide = false)
    {
        foreach (var parameter in ColumnParameters)
        {
            var value = column[parameter];
            if (parameter == "nullable")
            {
                if (column.IsNullable is not { } nullable)
                {
                    return false;
                }

                // EF always writes nullable, and the old… side's oldNullable only when true.
                if (nullable || !oldSide)
                {
                    arguments.Add(InverseArgument.Literal("nullable", nullable));
                }

                continue;
            }

            if (value.IsOmitted || value.IsNull)
            {
                if (parameter == "defaultValue" && withPlaceholderDefault && column.IsNullable == false &&
                    !column.HasDefaultOrComputed && !column.IsRowVersion)
                {
                    // A NOT NULL column re-added to a table that has rows needs a value for them; EF's
                    // own scaffolding writes the CLR default here too.
                    if (PlaceholderDefault(column.ClrType) is not { } placeholder)
                    {
                        return false;
                    }

                    arguments.Add(placeholder);
                }

                continue;
            }

            if (!value.IsKnown)
            {
                return false;
            }

            arguments.Add(FromValue(parameter, value));
        }

        return true;
    }

    /// <summary>
    /// The <c>defaultValue:</c> EF's scaffolding writes for the rows of a NOT NULL column: the CLR
    /// default <see cref="PlaceholderDefaults"/> knows, in the C# form EF writes; null for a type whose
    /// scaffolded form is not written here (the fix is then not offered).
    /// </summary>
    internal static InverseArgument? PlaceholderDefault(ITypeSymbol? type)
    {
        if (type is null or INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } ||
            PlaceholderDefaults.ClrDefault(type) is not { } value)
        {
            return null;
        }

        object? constant = value.Kind switch
        {
            ColumnValueKind.Text => string.Empty,
            ColumnValueKind.Boolean => false,
            ColumnValueKind.Number => type.SpecialType switch
            {
                SpecialType.System_Int32 => 0,
                SpecialType.System_Int64 => 0L,
                SpecialType.System_Int16 => (short)0,
                SpecialType.System_Byte => (byte)0,
                SpecialType.System_Decimal => 0m,
                SpecialType.System_Double => 0d,
                SpecialType.System_Single => 0f,
                _ => null,
            },
            _ => null,
        };
        if (constant is not null)
        {
            return InverseArgument.Literal("defaultValue", constant);
        }

        return value.Kind switch
        {
            ColumnValueKind.DateTime => InverseArgument.Source("defaultValue", "new System.DateTime(1, 1, 1, 0, 0, 0, 0, System.DateTimeKind.Unspecified)"),
            ColumnValueKind.Guid => InverseArgument.Source("defaultValue", "new System.Guid(\"" + value.Text + "\")"),
            _ => null,
        };
    }

    private static InverseCall? ReAddKey(MigrationOperation drop, TableState? table)
    {
        if (drop.Name is not { } name || table is null || !table.Keys.TryGetValue(name, out var key) || key.Kind != InverseKinds.Of(drop.Kind))
        {
            return null;
        }

        var method = key.Kind == K.CreateIndex ? "CreateIndex" : "Add" + drop.MethodName.Substring(4);
        var arguments = KeyArguments(key, method, drop.Table, drop.Schema);
        return arguments.IsDefault ? null : new InverseCall(method, null, arguments, Annotations(key.DeclaredBy.Annotations, old: false));
    }

    /// <summary>
    /// The arguments that re-create a key as the history recorded it: for <c>migrationBuilder.X</c>
    /// calls (with table and schema) or, with <paramref name="table"/> null, for CreateTable's
    /// <c>table.PrimaryKey/UniqueConstraint/ForeignKey</c>. Default when something is not known.
    /// </summary>
    private static ImmutableArray<InverseArgument> KeyArguments(KeyState key, string method, string? table, string? schema)
    {
        var declared = key.DeclaredBy;
        if (declared.HasUnknownArguments || key.Columns.IsDefault)
        {
            return default;
        }

        var arguments = new List<InverseArgument?> { Str("name", key.Name) };
        if (table is not null)
        {
            arguments.Add(SchemaArgument(schema));
            arguments.Add(Str("table", table));
        }

        arguments.Add(key.Columns.Length == 1 && table is not null ? Str("column", key.Columns[0]) : InverseArgument.Names(table is null ? "column" : "columns", key.Columns));
        switch (key.Kind)
        {
            case K.CreateIndex:
                arguments.Add(Passed(declared, "unique"));
                arguments.Add(Passed(declared, "filter"));
                arguments.Add(Passed(declared, "descending"));
                break;
            case K.AddForeignKey:
                var principalColumns = declared.PrincipalColumns;
                if (declared.PrincipalTable is not { } principal || principalColumns.IsDefault)
                {
                    return default;
                }

                arguments.Add(Passed(declared, "principalSchema"));
                arguments.Add(Str("principalTable", principal));
                arguments.Add(principalColumns.Length == 1 ? Str("principalColumn", principalColumns[0]) : InverseArgument.Names("principalColumns", principalColumns));
                arguments.Add(Passed(declared, "onUpdate"));
                arguments.Add(Passed(declared, "onDelete"));
                break;
        }

        return Arguments(arguments.ToArray());
    }

    private static string? Text(ArgumentValue value) =>
        value.IsKnown && value.Syntax is { } syntax ? syntax.ToString() : null;

    /// <summary>The generic argument of <c>AddColumn&lt;T&gt;</c> / <c>table.Column&lt;T&gt;</c> as written, or <c>typeof(T)</c>'s operand.</summary>
    private static string? TypeArgumentOf(ColumnDefinition column)
    {
        if (column.Syntax is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name: GenericNameSyntax generic } } &&
            generic.TypeArgumentList.Arguments.Count == 1)
        {
            // For an AlterColumn's old side the definition's syntax is the same invocation: read oldClrType.
            if (column["clrType"].Kind == ArgumentValueKind.TypeOf && column["clrType"].Syntax is TypeOfExpressionSyntax oldType)
            {
                return oldType.Type.ToString();
            }

            return generic.TypeArgumentList.Arguments[0].ToString();
        }

        return null;
    }
}
