using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using Microsoft.CodeAnalysis;
using MigrationAnalyzers.Configuration;
using MigrationAnalyzers.Model;

namespace MigrationAnalyzers.Schema;

/// <summary>
/// A <c>DropColumn</c> + <c>AddColumn</c> pair of one Up that is really a rename (MIG003).
/// Indexes are positions in <c>Up.Operations</c>.
/// </summary>
internal sealed class ColumnRename
{
    public ColumnRename(MigrationOperation drop, int dropIndex, MigrationOperation add, int addIndex, ColumnDefinition oldDefinition)
    {
        Drop = drop;
        DropIndex = dropIndex;
        Add = add;
        AddIndex = addIndex;
        OldDefinition = oldDefinition;
    }

    public MigrationOperation Drop { get; }

    public int DropIndex { get; }

    public MigrationOperation Add { get; }

    public int AddIndex { get; }

    public string? Schema => Drop.Schema;

    public string Table => Drop.Table!;

    public string OldName => Drop.Name!;

    public string NewName => Add.Name!;

    /// <summary>The dropped column as it was defined: Down's re-add, else the schema history, else the previous target model.</summary>
    public ColumnDefinition OldDefinition { get; }

    public ColumnDefinition NewDefinition => Add.Column!;

    /// <summary>The definition changes besides the name: a fix adds an <c>AlterColumn</c>.</summary>
    public bool DefinitionChanged => !RenameDetection.SameDefinition(OldDefinition, NewDefinition);
}

/// <summary>A <c>DropTable</c> + <c>CreateTable</c> pair of one Up with the same columns (MIG004).</summary>
internal sealed class TableRename
{
    public TableRename(MigrationOperation drop, int dropIndex, MigrationOperation create, int createIndex, ImmutableArray<ColumnDefinition> oldColumns)
    {
        Drop = drop;
        DropIndex = dropIndex;
        Create = create;
        CreateIndex = createIndex;
        OldColumns = oldColumns;
    }

    public MigrationOperation Drop { get; }

    public int DropIndex { get; }

    public MigrationOperation Create { get; }

    public int CreateIndex { get; }

    public string? OldSchema => Drop.Schema;

    public string OldName => Drop.Table!;

    public string? NewSchema => Create.Schema;

    public string NewName => Create.Table!;

    /// <summary>The dropped table's columns: Down's re-create, else the schema history, else the previous target model.</summary>
    public ImmutableArray<ColumnDefinition> OldColumns { get; }
}

/// <summary>
/// The one place that decides whether a drop in Up is really a rename. MIG003/MIG004 report the
/// renames it finds, MIG001/MIG002 stay silent on the same drops (call <see cref="IsRenameDrop"/>),
/// and the code fixes rewrite exactly these pairs. Computed once per migration and provider.
/// <para>
/// Column rename: a <c>DropColumn</c> and an <c>AddColumn</c> on the same table in one Up, the
/// dropped column's definition known (Down's re-add of it, else the schema history, else the
/// previous migration's target model), the new
/// column able to hold every old value (<see cref="CanHold"/>), and either it is the only drop and the only add on that table, or the
/// names are clearly similar (<see cref="AreSimilarNames"/>). Table rename: a <c>DropTable</c> and
/// a <c>CreateTable</c> whose column names are the same and each compatible.
/// </para>
/// Never a rename: anything with an unknown name, loops, other providers' branches, a pair whose
/// data an Up <c>Sql</c> already handles (expand/contract copies, <c>INSERT … SELECT</c>).
/// </summary>
internal sealed class RenameDetection
{
    // Definition arguments compared to decide whether a rename also needs an AlterColumn.
    private static readonly string[] DefinitionArguments =
    {
        "type", "unicode", "maxLength", "fixedLength", "precision", "scale", "nullable",
        "defaultValueSql", "computedColumnSql", "stored", "collation", "comment", "rowVersion",
    };

    private readonly Dictionary<MigrationOperation, ColumnRename> _columnsByDrop = new();
    private readonly Dictionary<MigrationOperation, TableRename> _tablesByDrop = new();

    private RenameDetection(DatabaseProvider provider, ImmutableArray<ColumnRename> columns, ImmutableArray<TableRename> tables)
    {
        Provider = provider;
        Columns = columns;
        Tables = tables;
        foreach (var rename in columns)
        {
            _columnsByDrop[rename.Drop] = rename;
        }

        foreach (var rename in tables)
        {
            _tablesByDrop[rename.Drop] = rename;
        }
    }

