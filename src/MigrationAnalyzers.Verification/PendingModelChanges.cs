using System.Collections.Generic;
using System.Linq;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;

namespace MigrationAnalyzers.Verification;

/// <summary>
/// Whether the current model is ahead of the migrations, and in what. The verdict is EF's own
/// <c>HasPendingModelChanges()</c>; the list is the operations the next
/// <c>dotnet ef migrations add</c> would write, computed the same way (snapshot vs model diff).
/// </summary>
internal static class PendingModelChanges
{
    public static bool Exist(DbContext context) => context.Database.HasPendingModelChanges();

    public static IReadOnlyList<string> Describe(DbContext context)
    {
        var snapshotModel = context.GetService<IMigrationsAssembly>().ModelSnapshot?.Model;
        if (snapshotModel is IMutableModel mutable)
        {
            snapshotModel = mutable.FinalizeModel();
        }

        if (snapshotModel is not null)
        {
            snapshotModel = context.GetService<IModelRuntimeInitializer>().Initialize(snapshotModel);
        }

        var operations = context.GetService<IMigrationsModelDiffer>().GetDifferences(
            snapshotModel?.GetRelationalModel(),
            context.GetService<IDesignTimeModel>().Model.GetRelationalModel());
        var lines = operations.Select(Describe).ToList();
        if (snapshotModel is null)
        {
            lines.Insert(0, "the migrations have no model snapshot");
        }

        return lines;
    }

    private static string Describe(MigrationOperation operation) => operation switch
    {
        CreateTableOperation o => $"create table {o.Name}",
        DropTableOperation o => $"drop table {o.Name}",
        RenameTableOperation o => $"rename table {o.Name} to {o.NewName}",
        AddColumnOperation o => $"add column {o.Table}.{o.Name}",
        DropColumnOperation o => $"drop column {o.Table}.{o.Name}",
        AlterColumnOperation o => $"alter column {o.Table}.{o.Name}",
        RenameColumnOperation o => $"rename column {o.Table}.{o.Name} to {o.NewName}",
        CreateIndexOperation o => $"create index {o.Name} on {o.Table} ({string.Join(", ", o.Columns)})",
        DropIndexOperation o => $"drop index {o.Name}",
        AddForeignKeyOperation o => $"add foreign key {o.Name} on {o.Table}",
        DropForeignKeyOperation o => $"drop foreign key {o.Name} on {o.Table}",
        AddPrimaryKeyOperation o => $"add primary key {o.Name} on {o.Table}",
        DropPrimaryKeyOperation o => $"drop primary key {o.Name} on {o.Table}",
        InsertDataOperation o => $"insert seed data into {o.Table}",
        UpdateDataOperation o => $"update seed data in {o.Table}",
        DeleteDataOperation o => $"delete seed data from {o.Table}",
        _ => operation.GetType().Name.Replace("Operation", string.Empty),
    };
}
