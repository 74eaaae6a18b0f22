using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using MigrationAnalyzers.Model;
using MigrationAnalyzers.Schema;
using K = MigrationAnalyzers.Model.MigrationOperationKind;

namespace MigrationAnalyzers.Reversibility;

/// <summary>
/// The inverse table, in one place: for every <c>MigrationBuilder</c> operation, the operation that
/// undoes it (<see cref="InverseKind"/>), whether a Down operation undoes an Up operation
/// (<see cref="Undoes"/>, used by MIG042/MIG043/MIG045), and the full inverse call with every
/// argument it needs (<see cref="Build"/>, used by the fixes). For <c>Drop…</c> operations and
/// <c>old…</c>-less <c>AlterColumn</c>s the old definition comes from the schema history (the
/// column or key as the last operation that defined it left it); when it is not known the inverse
/// is not built: fixes never guess values.
/// </summary>
internal static class Inverses
{
    /// <summary>Up kind → the kind that undoes it. Absent: not inverted (Sql, EnsureSchema, RestartSequence, unknown).</summary>
    public static readonly ImmutableDictionary<K, K> Table = new Dictionary<K, K>
    {
        [K.CreateTable] = K.DropTable,
        [K.DropTable] = K.CreateTable,
        [K.RenameTable] = K.RenameTable,
        [K.AlterTable] = K.AlterTable,
        [K.AddColumn] = K.DropColumn,
        [K.DropColumn] = K.AddColumn,
        [K.AlterColumn] = K.AlterColumn,
        [K.RenameColumn] = K.RenameColumn,
        [K.CreateIndex] = K.DropIndex,
        [K.DropIndex] = K.CreateIndex,
        [K.RenameIndex] = K.RenameIndex,
        [K.AddPrimaryKey] = K.DropPrimaryKey,
        [K.DropPrimaryKey] = K.AddPrimaryKey,
        [K.AddForeignKey] = K.DropForeignKey,
        [K.DropForeignKey] = K.AddForeignKey,
        [K.AddUniqueConstraint] = K.DropUniqueConstraint,
        [K.DropUniqueConstraint] = K.AddUniqueConstraint,
        [K.AddCheckConstraint] = K.DropCheckConstraint,
        [K.DropCheckConstraint] = K.AddCheckConstraint,
        [K.CreateSequence] = K.DropSequence,
        [K.DropSequence] = K.CreateSequence,
        [K.AlterSequence] = K.AlterSequence,
        [K.RenameSequence] = K.RenameSequence,
        [K.DropSchema] = K.EnsureSchema,
        [K.AlterDatabase] = K.AlterDatabase,
        [K.InsertData] = K.DeleteData,
        [K.DeleteData] = K.InsertData,
        [K.UpdateData] = K.UpdateData,
    }.ToImmutableDictionary();

    // The column parameters of AddColumn/AlterColumn in the order EF's scaffolder writes them.
    private static readonly string[] ColumnParameters =
    {
        "type", "unicode", "maxLength", "fixedLength", "precision", "scale", "rowVersion", "nullable",
        "defaultValue", "defaultValueSql", "computedColumnSql", "stored", "comment", "collation",
    };

    private static readonly string[] SequenceParameters = { "incrementBy", "minValue", "maxValue", "cyclic", "cacheSize" };

    public static K? InverseKind(K kind) => Table.TryGetValue(kind, out var inverse) ? inverse : null;

    /// <summary>
    /// Up operations MIG042 judges and MIG041 counts as schema changes: those with an inverse, except
    /// AlterDatabase (extensions and collation, which EF's Down of an initial migration leaves in
    /// place, as it leaves schemas) and UpdateData (data is not schema: a backfill needs no inverse).
    /// Not Sql (MIG046) nor EnsureSchema.
    /// </summary>
    public static bool IsInvertible(K kind) => Table.ContainsKey(kind) && kind is not (K.AlterDatabase or K.UpdateData);

