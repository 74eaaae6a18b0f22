using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using MigrationAnalyzers.Configuration;
using MigrationAnalyzers.Model;
using MigrationAnalyzers.Tests.Verifiers;

namespace MigrationAnalyzers.Tests.Model;

/// <summary>
/// The shared migration model (SPEC §2) read directly: each shape real migrations use is either
/// modelled exactly or recorded as unknown, never mis-read.
/// </summary>
public class MigrationModelTests
{
    [Theory]
    [InlineData(EfVersion.Ef10)]
    [InlineData(EfVersion.Ef8)]
    public void NamedPositionalAndOmittedArguments_ReadByParameter(EfVersion version)
    {
        var up = Up("""
            migrationBuilder.AddColumn<string>("Title", "Posts", "text", maxLength: 200);
            migrationBuilder.AddColumn<int>(table: "Posts", nullable: true, name: "Rank");
            migrationBuilder.AddColumn<int>(name: "Score", table: "Posts");
            """, version);

        var title = up[0];
        Assert.Equal(MigrationOperationKind.AddColumn, title.Kind);
        Assert.Equal("Title", title.Name);
        Assert.Equal("Posts", title.Table);
        Assert.Null(title.Schema);
        Assert.Equal("text", title.Column!.StoreType);
        Assert.Equal(200, title.Column.MaxLength.AsInt());
        Assert.Equal("string", title.ClrType!.ToDisplayString());

        Assert.Equal("Rank", up[1].Name);
        Assert.True(up[1].Column!.IsNullable);

        // Omitted arguments carry EF's parameter defaults: AddColumn is NOT NULL unless told otherwise.
        var score = up[2].Column!;
        Assert.True(up[2]["nullable"].IsOmitted);
        Assert.False(score.IsNullable);
        Assert.True(score.DefaultValue.IsNull);
        Assert.False(score.HasDefaultOrComputed);
        Assert.False(up[2].HasUnknownArguments);
    }

    [Fact]
    public void ConstantsFromConstFieldsNameofAndConcatenation_Resolved()
    {
        var model = Single("""
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240101000000_Consts")]
            public class Consts : Migration
            {
                private const string Schema = "blog";
                private const string Table = "Po" + "sts";

                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.AddColumn<decimal>(name: nameof(Consts), table: Table, schema: Schema, precision: Names.Precision, defaultValue: 0m);
                    migrationBuilder.CreateIndex(name: "IX_" + Table, table: Table, schema: Schema, columns: new[] { Names.Column, "Id" }, unique: true);
                }
            }

            public static class Names
            {
                public const string Column = "Title";
                public const int Precision = 18;
            }
            """);

        var column = model.Up.Operations[0];
        Assert.Equal("Consts", column.Name);
        Assert.Equal("Posts", column.Table);
        Assert.Equal("blog", column.Schema);
        Assert.Equal(18, column.Column!.Precision.AsInt());
        Assert.Equal(0m, column.Column.DefaultValue.Constant);
        Assert.True(column.Column.HasDefaultOrComputed);

        var index = model.Up.Operations[1];
        Assert.Equal("IX_Posts", index.Name);
        Assert.Equal(new[] { "Title", "Id" }, index.Columns);
        Assert.True(index["unique"].AsBool());
    }

