using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace MigrationAnalyzers.Benchmarks;

/// <summary>
/// Generates a realistic migration history: 10 tables at first, one more every tenth migration up
/// to 40, each later migration a few of the operations real histories are made of (AddColumn,
/// AlterColumn, CreateIndex, RenameColumn, DropColumn, <c>Sql</c>) with its scaffolded Down, and a
/// .Designer.cs that carries the whole model after the migration (~3,000 lines by migration 300),
/// as EF writes it. With <c>unresolved</c>, some migrations use names the compilation does not
/// have (a project enum, a seeding helper, a constant): code in the IDE is often in that state.
/// </summary>
internal static class MigrationHistoryGenerator
{
    private const int FirstTables = 10;
    private const int MaxTables = 40;
    private const int MaxExtraColumns = 12;

    public static IEnumerable<(string Path, string Source)> Generate(int count, bool unresolved = false)
    {
        var tables = new List<Table>();
        for (var i = 0; i < count; i++)
        {
            var (up, down) = Operations(i, tables, unresolved);
            var name = NameAfter(up, i);
            var id = $"2024{i:D10}_{name}";
            yield return ($"Migrations/{id}.cs", Migration(i, up, down, name));
            yield return ($"Migrations/{id}.Designer.cs", Designer(i, id, tables, name));
        }
    }

    /// <summary>
    /// Named after its first change, as `dotnet ef migrations add` is given a name by its author:
    /// real histories name migrations this way (MIG082 found no vague name in 2,840 files of 13 real
    /// folders), so the benchmark does not report, and time, one Info per migration that real
    /// projects never see. The number keeps names unique.
    /// </summary>
    private static string NameAfter(string up, int i)
    {
        var call = System.Text.RegularExpressions.Regex.Match(up, @"migrationBuilder\.(\w+)(?:<\w+>)?\(\s*name: ""(\w+)""(?:,\s*table: ""(\w+)"")?");
        if (!call.Success)
        {
            return $"BackfillRows{i}";
        }

        var (kind, name, table) = (call.Groups[1].Value, call.Groups[2].Value, call.Groups[3].Value);
        return kind switch
        {
            "CreateTable" => $"Add{name}Table{i}",
            "AddColumn" => $"Add{name}To{table}{i}",
            "AlterColumn" => $"Modify{name}In{table}{i}",
            "DropColumn" => $"Remove{name}From{table}{i}",
            "RenameColumn" => $"Rename{name}In{table}{i}",
            "CreateIndex" => $"CreateIndex{name}{i}",
            _ => $"{kind}{name}{i}",
        };
    }

    /// <summary>A migration whose Up is about <paramref name="lines"/> lines of AddColumn, for the code-fix latency case.</summary>
    public static (string Path, string Source) Large(int number, int lines, int tableCount)
    {
        var up = new StringBuilder();
        var down = new StringBuilder();
        for (var (c, written) = (0, 0); written < lines; c++)
        {
            var table = $"Table{c % tableCount}";
            var add = AddColumn($"Bulk{c}", table, "string", "text", nullable: true);
            var drop = DropColumn($"Bulk{c}", table);
            up.Append(add);
            down.Insert(0, drop);
            written += Lines(add) + Lines(drop);
        }

        // One foreign key without its index (MIG060): the diagnostic whose fix is timed.
        up.Append($$"""
                    migrationBuilder.AddForeignKey(
                        name: "FK_Table1_Table0_Bulk0",
                        table: "Table1",
                        column: "Bulk1",
                        principalTable: "Table0",
                        principalColumn: "Id");

            """);
        down.Insert(0, """
                    migrationBuilder.DropForeignKey(
                        name: "FK_Table1_Table0_Bulk0",
                        table: "Table1");

            """);
        var id = $"2025{number:D10}_Large{number}";
        return ($"Migrations/{id}.cs", Migration(number, up.ToString(), down.ToString(), $"Large{number}", id));
    }

    private static int Lines(string text) => text.Count(c => c == '\n');

