using Microsoft.CodeAnalysis;

namespace MigrationAnalyzers.Model;

internal static class MigrationOperationKinds
{
    /// <summary>The kind of a <c>MigrationBuilder</c> member (or provider extension) by its EF method name.</summary>
    public static MigrationOperationKind FromMethodName(IMethodSymbol method) => method.Name switch
    {
        "CreateTable" => MigrationOperationKind.CreateTable,
        "DropTable" => MigrationOperationKind.DropTable,
        "RenameTable" => MigrationOperationKind.RenameTable,
        "AlterTable" => MigrationOperationKind.AlterTable,
        "AddColumn" => MigrationOperationKind.AddColumn,
        "DropColumn" => MigrationOperationKind.DropColumn,
        "AlterColumn" => MigrationOperationKind.AlterColumn,
        "RenameColumn" => MigrationOperationKind.RenameColumn,
        "CreateIndex" => MigrationOperationKind.CreateIndex,
        "DropIndex" => MigrationOperationKind.DropIndex,
        "RenameIndex" => MigrationOperationKind.RenameIndex,
        "AddPrimaryKey" => MigrationOperationKind.AddPrimaryKey,
        "DropPrimaryKey" => MigrationOperationKind.DropPrimaryKey,
        "AddForeignKey" => MigrationOperationKind.AddForeignKey,
        "DropForeignKey" => MigrationOperationKind.DropForeignKey,
        "AddUniqueConstraint" => MigrationOperationKind.AddUniqueConstraint,
        "DropUniqueConstraint" => MigrationOperationKind.DropUniqueConstraint,
        "AddCheckConstraint" => MigrationOperationKind.AddCheckConstraint,
        "DropCheckConstraint" => MigrationOperationKind.DropCheckConstraint,
        "CreateSequence" => MigrationOperationKind.CreateSequence,
        "AlterSequence" => MigrationOperationKind.AlterSequence,
        "DropSequence" => MigrationOperationKind.DropSequence,
        "RenameSequence" => MigrationOperationKind.RenameSequence,
        "RestartSequence" => MigrationOperationKind.RestartSequence,
        "EnsureSchema" => MigrationOperationKind.EnsureSchema,
        "DropSchema" => MigrationOperationKind.DropSchema,
        "AlterDatabase" => MigrationOperationKind.AlterDatabase,
        "Sql" => MigrationOperationKind.Sql,
        "InsertData" => MigrationOperationKind.InsertData,
        "UpdateData" => MigrationOperationKind.UpdateData,
        "DeleteData" => MigrationOperationKind.DeleteData,
        _ => MigrationOperationKind.Other,
    };

    /// <summary>Operations that change rows, not schema.</summary>
    public static bool IsDataOperation(MigrationOperationKind kind) =>
        kind is MigrationOperationKind.InsertData or MigrationOperationKind.UpdateData or MigrationOperationKind.DeleteData;
}