    [Theory]
    [InlineData(EfVersion.Ef10)]
    [InlineData(EfVersion.Ef8)]
    public void CreateTable_ColumnsAndConstraintsMappedToColumnNames(EfVersion version)
    {
        var up = Up("""
            migrationBuilder.CreateTable(
                name: "Posts",
                schema: "blog",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", 2),
                    TenantId = table.Column<int>(nullable: false),
                    BlogId = table.Column<int>(name: "blog_id", nullable: true),
                    Title = table.Column<string>(maxLength: 200, nullable: false, defaultValue: "")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Posts", x => new { x.TenantId, x.Id });
                    table.UniqueConstraint("AK_Posts_Title", x => x.Title);
                    table.ForeignKey(
                        name: "FK_Posts_Blogs_blog_id",
                        column: x => x.BlogId,
                        principalSchema: "blog",
                        principalTable: "Blogs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.CheckConstraint("CK_Posts_Title", "length(\"Title\") > 0");
                });
            """, version);

        var create = Assert.Single(up);
        Assert.Equal(MigrationOperationKind.CreateTable, create.Kind);
        Assert.Equal("Posts", create.Table);
        Assert.Equal("blog", create.Schema);
        Assert.False(create.HasUnknownArguments);
        Assert.Equal(new[] { "Id", "TenantId", "blog_id", "Title" }, create.TableColumns.Select(c => c.Name));
        Assert.Equal("BlogId", create.TableColumns[2].PropertyName);
        Assert.True(create.TableColumns[2].IsNullable);
        Assert.Equal(200, create.TableColumns[3].MaxLength.AsInt());
        Assert.Equal("Npgsql:ValueGenerationStrategy", Assert.Single(create.TableColumns[0].Annotations).Name);

        Assert.Equal(
            new[] { MigrationOperationKind.AddPrimaryKey, MigrationOperationKind.AddUniqueConstraint, MigrationOperationKind.AddForeignKey, MigrationOperationKind.AddCheckConstraint },
            create.Constraints.Select(c => c.Kind));
        Assert.All(create.Constraints, c => Assert.Same(create, c.Parent));
        Assert.Equal(new[] { "TenantId", "Id" }, create.Constraints[0].Columns);
        Assert.Equal(new[] { "Title" }, create.Constraints[1].Columns);

        var foreignKey = create.Constraints[2];
        Assert.Equal("FK_Posts_Blogs_blog_id", foreignKey.Name);
        Assert.Equal(new[] { "blog_id" }, foreignKey.Columns);
        Assert.Equal("Posts", foreignKey.Table);
        Assert.Equal("blog", foreignKey.Schema);
        Assert.Equal("Blogs", foreignKey.PrincipalTable);
        Assert.Equal(new[] { "Id" }, foreignKey.PrincipalColumns);
        Assert.StartsWith("table.ForeignKey(", foreignKey.Syntax.ToString());
        Assert.Equal("length(\"Title\") > 0", create.Constraints[3].SqlText);
    }

    [Fact]
    public void AnnotationChains_SplitIntoNewAndOldAndKeptOutOfTheLocation()
    {
        var up = Up("""
            migrationBuilder.AlterColumn<int>(
                name: "Id",
                table: "Posts",
                nullable: false,
                oldClrType: typeof(int),
                oldType: "integer")
                .Annotation("Npgsql:ValueGenerationStrategy", 2)
                .OldAnnotation("Npgsql:IdentitySequenceOptions", "'1', '1'");
            migrationBuilder.CreateIndex(name: "IX_Posts_Title", table: "Posts", column: "Title")
                .Annotation("Npgsql:CreatedConcurrently", true);
            """);

        var alter = up[0];
        Assert.Equal(MigrationOperationKind.AlterColumn, alter.Kind);
        Assert.Equal(new[] { "Npgsql:ValueGenerationStrategy", "Npgsql:IdentitySequenceOptions" }, alter.Annotations.Select(a => a.Name));
        Assert.Equal(new[] { false, true }, alter.Annotations.Select(a => a.IsOld));
        Assert.Equal("Npgsql:ValueGenerationStrategy", Assert.Single(alter.Column!.Annotations).Name);
        Assert.Equal("Npgsql:IdentitySequenceOptions", Assert.Single(alter.OldColumn!.Annotations).Name);
        Assert.Equal("integer", alter.OldColumn.StoreType);
        Assert.DoesNotContain(".Annotation", alter.Syntax.ToString());
        Assert.Contains(".OldAnnotation", alter.StatementExpression.ToString());

        var index = up[1];
        Assert.Equal(true, Assert.Single(index.Annotations).Value.AsBool());
        Assert.EndsWith("column: \"Title\")", index.Syntax.ToString());
    }