    public DatabaseProvider Provider { get; }

    /// <summary>Column renames of the migration's Up, in the order of their drops.</summary>
    public ImmutableArray<ColumnRename> Columns { get; }

    /// <summary>Table renames of the migration's Up, in the order of their drops.</summary>
    public ImmutableArray<TableRename> Tables { get; }

    /// <summary>The renames of <paramref name="context"/>'s migration (cached per migration and provider).</summary>
    public static RenameDetection For(MigrationFacts context) =>
        // Which operations may run depends on the provider, hence one detection per provider.
        context.Catalog.Memo(
            (typeof(RenameDetection), context.Migration, context.Provider),
            () => new RenameDetection(context.Provider, FindColumnRenames(context), FindTableRenames(context)));

    /// <summary>The column rename whose <c>DropColumn</c> is <paramref name="dropColumn"/>, or null.</summary>
    public ColumnRename? ColumnRenameOf(MigrationOperation dropColumn) =>
        _columnsByDrop.TryGetValue(dropColumn, out var rename) ? rename : null;

    /// <summary>The table rename whose <c>DropTable</c> is <paramref name="dropTable"/>, or null.</summary>
    public TableRename? TableRenameOf(MigrationOperation dropTable) =>
        _tablesByDrop.TryGetValue(dropTable, out var rename) ? rename : null;

    /// <summary>True when this Up <c>DropColumn</c>/<c>DropTable</c> is half of a rename that MIG003/MIG004 report.</summary>
    public bool IsRenameDrop(MigrationOperation drop) => _columnsByDrop.ContainsKey(drop) || _tablesByDrop.ContainsKey(drop);

    /// <summary>
    /// The new column can hold every value of the old one: same CLR type or an integral/floating
    /// widening, same store type family and no shorter length, no lower precision/scale, no
    /// unicode → non-unicode, no nullable → NOT NULL (existing NULLs), nothing computed.
    /// </summary>
    public static bool CanHold(ColumnDefinition oldColumn, ColumnDefinition newColumn)
    {
        if (oldColumn.HasUnknownArguments || newColumn.HasUnknownArguments ||
            oldColumn.ClrType is not { } oldType || newColumn.ClrType is not { } newType ||
            !ClrTypeCanHold(Underlying(oldType), Underlying(newType)))
        {
            return false;
        }

        if (!oldColumn.ComputedColumnSql.IsNull || !newColumn.ComputedColumnSql.IsNull || oldColumn.IsRowVersion != newColumn.IsRowVersion)
        {
            return false;
        }

        if (oldColumn.IsNullable != false && newColumn.IsNullable != true)
        {
            return false;
        }

        if (!StoreTypeCanHold(oldColumn.StoreType, newColumn.StoreType))
        {
            return false;
        }

        var oldLength = oldColumn.MaxLength.AsInt();
        var newLength = newColumn.MaxLength.AsInt();
        if (newLength is not null && (oldLength is null || newLength < oldLength))
        {
            return false;
        }

        if (newColumn.Precision.AsInt() < oldColumn.Precision.AsInt() || newColumn.Scale.AsInt() < oldColumn.Scale.AsInt())
        {
            return false;
        }

        return !(newColumn.Unicode.AsBool() == false && oldColumn.Unicode.AsBool() != false);
    }

    /// <summary>
    /// Same definition apart from the name. A <c>defaultValue</c> on the new side where the old one
    /// had none is ignored: EF puts a placeholder default on every NOT NULL <c>AddColumn</c> for
    /// existing rows, which is not part of the column's definition.
    /// </summary>
    public static bool SameDefinition(ColumnDefinition oldColumn, ColumnDefinition newColumn)
    {
        if (oldColumn.ClrType is null || newColumn.ClrType is null ||
            !SymbolEqualityComparer.Default.Equals(Underlying(oldColumn.ClrType), Underlying(newColumn.ClrType)))
        {
            return false;
        }

        foreach (var argument in DefinitionArguments)
        {
            if (!ArgumentValue.ConstantEquals(oldColumn[argument], newColumn[argument]))
            {
                return false;
            }
        }

        return oldColumn.DefaultValue.IsNull || ArgumentValue.ConstantEquals(oldColumn.DefaultValue, newColumn.DefaultValue);
    }

