using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using MigrationAnalyzers.Model;
using MigrationAnalyzers.Schema;
using static MigrationAnalyzers.CodeFixes.Generation.InverseArguments;
using K = MigrationAnalyzers.Model.MigrationOperationKind;

namespace MigrationAnalyzers.CodeFixes.Generation;

/// <summary>
/// The inverses that re-create an object as the migrations before it declared it: a dropped table,
/// check constraint or sequence, and the rows an InsertData added.
/// </summary>
internal static partial class Inverses
{
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
            Arguments(Str("name", name), SchemaArgument(drop.Schema)),
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
            : Call("AddCheckConstraint", null, Str("name", name), SchemaArgument(drop.Schema), Str("table", table), Str("sql", sql));
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
        var arguments = new List<InverseArgument?> { Str("name", name), SchemaArgument(drop.Schema), Passed(created, "startValue") };
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
            SchemaArgument(insert.Schema),
            Str("table", insert.Table),
            Str("keyColumn", primaryKey.Columns[0]),
            keys.Count == 1 ? InverseArgument.Source("keyValue", keys[0]) : InverseArgument.Source("keyValues", "new object[] { " + string.Join(", ", keys) + " }"));
    }
}
