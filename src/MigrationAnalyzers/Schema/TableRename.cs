using System.Collections.Immutable;
using MigrationAnalyzers.Model;

namespace MigrationAnalyzers.Schema;

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