    [Fact]
    public void ExpressionBodiedUpAndDownWithAnyBuilderName_Read()
    {
        var model = Single("""
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240101000000_Expr")]
            public class Expr : Migration
            {
                protected override void Up(MigrationBuilder b) => b.DropTable("Posts");

                protected override void Down(MigrationBuilder mb) => mb.CreateTable(name: "Posts", columns: t => new { Id = t.Column<int>() });
            }
            """);

        Assert.Equal("20240101000000_Expr", model.Id);
        Assert.Equal(MigrationOperationKind.DropTable, Assert.Single(model.Up.Operations).Kind);
        Assert.Equal("Posts", model.Up.Operations[0].Table);
        Assert.True(model.Up.HasStatements);
        Assert.Equal(MigrationOperationKind.CreateTable, Assert.Single(model.Down.Operations).Kind);
        Assert.False(model.Down.IsEmpty);
    }

    [Fact]
    public void HelperMethodsOfTheClass_FollowedInSourceOrder()
    {
        var model = Single("""
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240101000000_Helpers")]
            public class Helpers : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.EnsureSchema("audit");
                    AddAudit(migrationBuilder);
                    migrationBuilder.AddTimestamps("Posts");
                    DropLegacy(migrationBuilder, "Legacy");
                }

                private static void AddAudit(MigrationBuilder builder) =>
                    builder.AddColumn<string>(name: "CreatedBy", table: "Posts", nullable: true);

                private static void DropLegacy(MigrationBuilder builder, string table) =>
                    builder.DropTable(name: table);
            }

            public static class MigrationBuilderExtensions
            {
                public static void AddTimestamps(this MigrationBuilder builder, string table) =>
                    builder.AddColumn<System.DateTime>(name: "CreatedAt", table: table, nullable: true);
            }
            """);

        var up = model.Up.Operations;
        Assert.Equal(
            new[] { MigrationOperationKind.EnsureSchema, MigrationOperationKind.AddColumn, MigrationOperationKind.AddColumn, MigrationOperationKind.DropTable },
            up.Select(o => o.Kind));
        Assert.False(up[0].FromHelper);
        Assert.True(up[1].FromHelper);
        Assert.Equal("Posts", up[1].Table);
        Assert.Equal("CreatedBy", up[1].Name);

        // A helper parameter is not a constant at the helper's call site: unknown, never guessed.
        Assert.True(up[2].FromHelper);
        Assert.Equal("CreatedAt", up[2].Name);
        Assert.Null(up[2].Table);
        Assert.True(up[2].HasUnknownArguments);
        Assert.Null(up[3].Table);
        Assert.True(up[3].HasUnknownArguments);
        Assert.False(model.Up.HasUnknown);
    }

    [Fact]
    public void CustomBaseClassLocalFunctionsAndPreprocessorRegions_Read()
    {
        var catalog = Catalog("""
            #define FEATURE_AUDIT
            using Microsoft.EntityFrameworkCore.Migrations;

            public abstract class AuditedMigration : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder) =>
                    migrationBuilder.EnsureSchema(name: "audit");

                protected override void Down(MigrationBuilder migrationBuilder)
                {
                }
            }

            [Migration("20240101000000_Derived")]
            public class Derived : AuditedMigration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    base.Up(migrationBuilder);
            #if FEATURE_AUDIT
                    AddFlag("IsAudited");
            #else
                    migrationBuilder.DropTable(name: "Audit");
            #endif

                    void AddFlag(string column) => migrationBuilder.AddColumn<bool>(name: column, table: "Posts", nullable: false, defaultValue: false);
                }
            }
            """);

        var derived = Assert.Single(catalog.Migrations);
        Assert.Equal("Derived", derived.Name);
        Assert.Equal(new[] { MigrationOperationKind.EnsureSchema, MigrationOperationKind.AddColumn }, derived.Up.Operations.Select(o => o.Kind));
        Assert.Equal("audit", derived.Up.Operations[0].Name);
        Assert.True(derived.Up.Operations[0].FromHelper);
        Assert.Equal("Posts", derived.Up.Operations[1].Table);
        Assert.True(derived.Up.Operations[1].HasUnknownArguments);

        // The base class's empty Down is the migration's Down.
        Assert.True(derived.Down.IsDeclared);
        Assert.True(derived.Down.IsEmpty);
    }

