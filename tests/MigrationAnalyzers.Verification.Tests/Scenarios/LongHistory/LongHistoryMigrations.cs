using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Reflection.Emit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Internal;

namespace MigrationAnalyzers.Verification.Tests.Scenarios.LongHistory;

/// <summary>
/// EF finds migrations through IMigrationsAssembly; this one makes <see cref="LongHistoryContext.Count"/>
/// of them instead of reading hand-written classes. EF reads a migration's id from its [Migration]
/// attribute, so each is a small class emitted at run time: [Migration(id)] on a subclass of
/// <see cref="CreateTableMigration"/> whose constructor passes its number.
/// </summary>
public sealed class LongHistoryMigrations(
    ICurrentDbContext currentContext,
    IDbContextOptions options,
    IMigrationsIdGenerator idGenerator,
    IDiagnosticsLogger<DbLoggerCategory.Migrations> logger)
    : MigrationsAssembly(currentContext, options, idGenerator, logger)
{
    private static readonly IReadOnlyDictionary<string, TypeInfo> All = Emit();

    public override IReadOnlyDictionary<string, TypeInfo> Migrations => All;

    public override ModelSnapshot ModelSnapshot => new Snapshot();

    public override Migration CreateMigration(TypeInfo migrationClass, string activeProvider)
    {
        var migration = (Migration)Activator.CreateInstance(migrationClass.AsType())!;
        migration.ActiveProvider = activeProvider;
        return migration;
    }

    private static IReadOnlyDictionary<string, TypeInfo> Emit()
    {
        var module = AssemblyBuilder.DefineDynamicAssembly(new AssemblyName("LongHistoryMigrations"), AssemblyBuilderAccess.Run)
            .DefineDynamicModule("LongHistoryMigrations");
        var baseConstructor = typeof(CreateTableMigration).GetConstructor(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic, null, new[] { typeof(int) }, null)!;
        var attributeConstructor = typeof(MigrationAttribute).GetConstructor(new[] { typeof(string) })!;
        return Enumerable.Range(1, LongHistoryContext.Count).ToDictionary(Id, index =>
        {
            var type = module.DefineType("CreateTable" + index, TypeAttributes.Public | TypeAttributes.Sealed, typeof(CreateTableMigration));
            type.SetCustomAttribute(new CustomAttributeBuilder(attributeConstructor, new object[] { Id(index) }));
            var il = type.DefineConstructor(MethodAttributes.Public, CallingConventions.Standard, Type.EmptyTypes).GetILGenerator();
            il.Emit(OpCodes.Ldarg_0);
            il.Emit(OpCodes.Ldc_I4, index);
            il.Emit(OpCodes.Call, baseConstructor);
            il.Emit(OpCodes.Ret);
            return type.CreateTypeInfo()!;
        });
    }

    private static string Id(int index) => $"2024{index / 28 + 1:00}{index % 28 + 1:00}000000_CreateTable{index:000}";

    private sealed class Snapshot : ModelSnapshot
    {
        protected override void BuildModel(ModelBuilder modelBuilder) => LongHistoryContext.Build(modelBuilder, LongHistoryContext.Count);
    }
}

/// <summary>Migration number <c>index</c>: creates its table with a key, two columns and an index; Down drops it.</summary>
public abstract class CreateTableMigration(int index) : Migration
{
    protected override void BuildTargetModel(ModelBuilder modelBuilder) => LongHistoryContext.Build(modelBuilder, index);

    protected override void Up(MigrationBuilder migrationBuilder)
    {
        var table = LongHistoryContext.TableName(index);
        migrationBuilder.CreateTable(
            name: table,
            columns: t => new
            {
                Id = GeneratedKeys.Column(t),
                Name = t.Column<string>(maxLength: 50, nullable: false),
                Value = t.Column<int>(nullable: true),
            },
            constraints: t => t.PrimaryKey("PK_" + table, x => x.Id));
        migrationBuilder.CreateIndex(name: $"IX_{table}_Name", table: table, column: "Name");
    }

    protected override void Down(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable(LongHistoryContext.TableName(index));
}