    /// <summary>
    /// Names a person would recognise as one renamed column: equal ignoring case and underscores,
    /// one a prefix or suffix of the other (<c>Name</c>→<c>FullName</c>, <c>Desc</c>→<c>Description</c>,
    /// <c>EmailAddress</c>→<c>Email</c>), or a small edit distance (<c>Adress</c>→<c>Address</c>).
    /// </summary>
    public static bool AreSimilarNames(string a, string b) => NameDistance(a, b) is not null;

    private static ImmutableArray<ColumnRename> FindColumnRenames(MigrationFacts context)
    {
        var operations = context.Migration.Up.Operations;
        var byTable = new Dictionary<TableKey, (List<int> Drops, List<int> Adds, bool Unreadable)>();
        var unknownTable = false;
        for (var i = 0; i < operations.Length; i++)
        {
            var operation = operations[i];
            if (operation.Kind is not (MigrationOperationKind.DropColumn or MigrationOperationKind.AddColumn) || !context.MayRun(operation))
            {
                continue;
            }

            if (operation.Table is not { } table)
            {
                unknownTable = true;
                continue;
            }

            var key = new TableKey(operation.Schema, table);
            if (!byTable.TryGetValue(key, out var entry))
            {
                entry = (new List<int>(), new List<int>(), false);
            }

            if (operation.HasUnknownArguments || operation.InLoop || operation.Name is null || operation.Condition.RunsOn(context.Provider) is null ||
                (operation.Kind == MigrationOperationKind.AddColumn && operation.Column is null))
            {
                entry.Unreadable = true;
            }
            else
            {
                (operation.Kind == MigrationOperationKind.DropColumn ? entry.Drops : entry.Adds).Add(i);
            }

            byTable[key] = entry;
        }

        if (unknownTable || context.Migration.Up.HasUnknown)
        {
            return ImmutableArray<ColumnRename>.Empty;
        }

        var sqlOperations = SqlOperations(context);
        var result = new List<ColumnRename>();
        foreach (var entry in byTable.Values)
        {
            if (entry.Unreadable || entry.Drops.Count == 0 || entry.Adds.Count == 0)
            {
                continue;
            }

            var onlyPair = entry.Drops.Count == 1 && entry.Adds.Count == 1;
            var candidates = new List<(int Distance, int Drop, int Add, ColumnDefinition Old)>();
            foreach (var dropIndex in entry.Drops)
            {
                var drop = operations[dropIndex];
                if (OldColumnDefinition(context, drop, dropIndex) is not { } oldDefinition || IsHandledBySql(sqlOperations, drop.Name!, dropIndex))
                {
                    continue;
                }

                foreach (var addIndex in entry.Adds)
                {
                    var add = operations[addIndex];
                    if (add.Name == drop.Name || !CanHold(oldDefinition, add.Column!) || IsRenamedLater(operations, add, addIndex))
                    {
                        continue;
                    }

                    if (NameDistance(drop.Name!, add.Name!) is { } distance)
                    {
                        candidates.Add((distance, dropIndex, addIndex, oldDefinition));
                    }
                    else if (onlyPair)
                    {
                        candidates.Add((int.MaxValue, dropIndex, addIndex, oldDefinition));
                    }
                }
            }

            result.AddRange(Match(candidates, operations));
        }

        result.Sort((a, b) => a.DropIndex.CompareTo(b.DropIndex));
        return result.ToImmutableArray();
    }

    /// <summary>Pairs by smallest name distance; a drop or add with two equally good partners stays unpaired.</summary>
    private static IEnumerable<ColumnRename> Match(List<(int Distance, int Drop, int Add, ColumnDefinition Old)> candidates, ImmutableArray<MigrationOperation> operations)
    {
        candidates.Sort((a, b) => a.Distance != b.Distance ? a.Distance.CompareTo(b.Distance) : a.Drop != b.Drop ? a.Drop.CompareTo(b.Drop) : a.Add.CompareTo(b.Add));
        var used = new HashSet<int>();
        foreach (var candidate in candidates)
        {
            if (used.Contains(candidate.Drop) || used.Contains(candidate.Add))
            {
                continue;
            }

            var ambiguous = candidates.Exists(c => c.Distance == candidate.Distance &&
                ((c.Drop == candidate.Drop && c.Add != candidate.Add && !used.Contains(c.Add)) ||
                 (c.Add == candidate.Add && c.Drop != candidate.Drop && !used.Contains(c.Drop))));
            used.Add(candidate.Drop);
            used.Add(candidate.Add);
            if (!ambiguous)
            {
                yield return new ColumnRename(operations[candidate.Drop], candidate.Drop, operations[candidate.Add], candidate.Add, candidate.Old);
            }
        }
    }