    [Fact]
    public void ActiveProviderBranches_RecordedAsConditions()
    {
        var up = Up("""
            if (ActiveProvider == "Microsoft.EntityFrameworkCore.SqlServer")
            {
                migrationBuilder.Sql("EXEC sp_a");
            }
            else if ("Npgsql.EntityFrameworkCore.PostgreSQL" == migrationBuilder.ActiveProvider)
            {
                migrationBuilder.Sql("SELECT a()");
            }
            else
            {
                migrationBuilder.Sql("SELECT 1");
            }

            if (ActiveProvider != "Microsoft.EntityFrameworkCore.Sqlite" && System.Environment.ProcessorCount > 1)
            {
                migrationBuilder.Sql("SELECT 2");
            }

            migrationBuilder.Sql("SELECT 3");
            """);

        Assert.Equal(new[] { DatabaseProvider.SqlServer }, up[0].Condition.Providers);
        Assert.Equal(new[] { DatabaseProvider.PostgreSql }, up[1].Condition.Providers);
        Assert.Equal(new[] { DatabaseProvider.Sqlite, DatabaseProvider.MySql }, up[2].Condition.Providers.OrderBy(p => p));
        Assert.False(up[2].Condition.RunsOn(DatabaseProvider.SqlServer));
        Assert.True(up[3].Condition.IsUnknown);
        Assert.Null(up[3].Condition.RunsOn(DatabaseProvider.PostgreSql));
        Assert.True(up[4].Condition.IsAlways);
        Assert.Null(up[0].Condition.RunsOn(DatabaseProvider.Unknown));
    }

    [Fact]
    public void IsNpgsqlBranch_RecordedAsPostgreSqlCondition()
    {
        var model = Single("""
            using Microsoft.EntityFrameworkCore;
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240101000000_Pg")]
            public class Pg : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    if (migrationBuilder.IsNpgsql())
                    {
                        migrationBuilder.Sql("CREATE EXTENSION IF NOT EXISTS citext");
                    }
                    else
                    {
                        migrationBuilder.Sql("SELECT 1");
                    }

                    if (!migrationBuilder.IsNpgsql())
                    {
                        migrationBuilder.Sql("SELECT 2");
                    }
                }
            }
            """, EfVersion.Ef10, DbProvider.PostgreSql);

        var up = model.Up.Operations;
        Assert.Equal(3, up.Length);
        Assert.True(up[0].Condition.RunsOn(DatabaseProvider.PostgreSql));
        Assert.False(up[0].Condition.RunsOn(DatabaseProvider.SqlServer));
        Assert.False(up[1].Condition.RunsOn(DatabaseProvider.PostgreSql));
        Assert.True(up[1].Condition.RunsOn(DatabaseProvider.SqlServer));
        Assert.False(up[2].Condition.RunsOn(DatabaseProvider.PostgreSql));
    }

    [Fact]
    public void TernaryInArgument_Unknown()
    {
        var up = Up("""
            migrationBuilder.AddColumn<string>(
                name: "Data",
                table: "Posts",
                type: ActiveProvider == "Npgsql.EntityFrameworkCore.PostgreSQL" ? "jsonb" : "nvarchar(max)",
                nullable: true);
            """);

        var column = Assert.Single(up);
        Assert.Equal(ArgumentValueKind.Unknown, column["type"].Kind);
        Assert.Null(column.Column!.StoreType);

        // The names are known (rules may still judge the operation); the column's definition is not.
        Assert.False(column.HasUnknownArguments);
        Assert.True(column.Column.HasUnknownArguments);
        Assert.Equal("Posts", column.Table);
        Assert.True(column.Condition.IsAlways);
    }