    /// <summary>True when Down operation <paramref name="down"/> undoes Up operation <paramref name="up"/> (same object, names swapped).</summary>
    public static bool Undoes(MigrationOperation down, MigrationOperation up, TableAliases aliases)
    {
        if (InverseKind(up.Kind) != down.Kind)
        {
            return false;
        }

        switch (up.Kind)
        {
            case K.CreateTable:
            case K.DropTable:
            case K.AlterTable:
                return aliases.Same(up, down);
            case K.RenameTable:
                return down.Table == up.NewName && down.NewName == up.Table && SwappedSchemas(up, down);
            case K.AddColumn:
            case K.DropColumn:
            case K.AlterColumn:
                return down.Name == up.Name && aliases.Same(up, down);
            case K.RenameColumn:
            case K.RenameIndex:
                return down.Name == up.NewName && down.NewName == up.Name && SameOrUnnamedTable(up, down, aliases);
            case K.CreateIndex:
            case K.DropIndex:
            case K.AddPrimaryKey:
            case K.DropPrimaryKey:
            case K.AddForeignKey:
            case K.DropForeignKey:
            case K.AddUniqueConstraint:
            case K.DropUniqueConstraint:
            case K.AddCheckConstraint:
            case K.DropCheckConstraint:
                return down.Name == up.Name && SameOrUnnamedTable(up, down, aliases);
            case K.CreateSequence:
            case K.DropSequence:
            case K.AlterSequence:
                return down.Name == up.Name && MigrationOperation.SchemaEquals(down.Schema, up.Schema);
            case K.RenameSequence:
                return down.Name == up.NewName && down.NewName == up.Name && SwappedSchemas(up, down);
            case K.DropSchema:
                return down.Name == up.Name;
            case K.AlterDatabase:
                return true;
            case K.InsertData:
            case K.DeleteData:
                return aliases.Same(up, down);
            case K.UpdateData:
                return aliases.Same(up, down) && SameStrings(KeyColumns(up), KeyColumns(down)) &&
                    ArgumentValue.ConstantEquals(KeyValues(up), KeyValues(down));
            default:
                return false;
        }
    }

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
                return Call("DropTable", null, Str("name", table), Schema(up.Schema));
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
                    Schema(up["newSchema"].AsString()),
                    Str("newName", table),
                    Schema(up.Schema, "newSchema"));
            case K.AlterTable:
                return new InverseCall(
                    "AlterTable",
                    null,
                    Arguments(Str("name", table), Schema(up.Schema), Swap(up, "oldComment", "comment"), Swap(up, "comment", "oldComment")),
                    SwappedAnnotations(up.Annotations));
            case K.AddColumn:
                return Call("DropColumn", null, Str("name", up.Name), Schema(up.Schema), Str("table", table));
            case K.DropColumn:
                return ReAddColumn(up, before.Find(up.Schema, table));
            case K.AlterColumn:
                return AlterBack(up, before.Find(up.Schema, table));
            case K.RenameColumn:
            case K.RenameIndex:
                return Call(up.MethodName, null, Str("name", up.NewName), Schema(up.Schema), Str("table", table), Str("newName", up.Name));
            case K.CreateIndex:
            case K.AddPrimaryKey:
            case K.AddForeignKey:
            case K.AddUniqueConstraint:
            case K.AddCheckConstraint:
                var drop = up.Kind == K.CreateIndex ? "DropIndex" : "Drop" + up.MethodName.Substring(3);
                return Call(drop, null, Str("name", up.Name), Schema(up.Schema), Str("table", table));
            case K.DropIndex:
            case K.DropPrimaryKey:
            case K.DropForeignKey:
            case K.DropUniqueConstraint:
                return ReAddKey(up, before.Find(up.Schema, table));
            case K.CreateSequence:
                return Call("DropSequence", null, Str("name", up.Name), Schema(up.Schema));
            case K.AlterSequence:
                var arguments = new List<InverseArgument?> { Str("name", up.Name), Schema(up.Schema) };
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
                    Schema(up["newSchema"].AsString()),
                    Str("newName", up.Name),
                    Schema(up.Schema, "newSchema"));
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

    /// <summary>
    /// How <paramref name="actual"/> differs from <paramref name="expected"/> in what a rollback must
    /// restore (store type, nullability, length, precision, scale, unicode, fixed length); null when it
    /// does not, or when the values cannot be compared. The database holds store types: when both sides
    /// state one (<c>type:</c>), CLR types are not compared (DateTime and DateTimeOffset are both TEXT on SQLite).
    /// </summary>
    public static string? Difference(ColumnDefinition expected, ColumnDefinition actual)
    {
        var storeTypesKnown = expected.StoreType is not null && actual.StoreType is not null;
        if (!storeTypesKnown && expected.ClrType is { } expectedType && actual.ClrType is { } actualType &&
            !SymbolEqualityComparer.Default.Equals(Underlying(expectedType), Underlying(actualType)))
        {
            return $"type {SymbolNames.Display(actualType)} instead of {SymbolNames.Display(expectedType)}";
        }

        if (expected.StoreType is { } expectedStore && actual.StoreType is { } actualStore &&
            !string.Equals(expectedStore, actualStore, System.StringComparison.OrdinalIgnoreCase))
        {
            return $"type '{actualStore}' instead of '{expectedStore}'";
        }

        if (expected.IsNullable is { } expectedNullable && actual.IsNullable is { } actualNullable && expectedNullable != actualNullable)
        {
            return $"nullable: {Bool(actualNullable)} instead of {Bool(expectedNullable)}";
        }

        foreach (var parameter in new[] { "maxLength", "precision", "scale", "unicode", "fixedLength" })
        {
            var a = expected[parameter];
            var b = actual[parameter];
            if (a.IsKnown && b.IsKnown && !ArgumentValue.ConstantEquals(a, b))
            {
                return $"{parameter}: {b} instead of {a}";
            }
        }

        return null;
    }

    /// <summary>The key columns of DeleteData/UpdateData (<c>keyColumns</c> or <c>keyColumn</c>).</summary>
    public static ImmutableArray<string> KeyColumns(MigrationOperation operation) =>
        !operation["keyColumns"].IsNull ? operation["keyColumns"].AsStrings() : operation["keyColumn"].AsStrings();

    private static ArgumentValue KeyValues(MigrationOperation operation) =>
        !operation["keyValues"].IsNull ? operation["keyValues"] : operation["keyValue"];

    /// <summary>
    /// Down's rename moves back between the same schemas. EF reads a null <c>newSchema</c> as the
    /// default schema (and scaffolds it whenever there is one); older hand-written code meant "unchanged": both are accepted.
    /// </summary>
    private static bool SwappedSchemas(MigrationOperation up, MigrationOperation down)
    {
        string? upNew = up["newSchema"].AsString(), downNew = down["newSchema"].AsString();
        return (MigrationOperation.SchemaEquals(down.Schema, upNew) && MigrationOperation.SchemaEquals(downNew, up.Schema)) ||
            (MigrationOperation.SchemaEquals(down.Schema, upNew ?? up.Schema) && MigrationOperation.SchemaEquals(downNew ?? down.Schema, up.Schema));
    }

    private static bool SameStrings(ImmutableArray<string> a, ImmutableArray<string> b) =>
        !a.IsDefault && !b.IsDefault && a.SequenceEqual(b);

    private static bool SameOrUnnamedTable(MigrationOperation up, MigrationOperation down, TableAliases aliases) =>
        up.Table is null || down.Table is null ? MigrationOperation.SchemaEquals(up.Schema, down.Schema) : aliases.Same(up, down);

    private static InverseCall? ReAddColumn(MigrationOperation drop, TableState? table)
    {
        if (drop.Name is not { } name || table is null || !table.Columns.TryGetValue(name, out var column))
        {
            return null;
        }

        var arguments = new List<InverseArgument?> { Str("name", name), Schema(drop.Schema), Str("table", drop.Table) };
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
        var arguments = new List<InverseArgument?> { Str("name", name), Schema(alter.Schema), Str("table", alter.Table) };
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

    internal static InverseArgument? PlaceholderDefault(ITypeSymbol? type) => type?.SpecialType switch
    {
        SpecialType.System_String => InverseArgument.Literal("defaultValue", string.Empty),
        SpecialType.System_Boolean => InverseArgument.Literal("defaultValue", false),
        SpecialType.System_Int32 => InverseArgument.Literal("defaultValue", 0),
        SpecialType.System_Int64 => InverseArgument.Literal("defaultValue", 0L),
        SpecialType.System_Int16 => InverseArgument.Literal("defaultValue", (short)0),
        SpecialType.System_Byte => InverseArgument.Literal("defaultValue", (byte)0),
        SpecialType.System_Decimal => InverseArgument.Literal("defaultValue", 0m),
        SpecialType.System_Double => InverseArgument.Literal("defaultValue", 0d),
        SpecialType.System_Single => InverseArgument.Literal("defaultValue", 0f),
        SpecialType.System_DateTime => InverseArgument.Source("defaultValue", "new System.DateTime(1, 1, 1, 0, 0, 0, 0, System.DateTimeKind.Unspecified)"),
        _ when SymbolNames.FullName(type) == "System.Guid" => InverseArgument.Source("defaultValue", "new System.Guid(\"00000000-0000-0000-0000-000000000000\")"),
        _ => null,
    };

    private static InverseCall? ReAddKey(MigrationOperation drop, TableState? table)
    {
        if (drop.Name is not { } name || table is null || !table.Keys.TryGetValue(name, out var key) || key.Kind != InverseKind(drop.Kind))
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
            arguments.Add(Schema(schema));
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

    /// <summary>
    /// DropTable → CreateTable with the columns and keys the history recorded, and its indexes after
    /// it. Not built when the history may miss part of the definition: check constraints, table
    /// comments or annotations, a rename, a column or key that is not fully known.
    /// </summary>
    private static InverseCall? ReCreateTable(MigrationOperation drop, TableState? table, IEnumerable<MigrationOperation>? earlierOperations)
    {
        if (table is null || earlierOperations is null || drop.Table is not { } name || table.Columns.IsEmpty)
        {
            return null;
        }

        foreach (var earlier in earlierOperations)
        {
            if (earlier.Kind is K.AddCheckConstraint or K.DropCheckConstraint or K.AlterTable && earlier.IsTable(drop.Schema, name))
            {
                return null;
            }

            if (earlier.Kind == K.RenameTable && earlier.NewName == name)
            {
                return null;
            }

            if (earlier.Kind == K.CreateTable && earlier.IsTable(drop.Schema, name) &&
                (earlier.HasUnreadableTableBody || !earlier.Annotations.IsEmpty || !earlier["comment"].IsNull ||
                 earlier.Constraints.Any(c => c.Kind == K.AddCheckConstraint)))
            {
                return null;
            }
        }

        var columns = ImmutableArray.CreateBuilder<InverseColumn>();
        foreach (var column in table.Columns.Values.OrderBy(c => c.Syntax.SyntaxTree.FilePath, System.StringComparer.Ordinal).ThenBy(c => c.Syntax.SpanStart))
        {
            var arguments = new List<InverseArgument?>();
            if (column.Name is not { } columnName || !Microsoft.CodeAnalysis.CSharp.SyntaxFacts.IsValidIdentifier(columnName) ||
                column.HasUnknownArguments || TypeArgumentOf(column) is not { } type || !AddColumnArguments(column, arguments, withPlaceholderDefault: false))
            {
                return null;
            }

            columns.Add(new InverseColumn(columnName, type, Arguments(arguments.ToArray()), Annotations(column.Annotations, old: false)));
        }

        var constraints = ImmutableArray.CreateBuilder<InverseCall>();
        var indexes = ImmutableArray.CreateBuilder<InverseCall>();
        foreach (var key in table.Keys.Values.OrderBy(k => k.Kind switch { K.AddPrimaryKey => 0, K.AddUniqueConstraint => 1, K.AddForeignKey => 2, _ => 3 }).ThenBy(k => k.Name, System.StringComparer.Ordinal))
        {
            var isIndex = key.Kind == K.CreateIndex;
            if (!isIndex && !key.DeclaredBy.Annotations.IsEmpty)
            {
                return null;
            }

            var method = key.Kind switch
            {
                K.CreateIndex => "CreateIndex",
                K.AddPrimaryKey => "PrimaryKey",
                K.AddUniqueConstraint => "UniqueConstraint",
                _ => "ForeignKey",
            };
            var arguments = KeyArguments(key, method, isIndex ? name : null, drop.Schema);
            if (arguments.IsDefault || key.Columns.Any(c => !table.Columns.ContainsKey(c)))
            {
                return null;
            }

            (isIndex ? indexes : constraints).Add(new InverseCall(method, null, arguments, isIndex ? Annotations(key.DeclaredBy.Annotations, old: false) : default));
        }

        return new InverseCall(
            "CreateTable",
            null,
            Arguments(Str("name", name), Schema(drop.Schema)),
            ImmutableArray<InverseAnnotation>.Empty,
            columns.ToImmutable(),
            constraints.ToImmutable(),
            indexes.ToImmutable());
    }

    /// <summary>DropCheckConstraint → AddCheckConstraint with the SQL of the operation that last declared it.</summary>
    private static InverseCall? ReAddCheckConstraint(MigrationOperation drop, IEnumerable<MigrationOperation>? earlierOperations)
    {
        if (earlierOperations is null || drop.Table is not { } table || drop.Name is not { } name)
        {
            return null;
        }

        MigrationOperation? declared = null;
        foreach (var earlier in earlierOperations)
        {
            if (!earlier.IsTable(drop.Schema, table))
            {
                continue;
            }

            if (earlier.Kind == K.CreateTable)
            {
                declared = earlier.Constraints.FirstOrDefault(c => c.Kind == K.AddCheckConstraint && c.Name == name);
            }
            else if (earlier.Kind == K.AddCheckConstraint && earlier.Name == name)
            {
                declared = earlier;
            }
            else if ((earlier.Kind == K.DropCheckConstraint && earlier.Name == name) || earlier.Kind is K.DropTable or K.RenameTable)
            {
                declared = null;
            }
        }

        return declared is null || declared.HasUnknownArguments || declared.SqlText is not { } sql
            ? null
            : Call("AddCheckConstraint", null, Str("name", name), Schema(drop.Schema), Str("table", table), Str("sql", sql));
    }

    /// <summary>DropSequence → CreateSequence as the operation that created it declared it (not when it was altered since).</summary>
    private static InverseCall? ReCreateSequence(MigrationOperation drop, IEnumerable<MigrationOperation>? earlierOperations)
    {
        if (earlierOperations is null || drop.Name is not { } name)
        {
            return null;
        }

        MigrationOperation? created = null;
        foreach (var earlier in earlierOperations)
        {
            var same = earlier.Name == name && MigrationOperation.SchemaEquals(earlier.Schema, drop.Schema);
            if (earlier.Kind == K.CreateSequence && same)
            {
                created = earlier;
            }
            else if ((earlier.Kind is K.AlterSequence or K.RestartSequence or K.DropSequence && same) ||
                     (earlier.Kind == K.RenameSequence && earlier.NewName == name))
            {
                created = null;
            }
        }

        if (created is null || created.HasUnknownArguments || !created.Annotations.IsEmpty)
        {
            return null;
        }

        var type = created.Syntax is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name: GenericNameSyntax generic } }
            ? generic.TypeArgumentList.Arguments[0].ToString()
            : null;
        var arguments = new List<InverseArgument?> { Str("name", name), Schema(drop.Schema), Passed(created, "startValue") };
        foreach (var parameter in SequenceParameters)
        {
            arguments.Add(Passed(created, parameter));
        }

        return new InverseCall("CreateSequence", type, Arguments(arguments.ToArray()), ImmutableArray<InverseAnnotation>.Empty);
    }

    /// <summary>InsertData → DeleteData of the inserted rows by the table's single-column primary key.</summary>
    private static InverseCall? DeleteInserted(MigrationOperation insert, TableState? table)
    {
        if (table is null)
        {
            return null;
        }

        KeyState? primaryKey = null;
        foreach (var key in table.Keys.Values)
        {
            if (key.Kind == K.AddPrimaryKey)
            {
                primaryKey = key;
            }
        }

        var columns = !insert["columns"].IsNull ? insert["columns"].AsStrings() : insert["column"].AsStrings();
        if (primaryKey is null || primaryKey.Columns.Length != 1 || columns.IsDefault)
        {
            return null;
        }

        var keyIndex = columns.IndexOf(primaryKey.Columns[0]);
        var values = !insert["values"].IsNull ? insert["values"] : insert["value"];
        if (keyIndex < 0 || !values.IsKnown)
        {
            return null;
        }

        // values: one row (object[] or a single value) or several (object[,]: an array of rows).
        var keys = new List<string>();
        if (values.Kind == ArgumentValueKind.Array && values.Elements.Length > 0 && values.Elements[0].Kind == ArgumentValueKind.Array)
        {
            foreach (var row in values.Elements)
            {
                if (keyIndex >= row.Elements.Length || Text(row.Elements[keyIndex]) is not { } value)
                {
                    return null;
                }

                keys.Add(value);
            }
        }
        else if (values.Kind == ArgumentValueKind.Array)
        {
            if (keyIndex >= values.Elements.Length || Text(values.Elements[keyIndex]) is not { } value)
            {
                return null;
            }

            keys.Add(value);
        }
        else if (columns.Length == 1 && Text(values) is { } single)
        {
            keys.Add(single);
        }
        else
        {
            return null;
        }

        return Call(
            "DeleteData",
            null,
            Schema(insert.Schema),
            Str("table", insert.Table),
            Str("keyColumn", primaryKey.Columns[0]),
            keys.Count == 1 ? InverseArgument.Source("keyValue", keys[0]) : InverseArgument.Source("keyValues", "new object[] { " + string.Join(", ", keys) + " }"));
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

    private static ITypeSymbol Underlying(ITypeSymbol type) =>
        type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable ? nullable.TypeArguments[0] : type;

    private static string Bool(bool value) => value ? "true" : "false";

    private static string Old(string parameter) => "old" + char.ToUpperInvariant(parameter[0]) + parameter.Substring(1);

    private static InverseArgument? Str(string name, string? value) => value is null ? null : InverseArgument.Literal(name, value);

    private static InverseArgument? Schema(string? schema, string name = "schema") => schema is null ? null : InverseArgument.Literal(name, schema);

    /// <summary>The value of <paramref name="from"/> written as parameter <paramref name="to"/>, when passed.</summary>
    private static InverseArgument? Swap(MigrationOperation operation, string from, string to)
    {
        var value = operation[from];
        return value.IsOmitted || value.IsNull ? null : FromValue(to, value);
    }

    private static InverseArgument? Passed(MigrationOperation operation, string parameter) => Swap(operation, parameter, parameter);

    private static InverseArgument FromValue(string name, ArgumentValue value)
    {
        if (value.Kind is ArgumentValueKind.Constant or ArgumentValueKind.Omitted &&
            value.Constant is null or string or bool)
        {
            return InverseArgument.Literal(name, value.Constant);
        }

        if (value.Kind == ArgumentValueKind.Array && value.AsStrings() is { IsDefault: false } strings && value.Syntax is null)
        {
            return InverseArgument.Names(name, strings);
        }

        return value.Syntax is { } syntax ? InverseArgument.Source(name, syntax.ToString()) : InverseArgument.Literal(name, value.Constant);
    }

    private static InverseArgument Renamed(InverseArgument argument, string name) => argument.Kind switch
    {
        InverseArgumentKind.Strings => InverseArgument.Names(name, argument.Strings),
        InverseArgumentKind.Code => InverseArgument.Source(name, argument.Code!),
        _ => InverseArgument.Literal(name, argument.Constant),
    };

    private static ImmutableArray<InverseAnnotation> Annotations(ImmutableArray<Annotation> annotations, bool old)
    {
        var result = ImmutableArray.CreateBuilder<InverseAnnotation>();
        foreach (var annotation in annotations)
        {
            if (annotation.Name is { } name)
            {
                result.Add(new InverseAnnotation(old, name, FromValue("value", annotation.Value)));
            }
        }

        return result.ToImmutable();
    }

    private static ImmutableArray<InverseAnnotation> SwappedAnnotations(ImmutableArray<Annotation> annotations)
    {
        var result = ImmutableArray.CreateBuilder<InverseAnnotation>();
        foreach (var annotation in annotations)
        {
            if (annotation.Name is { } name)
            {
                result.Add(new InverseAnnotation(!annotation.IsOld, name, FromValue("value", annotation.Value)));
            }
        }

        return result.ToImmutable();
    }

    private static InverseCall Call(string method, string? typeArgument, params InverseArgument?[] arguments) =>
        new(method, typeArgument, Arguments(arguments), ImmutableArray<InverseAnnotation>.Empty);

    private static ImmutableArray<InverseArgument> Arguments(params InverseArgument?[] arguments)
    {
        var result = ImmutableArray.CreateBuilder<InverseArgument>(arguments.Length);
        foreach (var argument in arguments)
        {
            if (argument is not null)
            {
                result.Add(argument);
            }
        }

        return result.ToImmutable();
    }
}