    private static ImmutableArray<TableRename> FindTableRenames(MigrationFacts context)
    {
        var operations = context.Migration.Up.Operations;
        if (context.Migration.Up.HasUnknown)
        {
            return ImmutableArray<TableRename>.Empty;
        }

        var sqlOperations = SqlOperations(context);
        var drops = new List<(int Index, ImmutableArray<ColumnDefinition> Columns)>();
        var creates = new List<int>();
        for (var i = 0; i < operations.Length; i++)
        {
            var operation = operations[i];
            if (operation.Kind is not (MigrationOperationKind.DropTable or MigrationOperationKind.CreateTable) || !context.MayRun(operation))
            {
                continue;
            }

            if (operation.Condition.RunsOn(context.Provider) is null || operation.InLoop || operation.HasUnknownArguments || operation.Table is null)
            {
                // A drop or create the model cannot read might be either half of any pair.
                return ImmutableArray<TableRename>.Empty;
            }

            if (IsHandledBySql(sqlOperations, operation.Table, operation.Kind == MigrationOperationKind.DropTable ? i : operations.Length))
            {
                continue;
            }

            if (operation.Kind == MigrationOperationKind.DropTable && OldTableColumns(context, operation, i) is { IsDefault: false } columns)
            {
                drops.Add((i, columns));
            }
            else if (operation.Kind == MigrationOperationKind.CreateTable)
            {
                creates.Add(i);
            }
        }

        var candidates = new List<(int Distance, int Drop, int Add, ImmutableArray<ColumnDefinition> Old)>();
        foreach (var (dropIndex, columns) in drops)
        {
            var drop = operations[dropIndex];
            foreach (var createIndex in creates)
            {
                var create = operations[createIndex];
                if (create.IsTable(drop.Schema, drop.Table!) || !SameColumns(columns, create.TableColumns))
                {
                    continue;
                }

                candidates.Add((NameDistance(drop.Table!, create.Table!) ?? 1000, dropIndex, createIndex, columns));
            }
        }

        var result = new List<TableRename>();
        foreach (var group in GroupUnambiguous(candidates))
        {
            result.Add(new TableRename(operations[group.Drop], group.Drop, operations[group.Add], group.Add, group.Old));
        }

        result.Sort((a, b) => a.DropIndex.CompareTo(b.DropIndex));
        return result.ToImmutableArray();
    }

    /// <summary>
    /// Table pairs: a drop with several matching creates (or the reverse) is paired with the most
    /// similar name only when that is strictly better than the others.
    /// </summary>
    private static IEnumerable<(int Drop, int Add, ImmutableArray<ColumnDefinition> Old)> GroupUnambiguous(
        List<(int Distance, int Drop, int Add, ImmutableArray<ColumnDefinition> Old)> candidates)
    {
        foreach (var candidate in candidates)
        {
            var better = candidates.Exists(c => !(c.Drop == candidate.Drop && c.Add == candidate.Add) &&
                (c.Drop == candidate.Drop || c.Add == candidate.Add) && c.Distance <= candidate.Distance);
            if (!better)
            {
                yield return (candidate.Drop, candidate.Add, candidate.Old);
            }
        }
    }