    [Fact]
    public void ForeachOverData_InLoopWithUnknownArguments()
    {
        var up = Up("""
            foreach (var table in new[] { "Posts", "Blogs" })
            {
                migrationBuilder.AddColumn<bool>(name: "IsDeleted", table: table, nullable: false, defaultValue: false);
            }

            migrationBuilder.DropColumn(name: "Legacy", table: "Posts");
            """);

        Assert.True(up[0].InLoop);
        Assert.Null(up[0].Table);
        Assert.True(up[0].HasUnknownArguments);
        Assert.False(up[1].InLoop);
    }

    [Fact]
    public void ConstructorInjectedSchema_Unknown()
    {
        var model = Single("""
            using Microsoft.EntityFrameworkCore.Migrations;

            public interface ISchemaProvider { string Schema { get; } }

            [Migration("20240101000000_Injected")]
            public class Injected : Migration
            {
                private readonly ISchemaProvider _schema;

                public Injected(ISchemaProvider schema) => _schema = schema;

                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.DropTable(name: "Posts", schema: _schema.Schema);
                }
            }
            """);

        var drop = Assert.Single(model.Up.Operations);
        Assert.Equal("Posts", drop.Table);
        Assert.Null(drop.Schema);
        Assert.Equal(ArgumentValueKind.Unknown, drop["schema"].Kind);
        Assert.True(drop.HasUnknownArguments);
    }

