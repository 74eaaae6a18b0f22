using Microsoft.CodeAnalysis;
using MigrationAnalyzers.Model;

namespace MigrationAnalyzers.Schema;

/// <summary>
/// A <c>DropColumn</c> + <c>AddColumn</c> pair of one Up that is really a rename (MIG003).
/// Indexes are positions in <c>Up.Operations</c>.
/// </summary>
internal sealed class ColumnRename
{
    // Definition arguments compared to decide whether a rename also needs an AlterColumn.
    private static readonly string[] DefinitionArguments =
    {
        "type", "unicode", "maxLength", "fixedLength", "precision", "scale", "nullable",
        "defaultValueSql", "computedColumnSql", "stored", "collation", "comment", "rowVersion",
    };

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
    public bool DefinitionChanged => !SameDefinition(OldDefinition, NewDefinition);

    /// <summary>
    /// Same definition apart from the name. A <c>defaultValue</c> on the new side where the old one
    /// had none is ignored: EF puts a placeholder default on every NOT NULL <c>AddColumn</c> for
    /// existing rows, which is not part of the column's definition.
    /// </summary>
    private static bool SameDefinition(ColumnDefinition oldColumn, ColumnDefinition newColumn)
    {
        if (oldColumn.ClrType is null || newColumn.ClrType is null ||
            !SymbolEqualityComparer.Default.Equals(TypeCompatibility.Underlying(oldColumn.ClrType), TypeCompatibility.Underlying(newColumn.ClrType)))
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
}