    private static bool SameColumns(ImmutableArray<ColumnDefinition> oldColumns, ImmutableArray<ColumnDefinition> newColumns)
    {
        if (oldColumns.Length != newColumns.Length || oldColumns.IsEmpty)
        {
            return false;
        }

        foreach (var oldColumn in oldColumns)
        {
            var match = false;
            foreach (var newColumn in newColumns)
            {
                if (newColumn.Name == oldColumn.Name)
                {
                    match = CanHold(oldColumn, newColumn);
                    break;
                }
            }

            if (!match)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Down's <c>AddColumn</c> re-adding the dropped column, else the column as the history left it, else as the previous target model has it.</summary>
    private static ColumnDefinition? OldColumnDefinition(MigrationFacts context, MigrationOperation drop, int dropIndex)
    {
        foreach (var operation in context.Migration.Down.Operations)
        {
            if (operation.Kind == MigrationOperationKind.AddColumn && operation.Name == drop.Name &&
                operation.IsTable(drop.Schema, drop.Table!) && context.MayRun(operation) && operation.Column is { } column)
            {
                return column;
            }
        }

        if (context.UpStateBefore(dropIndex).Find(drop.Schema, drop.Table)?.Columns.TryGetValue(drop.Name!, out var known) == true)
        {
            return known;
        }

        var previous = PreviousTargetModel(context, drop.Schema, drop.Table!);
        foreach (var column in previous.IsDefault ? ImmutableArray<ColumnDefinition>.Empty : previous)
        {
            if (column.Name == drop.Name)
            {
                return column;
            }
        }

        return null;
    }

    /// <summary>The table as the previous migration's target model (.Designer.cs) describes it: the state this Up starts from.</summary>
    private static ImmutableArray<ColumnDefinition> PreviousTargetModel(MigrationFacts context, string? schema, string table) =>
        context.History.Previous(context.Migration) is { } previous
            ? TargetModelReader.Columns(previous, context.Catalog.Types.Compilation, schema, table)
            : default;

    /// <summary>Down's <c>CreateTable</c> re-creating the dropped table, else the table as the history left it, else as the previous target model has it.</summary>
    private static ImmutableArray<ColumnDefinition> OldTableColumns(MigrationFacts context, MigrationOperation drop, int dropIndex)
    {
        foreach (var operation in context.Migration.Down.Operations)
        {
            if (operation.Kind == MigrationOperationKind.CreateTable && operation.IsTable(drop.Schema, drop.Table!) &&
                context.MayRun(operation) && !operation.HasUnknownArguments)
            {
                return operation.TableColumns;
            }
        }

        if (context.UpStateBefore(dropIndex).Find(drop.Schema, drop.Table) is not { } table)
        {
            return PreviousTargetModel(context, drop.Schema, drop.Table!);
        }

        var columns = ImmutableArray.CreateBuilder<ColumnDefinition>(table.Columns.Count);
        foreach (var column in table.Columns.Values)
        {
            columns.Add(column);
        }

        return columns.MoveToImmutable();
    }

    /// <summary>The Up <c>Sql</c> operations that may run, with their position (text null when not constant).</summary>
    private static List<(int Index, string? Text)> SqlOperations(MigrationFacts context)
    {
        var operations = context.Migration.Up.Operations;
        var result = new List<(int, string?)>();
        for (var i = 0; i < operations.Length; i++)
        {
            if (operations[i].Kind == MigrationOperationKind.Sql && context.MayRun(operations[i]))
            {
                result.Add((i, operations[i].SqlText));
            }
        }

        return result;
    }

    /// <summary>
    /// An Up <c>Sql</c> before <paramref name="beforeIndex"/> mentions the name (an expand/contract
    /// copy, <c>INSERT … SELECT</c>): the author moves the data explicitly, this is not a blind
    /// drop + add. A non-constant <c>Sql</c> anywhere might do the same: not a rename either.
    /// </summary>
    private static bool IsHandledBySql(List<(int Index, string? Text)> sqlOperations, string name, int beforeIndex)
    {
        foreach (var (index, text) in sqlOperations)
        {
            if (text is null || (index < beforeIndex && MentionsWord(text, name)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The added column is renamed again later in Up (expand/contract's last step): not a rename of the dropped one.</summary>
    private static bool IsRenamedLater(ImmutableArray<MigrationOperation> operations, MigrationOperation add, int addIndex)
    {
        for (var i = addIndex + 1; i < operations.Length; i++)
        {
            if (operations[i].Kind == MigrationOperationKind.RenameColumn && operations[i].IsTable(add.Schema, add.Table!) && operations[i].Name == add.Name)
            {
                return true;
            }
        }

        return false;
    }

    private static bool MentionsWord(string text, string word)
    {
        for (var start = 0; ;)
        {
            var index = text.IndexOf(word, start, StringComparison.OrdinalIgnoreCase);
            if (index < 0)
            {
                return false;
            }

            var end = index + word.Length;
            if ((index == 0 || !IsWordChar(text[index - 1])) && (end == text.Length || !IsWordChar(text[end])))
            {
                return true;
            }

            start = index + 1;
        }
    }

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c == '_';

    private static ITypeSymbol Underlying(ITypeSymbol type) =>
        type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T, TypeArguments.Length: 1 } nullable
            ? nullable.TypeArguments[0]
            : type;

    private static bool ClrTypeCanHold(ITypeSymbol oldType, ITypeSymbol newType)
    {
        if (SymbolEqualityComparer.Default.Equals(oldType, newType) ||
            (oldType.SpecialType != SpecialType.None && oldType.SpecialType == newType.SpecialType))
        {
            return true;
        }

        var oldRank = WideningRank(oldType.SpecialType);
        var newRank = WideningRank(newType.SpecialType);
        return oldRank.Family != 0 && oldRank.Family == newRank.Family && oldRank.Rank <= newRank.Rank;
    }

    private static (int Family, int Rank) WideningRank(SpecialType type) => type switch
    {
        SpecialType.System_Byte => (1, 1),
        SpecialType.System_Int16 => (1, 2),
        SpecialType.System_Int32 => (1, 3),
        SpecialType.System_Int64 => (1, 4),
        SpecialType.System_Single => (2, 1),
        SpecialType.System_Double => (2, 2),
        _ => (0, 0),
    };

    /// <summary>Same base store type (<c>nvarchar</c>) with no shorter length; unknown on either side is no objection.</summary>
    private static bool StoreTypeCanHold(string? oldType, string? newType)
    {
        if (oldType is null || newType is null)
        {
            return true;
        }

        var oldNormal = oldType.Replace(" ", string.Empty).ToUpperInvariant();
        var newNormal = newType.Replace(" ", string.Empty).ToUpperInvariant();
        if (oldNormal == newNormal)
        {
            return true;
        }

        var oldParen = oldNormal.IndexOf('(');
        var newParen = newNormal.IndexOf('(');
        var oldBase = oldParen < 0 ? oldNormal : oldNormal.Substring(0, oldParen);
        var newBase = newParen < 0 ? newNormal : newNormal.Substring(0, newParen);
        if (oldBase != newBase)
        {
            return false;
        }

        if (newParen < 0 || newNormal.Contains("MAX"))
        {
            return true;
        }

        if (oldParen < 0 || oldNormal.Contains("MAX"))
        {
            return false;
        }

        return CompareNumbers(oldNormal.Substring(oldParen), newNormal.Substring(newParen));
    }

    /// <summary><c>(10,2)</c> vs <c>(12,2)</c>: every number of the new one at least the old one's.</summary>
    private static bool CompareNumbers(string oldArguments, string newArguments)
    {
        var oldParts = oldArguments.Trim('(', ')').Split(',');
        var newParts = newArguments.Trim('(', ')').Split(',');
        if (oldParts.Length != newParts.Length)
        {
            return false;
        }

        for (var i = 0; i < oldParts.Length; i++)
        {
            if (!int.TryParse(oldParts[i], NumberStyles.Integer, CultureInfo.InvariantCulture, out var oldValue) || !int.TryParse(newParts[i], NumberStyles.Integer, CultureInfo.InvariantCulture, out var newValue) || newValue < oldValue)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A similarity distance (0 = same ignoring case), or null when the names are not clearly similar.</summary>
    private static int? NameDistance(string a, string b)
    {
        var x = Normalize(a);
        var y = Normalize(b);
        if (x.Length == 0 || y.Length == 0)
        {
            return null;
        }

        if (x == y)
        {
            return 0;
        }

        var shorter = x.Length <= y.Length ? x : y;
        var longer = x.Length <= y.Length ? y : x;
        var distance = EditDistance(x, y);
        if (shorter.Length >= 3 && (longer.StartsWith(shorter, StringComparison.Ordinal) || longer.EndsWith(shorter, StringComparison.Ordinal)))
        {
            return distance;
        }

        return distance <= Math.Max(1, longer.Length / 4) ? distance : null;
    }

    private static string Normalize(string name) => name.Replace("_", string.Empty).ToUpperInvariant();

    private static int EditDistance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