    [Fact]
    public void SqlFromEveryStringForm_TextOrTemplate()
    {
        var model = Single(""""
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240101000000_Sqls")]
            public class Sqls : Migration
            {
                private const string Table = "Posts";
                private readonly string _schema = System.Environment.UserName;

                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.Sql("UPDATE \"Posts\" SET \"A\" = 1");
                    migrationBuilder.Sql(@"UPDATE ""Posts""
            SET ""A"" = 1");
                    migrationBuilder.Sql("""
                        UPDATE "Posts" SET "A" = 1
                        """);
                    migrationBuilder.Sql($"UPDATE \"{Table}\" SET \"A\" = 1");
                    migrationBuilder.Sql($"""DROP TABLE "{_schema}"."{Table}" """);
                    migrationBuilder.Sql("DELETE FROM " + _schema + ".x");
                    migrationBuilder.Sql(Load("script.sql"), suppressTransaction: true);
                }

                private static string Load(string name) => System.IO.File.ReadAllText(name);
            }
            """");

        var up = model.Up.Operations;
        Assert.All(up, o => Assert.Equal(MigrationOperationKind.Sql, o.Kind));
        Assert.Equal("UPDATE \"Posts\" SET \"A\" = 1", up[0].SqlText);
        Assert.Equal("UPDATE \"Posts\"\nSET \"A\" = 1", up[1].SqlText!.Replace("\r\n", "\n"));
        Assert.Equal("UPDATE \"Posts\" SET \"A\" = 1", up[2].SqlText);
        Assert.Equal("UPDATE \"Posts\" SET \"A\" = 1", up[3].SqlText);

        Assert.Null(up[4].SqlText);
        Assert.Equal("DROP TABLE \"{0}\".\"Posts\" ", up[4].SqlTemplate);
        Assert.Null(up[5].SqlText);
        Assert.Equal("DELETE FROM {0}.x", up[5].SqlTemplate);

        Assert.Null(up[6].SqlText);
        Assert.Null(up[6].SqlTemplate);
        Assert.True(up[6]["suppressTransaction"].AsBool());
    }

    [Fact]
    public void AlterColumnOfNullableBool_NewAndOldSides()
    {
        var up = Up("""
            migrationBuilder.AlterColumn<bool?>(
                name: "IsPublished",
                table: "Posts",
                type: "boolean",
                nullable: true,
                oldClrType: typeof(bool),
                oldType: "boolean",
                oldDefaultValue: false);
            """);

        var alter = Assert.Single(up);
        Assert.Equal("bool?", alter.ClrType!.ToDisplayString());
        Assert.Equal("bool?", alter.Column!.ClrType!.ToDisplayString());
        Assert.True(alter.Column.IsNullable);
        Assert.True(alter.Column.DefaultValue.IsNull);
        Assert.Equal("bool", alter.OldColumn!.ClrType!.ToDisplayString());
        Assert.False(alter.OldColumn.IsNullable);
        Assert.Equal(false, alter.OldColumn.DefaultValue.Constant);
        Assert.Equal("IsPublished", alter.OldColumn.Name);
        Assert.False(alter.HasUnknownArguments);
    }

    [Fact]
    public void OperationsListAndBuilderHandedElsewhere_Unknown()
    {
        var model = Single("""
            using Microsoft.EntityFrameworkCore.Migrations;
            using Microsoft.EntityFrameworkCore.Migrations.Operations;

            [Migration("20240101000000_Raw")]
            public class Raw : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.Operations.Add(new SqlOperation { Sql = "SELECT 1" });
                    External.Apply(migrationBuilder);
                    var provider = migrationBuilder.ActiveProvider;
                }
            }
            """, extraReferences: true);

        var up = model.Up.Operations;
        Assert.Equal(2, up.Length);
        Assert.All(up, o => Assert.Equal(MigrationOperationKind.Unknown, o.Kind));
        Assert.All(up, o => Assert.True(o.HasUnknownArguments));
        Assert.True(model.Up.HasUnknown);
        Assert.False(model.Up.IsEmpty);
    }

    [Fact]
    public void MigrationWithoutAttribute_HasNoIdAndIsNotOrdered()
    {
        var catalog = Catalog("""
            using Microsoft.EntityFrameworkCore.Migrations;

            public class NoId : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.DropTable("Posts");
            }

            [Migration("20240101000000_WithId")]
            public class WithId : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder) =>
                    migrationBuilder.CreateTable(name: "Posts", columns: t => new { Id = t.Column<int>() });
            }

            public abstract class MigrationBase : Migration
            {
            }
            """);

        Assert.Equal(new[] { "NoId", "WithId" }, catalog.Migrations.Select(m => m.Name).OrderBy(n => n));
        var noId = catalog.Migrations.Single(m => m.Name == "NoId");
        Assert.Null(noId.Id);
        Assert.False(noId.Down.IsDeclared);
        Assert.Equal(new[] { "WithId" }, catalog.History.Ordered.Select(m => m.Name));

        // EF never runs a migration without an id: it sees the schema after all the others.
        Assert.NotNull(catalog.History.StateBefore(noId).Find(null, "Posts"));
    }

    [Fact]
    public void SchemaHistory_FoldsByIdAndFollowsRenames()
    {
        var catalog = Catalog("""
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240301000000_Third")]
            public class Third : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder) =>
                    migrationBuilder.DropColumn(name: "Title", table: "Articles", schema: "blog");
            }

            [Migration("20240101000000_First")]
            public class First : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.CreateTable(
                        name: "Posts",
                        columns: table => new
                        {
                            Id = table.Column<int>(nullable: false),
                            Name = table.Column<string>(nullable: true)
                        },
                        constraints: table => table.PrimaryKey("PK_Posts", x => x.Id));
                    migrationBuilder.CreateIndex(name: "IX_Posts_Name", table: "Posts", column: "Name", unique: true);
                    migrationBuilder.CreateTable(name: "Temp", columns: table => new { Id = table.Column<int>() });
                }
            }

            [Migration("20240201000000_Second")]
            public class Second : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.RenameTable(name: "Posts", newName: "Articles", newSchema: "blog");
                    migrationBuilder.RenameColumn(name: "Name", table: "Articles", schema: "blog", newName: "Title");
                    migrationBuilder.DropTable(name: "Temp");
                    migrationBuilder.AddColumn<int>(name: "Rank", table: "Articles", schema: "blog", nullable: true);
                }
            }
            """);

        var history = catalog.History;
        Assert.Equal(new[] { "First", "Second", "Third" }, history.Ordered.Select(m => m.Name));
        var first = history.Ordered[0];
        var second = history.Ordered[1];
        var third = history.Ordered[2];

        Assert.Empty(history.StateBefore(first).Tables);
        var beforeSecond = history.StateBefore(second);
        Assert.NotNull(beforeSecond.Find(null, "Posts"));
        Assert.NotNull(beforeSecond.Find(null, "Temp"));
        Assert.Same(first, history.Previous(second));

        var beforeThird = history.StateBefore(third);
        Assert.Null(beforeThird.Find(null, "Posts"));
        Assert.Null(beforeThird.Find(null, "Temp"));
        var articles = beforeThird.Find("blog", "Articles");
        Assert.NotNull(articles);
        Assert.Same(first, articles!.CreatedBy);
        Assert.Equal(new[] { "Id", "Rank", "Title" }, articles.Columns.Keys.OrderBy(c => c));
        Assert.Equal(new[] { "Title" }, articles.Keys["IX_Posts_Name"].Columns);
        Assert.True(articles.Keys["IX_Posts_Name"].IsUnique);
        Assert.Equal(new[] { "Id" }, articles.Keys["PK_Posts"].Columns);

        Assert.DoesNotContain("Title", history.Final.Find("blog", "Articles")!.Columns.Keys);
        Assert.DoesNotContain("IX_Posts_Name", history.Final.Find("blog", "Articles")!.Keys.Keys);
    }

    [Fact]
    public void SchemaHistory_OperationWithKnownNamesButUnknownDefinition_StillFolded()
    {
        var catalog = Catalog("""
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240101000000_First")]
            public class First : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.CreateTable(name: "Posts", columns: table => new { Id = table.Column<int>() });
                    migrationBuilder.AddColumn<string>(
                        name: "Data",
                        table: "Posts",
                        type: ActiveProvider == "Npgsql.EntityFrameworkCore.PostgreSQL" ? "jsonb" : "nvarchar(max)",
                        nullable: true);
                    migrationBuilder.CreateIndex(name: "IX_Posts_Data", table: "Posts", column: "Data", filter: System.Environment.UserName);
                    migrationBuilder.AddColumn<string>(name: "Other", table: ActiveProvider == "x" ? "Posts" : "Blogs", nullable: true);
                }
            }

            [Migration("20240201000000_Second")]
            public class Second : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.DropColumn(name: "Data", table: "Posts");
            }
            """);

        var posts = catalog.History.StateBefore(catalog.History.Ordered[1]).Find(null, "Posts")!;
        Assert.Null(posts.Columns["Data"].StoreType);
        Assert.Equal(new[] { "Data" }, posts.Keys["IX_Posts_Data"].Columns);

        // An unknown table name changes nothing.
        Assert.Equal(new[] { "Data", "Id" }, posts.Columns.Keys.OrderBy(c => c));
    }

    private static ImmutableArray<MigrationOperation> Up(string body, EfVersion version = EfVersion.Ef10) => Single($$"""
        using Microsoft.EntityFrameworkCore.Migrations;

        [Migration("20240101000000_Test")]
        public class Test : Migration
        {
            protected override void Up(MigrationBuilder migrationBuilder)
            {
                {{body}}
            }
        }
        """, version).Up.Operations;

    private static MigrationModel Single(string source, EfVersion version = EfVersion.Ef10, DbProvider providers = DbProvider.None, bool extraReferences = false) =>
        Assert.Single(Catalog(source, version, providers, extraReferences).Migrations);

    private static MigrationCatalog Catalog(string source, EfVersion version = EfVersion.Ef10, DbProvider providers = DbProvider.None, bool extraReferences = false)
    {
        var trees = new[] { CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest), path: "/0/Migrations.cs") }.ToList();
        if (extraReferences)
        {
            // A builder consumer the model has no source for.
            trees.Add(CSharpSyntaxTree.ParseText("""
                public static class External
                {
                    public static void Apply(object builder) { }
                }
                """, new CSharpParseOptions(LanguageVersion.Latest), path: "/0/External.cs"));
        }

        var compilation = CSharpCompilation.Create(
            "ModelTests",
            trees,
            EfReferences.For(version, providers),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        Assert.Null(ModelPaths.FirstDifference(compilation));
        return MigrationCatalog.For(compilation)!;
    }
}
