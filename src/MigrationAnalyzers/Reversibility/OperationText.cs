using MigrationAnalyzers.Model;
using MigrationAnalyzers.Schema;
using K = MigrationAnalyzers.Model.MigrationOperationKind;

namespace MigrationAnalyzers.Reversibility;

/// <summary>How the Reversibility messages name an operation: <c>AddColumn 'Rating' on 'Blogs'</c>.</summary>
internal static class OperationText
{
    public static string Describe(MigrationOperation operation)
    {
        var table = MigrationFacts.Qualified(operation.Schema, operation.Table);
        return operation.Kind switch
        {
            K.CreateTable or K.DropTable or K.AlterTable => $"{operation.MethodName} '{table}'",
            K.RenameTable => $"RenameTable '{table}' to '{operation.NewName}'",
            K.RenameColumn or K.RenameIndex => $"{operation.MethodName} '{operation.Name}' to '{operation.NewName}' on '{table}'",
            K.RenameSequence => $"RenameSequence '{operation.Name}' to '{operation.NewName}'",
            K.CreateSequence or K.DropSequence or K.AlterSequence or K.RestartSequence or K.EnsureSchema or K.DropSchema =>
                $"{operation.MethodName} '{MigrationFacts.Qualified(operation.Kind is K.EnsureSchema or K.DropSchema ? null : operation.Schema, operation.Name)}'",
            K.InsertData or K.UpdateData or K.DeleteData => $"{operation.MethodName} on '{table}'",
            K.AlterDatabase => "AlterDatabase",
            _ => operation.Table is null ? $"{operation.MethodName} '{operation.Name}'" : $"{operation.MethodName} '{operation.Name}' on '{table}'",
        };
    }
}