    private static (string Up, string Down) Operations(int i, List<Table> tables, bool unresolved)
    {
        var up = new StringBuilder();
        var down = new List<string>();
        if (i == 0 || i % 10 == 0 && tables.Count < MaxTables)
        {
            var create = i == 0 ? FirstTables : 1;
            for (var n = 0; n < create; n++)
            {
                var table = new Table(tables.Count);
                tables.Add(table);
                up.Append(CreateTable(table));
                down.Add($$"""
                            migrationBuilder.DropTable(
                                name: "{{table.Name}}");

                    """);
            }
        }
        else
        {
            var table = tables[i * 7 % tables.Count];
            switch (i % 6)
            {
                case 0 or 5:
                    AddColumn(table, new Column($"Note{i}", "string", "text", null, true), up, down);
                    if (i % 6 == 5)
                    {
                        up.Append($$"""
                                    migrationBuilder.Sql("UPDATE \"{{table.Name}}\" SET \"Note{{i}}\" = '' WHERE \"Note{{i}}\" IS NULL;");

                            """);
                    }

                    break;
                case 1:
                    AddColumn(table, new Column($"Count{i}", "int", "integer", null, false), up, down);
                    break;
                case 2:
                    var name = table.Columns[1];
                    var oldLength = name.MaxLength!.Value;
                    name.MaxLength = oldLength + 10;
                    name.StoreType = $"character varying({name.MaxLength})";
                    up.Append(AlterName(table.Name, name.MaxLength.Value, oldLength));
                    down.Add(AlterName(table.Name, oldLength, name.MaxLength.Value));
                    break;
                case 3 when table.Columns.Skip(Table.BaseColumns).FirstOrDefault(c => !table.Indexes.Contains(c.Name)) is { } column:
                    table.Indexes.Add(column.Name);
                    up.Append(CreateIndex(table.Name, column.Name));
                    down.Add($$"""
                                migrationBuilder.DropIndex(
                                    name: "IX_{{table.Name}}_{{column.Name}}",
                                    table: "{{table.Name}}");

                        """);
                    break;
                case 4 when table.Columns.Skip(Table.BaseColumns).FirstOrDefault(c => !table.Indexes.Contains(c.Name)) is { } column:
                    var oldName = column.Name;
                    column.Name = $"Renamed{i}";
                    up.Append(RenameColumn(table.Name, oldName, column.Name));
                    down.Add(RenameColumn(table.Name, column.Name, oldName));
                    break;
                default:
                    AddColumn(table, new Column($"Flag{i}", "bool", "boolean", null, false), up, down);
                    break;
            }
        }

        if (unresolved && i > 0 && i % 5 == 0)
        {
            // A project enum the compilation does not have (its file is being edited, or excluded).
            var table = tables[i % tables.Count];
            up.Append($$"""
                        migrationBuilder.AddColumn<int>(
                            name: "Status{{i}}",
                            table: "{{table.Name}}",
                            type: "integer",
                            nullable: false,
                            defaultValue: (int)OrderStatus.Active);

                """);
            down.Add(DropColumn($"Status{i}", table.Name));
        }

        if (unresolved && i % 20 == 3)
        {
            up.Append($$"""
                        SeedData.InsertLookups(migrationBuilder, Tables.Lookup{{i}});

                """);
        }

        down.Reverse();
        return (up.ToString(), string.Concat(down));
    }

    private static void AddColumn(Table table, Column column, StringBuilder up, List<string> down)
    {
        var extra = table.Columns.Skip(Table.BaseColumns).ToList();
        if (extra.Count >= MaxExtraColumns && extra.FirstOrDefault(c => !table.Indexes.Contains(c.Name)) is { } dropped)
        {
            // Old columns go as new ones come: the model stays the size real ones do.
            table.Columns.Remove(dropped);
            up.Append(DropColumn(dropped.Name, table.Name));
            down.Add(AddColumn(dropped.Name, table.Name, dropped.ClrType, dropped.StoreType, dropped.Nullable));
        }

        table.Columns.Add(column);
        up.Append(AddColumn(column.Name, table.Name, column.ClrType, column.StoreType, column.Nullable));
        down.Add(DropColumn(column.Name, table.Name));
    }

    private static string AddColumn(string name, string table, string clrType, string storeType, bool nullable) =>
        (clrType, nullable) switch
        {
            ("string", _) or (_, true) => $$"""
                        migrationBuilder.AddColumn<{{clrType}}>(
                            name: "{{name}}",
                            table: "{{table}}",
                            type: "{{storeType}}",
                            nullable: {{(nullable ? "true" : "false")}});

                """,
            _ => $$"""
                        migrationBuilder.AddColumn<{{clrType}}>(
                            name: "{{name}}",
                            table: "{{table}}",
                            type: "{{storeType}}",
                            nullable: false,
                            defaultValue: {{(clrType == "bool" ? "false" : "0")}});

                """,
        };

    private static string DropColumn(string name, string table) => $$"""
                    migrationBuilder.DropColumn(
                        name: "{{name}}",
                        table: "{{table}}");

        """;

    private static string AlterName(string table, int length, int oldLength) => $$"""
                    migrationBuilder.AlterColumn<string>(
                        name: "Name",
                        table: "{{table}}",
                        type: "character varying({{length}})",
                        maxLength: {{length}},
                        nullable: false,
                        oldClrType: typeof(string),
                        oldType: "character varying({{oldLength}})",
                        oldMaxLength: {{oldLength}});

        """;

    private static string CreateIndex(string table, string column) => $$"""
                    migrationBuilder.CreateIndex(
                        name: "IX_{{table}}_{{column}}",
                        table: "{{table}}",
                        column: "{{column}}");

        """;

    private static string RenameColumn(string table, string name, string newName) => $$"""
                    migrationBuilder.RenameColumn(
                        name: "{{name}}",
                        table: "{{table}}",
                        newName: "{{newName}}");

        """;

