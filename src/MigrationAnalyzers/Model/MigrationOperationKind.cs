namespace MigrationAnalyzers.Model;

/// <summary>
/// Every <c>MigrationBuilder</c> operation of EF Core 8, 9 and 10, plus the constraints declared
/// inside <c>CreateTable</c> (which reuse the Add* kinds) and the two kinds the model cannot read.
/// </summary>
internal enum MigrationOperationKind
{
    /// <summary>Not an EF operation the model reads: an unknown helper, a builder passed elsewhere,
    /// <c>Operations.Add(...)</c>. Rules that need the whole picture stay silent when they meet one.</summary>
    Unknown,

    /// <summary>A <c>MigrationBuilder</c> member the model knows of but does not type further.</summary>
    Other,

    CreateTable,
    DropTable,
    RenameTable,
    AlterTable,
    AddColumn,
    DropColumn,
    AlterColumn,
    RenameColumn,
    CreateIndex,
    DropIndex,
    RenameIndex,
    AddPrimaryKey,
    DropPrimaryKey,
    AddForeignKey,
    DropForeignKey,
    AddUniqueConstraint,
    DropUniqueConstraint,
    AddCheckConstraint,
    DropCheckConstraint,
    CreateSequence,
    AlterSequence,
    DropSequence,
    RenameSequence,
    RestartSequence,
    EnsureSchema,
    DropSchema,
    AlterDatabase,
    Sql,
    InsertData,
    UpdateData,
    DeleteData,
}
