using System;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace MigrationAnalyzers.Verification.Tests.Scenarios.Catalog;

[DbContext(typeof(CatalogContext))]
[Migration("20240201000000_CreateCatalog")]
public sealed class CreateCatalog : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "Categories",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false),
                Name = table.Column<string>(maxLength: 50, nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_Categories", x => x.Id));

        migrationBuilder.InsertData(table: "Categories", columns: new[] { "Id", "Name" }, values: new object[] { 1, "Default" });

        migrationBuilder.CreateTable(
            name: "Products",
            columns: table => new
            {
                Id = GeneratedKeys.Column(table),
                CategoryId = table.Column<int>(nullable: false),
                Name = table.Column<string>(maxLength: 50, nullable: false),
                Price = table.Column<decimal>(precision: 10, scale: 2, nullable: false),
                Currency = table.Column<string>(maxLength: 3, nullable: false, defaultValue: "EUR"),
                InStock = table.Column<bool>(nullable: false),
                CreatedAt = table.Column<DateTime>(nullable: false),
                Sku = table.Column<Guid>(nullable: false),
                Weight = table.Column<double>(nullable: false),
                Image = table.Column<byte[]>(nullable: true),
                Description = table.Column<string>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Products", x => x.Id);
                table.ForeignKey("FK_Products_Categories_CategoryId", x => x.CategoryId, "Categories", "Id", onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateIndex(name: "IX_Products_CategoryId", table: "Products", column: "CategoryId");
        migrationBuilder.CreateIndex(name: "IX_Products_Sku", table: "Products", column: "Sku", unique: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "Products");
        migrationBuilder.DropTable(name: "Categories");
    }

    protected override void BuildTargetModel(ModelBuilder modelBuilder) => CatalogSnapshot.Build(modelBuilder, migrations: 1);
}

/// <summary>
/// Adds a required column the way <c>dotnet ef migrations add</c> does: with <c>defaultValue: 0L</c>
/// for the existing rows, a default the model does not have. The SQLite rebuild in the next
/// migration drops it again, which must not fail the round trip.
/// </summary>
[DbContext(typeof(CatalogContext))]
[Migration("20240201120000_AddProductViews")]
public sealed class AddProductViews : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
        => migrationBuilder.AddColumn<long>(name: "Views", table: "Products", nullable: false, defaultValue: 0L);

    protected override void Down(MigrationBuilder migrationBuilder)
        => migrationBuilder.DropColumn(name: "Views", table: "Products");

    protected override void BuildTargetModel(ModelBuilder modelBuilder) => CatalogSnapshot.Build(modelBuilder, migrations: 2);
}

[DbContext(typeof(CatalogContext))]
[Migration("20240202000000_WidenProductName")]
public sealed class WidenProductName : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
        => migrationBuilder.AlterColumn<string>(
            name: "Name", table: "Products", maxLength: 100, nullable: false, oldClrType: typeof(string), oldMaxLength: 50);

    protected override void Down(MigrationBuilder migrationBuilder)
        => migrationBuilder.AlterColumn<string>(
            name: "Name", table: "Products", maxLength: 50, nullable: false, oldClrType: typeof(string), oldMaxLength: 100);

    protected override void BuildTargetModel(ModelBuilder modelBuilder) => CatalogSnapshot.Build(modelBuilder, migrations: 3);
}

[DbContext(typeof(CatalogContext))]
[Migration("20240203000000_RenameDescriptionToNotes")]
public sealed class RenameDescriptionToNotes : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
        => migrationBuilder.RenameColumn(name: "Description", table: "Products", newName: "Notes");

    protected override void Down(MigrationBuilder migrationBuilder)
        => migrationBuilder.RenameColumn(name: "Notes", table: "Products", newName: "Description");

    protected override void BuildTargetModel(ModelBuilder modelBuilder) => CatalogSnapshot.Build(modelBuilder, migrations: 4);
}

/// <summary>Edits a seed row: the migration's own data, not a loss of the rows users wrote.</summary>
[DbContext(typeof(CatalogContext))]
[Migration("20240204000000_RenameDefaultCategory")]
public sealed class RenameDefaultCategory : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
        => migrationBuilder.UpdateData(table: "Categories", keyColumn: "Id", keyValue: 1, column: "Name", value: "General");

    protected override void Down(MigrationBuilder migrationBuilder)
        => migrationBuilder.UpdateData(table: "Categories", keyColumn: "Id", keyValue: 1, column: "Name", value: "Default");

    protected override void BuildTargetModel(ModelBuilder modelBuilder) => CatalogSnapshot.Build(modelBuilder, migrations: 5);
}

[DbContext(typeof(CatalogContext))]
public sealed class CatalogContextModelSnapshot : ModelSnapshot
{
    protected override void BuildModel(ModelBuilder modelBuilder) => CatalogSnapshot.Build(modelBuilder, migrations: 5);
}