    private static string CreateTable(Table table)
    {
        var parent = table.Number == 0 ? null : $"Table{table.Number - 1}";
        table.Indexes.Add("ParentId");
        var foreignKey = parent is null ? "" : $$"""

                                    table.ForeignKey(
                                        name: "FK_{{table.Name}}_{{parent}}_ParentId",
                                        column: x => x.ParentId,
                                        principalTable: "{{parent}}",
                                        principalColumn: "Id");
            """;
        return $$"""
                    migrationBuilder.CreateTable(
                        name: "{{table.Name}}",
                        columns: table => new
                        {
                            Id = table.Column<int>(type: "integer", nullable: false)
                                .Annotation("Npgsql:ValueGenerationStrategy", 2),
                            Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                            ParentId = table.Column<int>(type: "integer", nullable: true),
                            CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                        },
                        constraints: table =>
                        {
                            table.PrimaryKey("PK_{{table.Name}}", x => x.Id);{{foreignKey}}
                        });

                    migrationBuilder.CreateIndex(
                        name: "IX_{{table.Name}}_ParentId",
                        table: "{{table.Name}}",
                        column: "ParentId");

            """;
    }

    private static string Migration(int i, string up, string down, string? name = null, string? id = null) => $$"""
        using System;
        using Microsoft.EntityFrameworkCore.Migrations;

        #nullable disable

        namespace Bench.Migrations
        {
            {{(id is null ? "" : $"[Microsoft.EntityFrameworkCore.Migrations.Migration(\"{id}\")]")}}
            public partial class {{name ?? $"Change{i}"}} : Migration
            {
                /// <inheritdoc />
                protected override void Up(MigrationBuilder migrationBuilder)
                {
        {{up}}        }

                /// <inheritdoc />
                protected override void Down(MigrationBuilder migrationBuilder)
                {
        {{down}}        }
            }
        }
        """;

    private static string Designer(int i, string id, List<Table> tables, string name)
    {
        var entities = new StringBuilder();
        foreach (var table in tables)
        {
            entities.Append($$"""
                            modelBuilder.Entity("Bench.Entity{{table.Number}}", b =>
                                {

                """);
            foreach (var column in table.Columns)
            {
                var type = column.Nullable && column.ClrType != "string" ? column.ClrType + "?" : column.ClrType;
                entities.Append($$"""
                                        b.Property<{{type}}>("{{column.Name}}")
                    {{(column.Nullable || column.ClrType != "string" ? "" : "                        .IsRequired()\n")}}{{(column.MaxLength is { } length ? $"                        .HasMaxLength({length})\n" : "")}}                                .HasColumnType("{{column.StoreType}}");


                    """);
            }

            foreach (var index in table.Indexes)
            {
                entities.Append($$"""
                                        b.HasIndex("{{index}}");


                    """);
            }

            entities.Append($$"""
                                    b.HasKey("Id");

                                    b.ToTable("{{table.Name}}");
                                });


                """);
        }

        foreach (var table in tables.Where(t => t.Number > 0))
        {
            entities.Append($$"""
                            modelBuilder.Entity("Bench.Entity{{table.Number}}", b =>
                                {
                                    b.HasOne("Bench.Entity{{table.Number - 1}}", "Parent")
                                        .WithMany()
                                        .HasForeignKey("ParentId");

                                    b.Navigation("Parent");
                                });


                """);
        }

        return $$"""
            // <auto-generated />
            using System;
            using Microsoft.EntityFrameworkCore;
            using Microsoft.EntityFrameworkCore.Infrastructure;
            using Microsoft.EntityFrameworkCore.Migrations;

            #nullable disable

            namespace Bench.Migrations
            {
                [Migration("{{id}}")]
                partial class {{name}}
                {
                    /// <inheritdoc />
                    protected override void BuildTargetModel(ModelBuilder modelBuilder)
                    {
            #pragma warning disable 612, 618
                        modelBuilder
                            .HasAnnotation("ProductVersion", "10.0.0")
                            .HasAnnotation("Relational:MaxIdentifierLength", 63);

            {{entities}}#pragma warning restore 612, 618
                    }
                }
            }
            """;
    }

    private sealed class Table
    {
        public const int BaseColumns = 4;

        public Table(int number)
        {
            Number = number;
            Columns.Add(new Column("Id", "int", "integer", null, false));
            Columns.Add(new Column("Name", "string", "character varying(200)", 200, false));
            Columns.Add(new Column("ParentId", "int", "integer", null, true));
            Columns.Add(new Column("CreatedAt", "DateTime", "timestamp with time zone", null, false));
        }

        public int Number { get; }

        public string Name => $"Table{Number}";

        public List<Column> Columns { get; } = new();

        public List<string> Indexes { get; } = new();
    }

    private sealed class Column
    {
        public Column(string name, string clrType, string storeType, int? maxLength, bool nullable)
        {
            Name = name;
            ClrType = clrType;
            StoreType = storeType;
            MaxLength = maxLength;
            Nullable = nullable;
        }

        public string Name { get; set; }

        public string ClrType { get; }

        public string StoreType { get; set; }

        public int? MaxLength { get; set; }

        public bool Nullable { get; }
    }
}
