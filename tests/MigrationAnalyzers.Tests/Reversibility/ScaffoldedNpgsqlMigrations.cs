namespace MigrationAnalyzers.Tests.Reversibility;

/// <summary>Migrations as the Npgsql provider scaffolds them (identity annotations, extensions, schemas, sequences).</summary>
public static class ScaffoldedNpgsqlMigrations
{
    public const string History = """
        using System;
        using Microsoft.EntityFrameworkCore.Migrations;
        using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

        #nullable disable

        namespace App.Migrations
        {
            /// <inheritdoc />
            [Migration("20240101000000_Initial")]
            public partial class Initial : Migration
            {
                /// <inheritdoc />
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.EnsureSchema(
                        name: "blog");

                    migrationBuilder.AlterDatabase()
                        .Annotation("Npgsql:PostgresExtension:citext", ",,");

                    migrationBuilder.CreateSequence(
                        name: "order_numbers",
                        schema: "blog",
                        startValue: 100L,
                        incrementBy: 5);

                    migrationBuilder.CreateTable(
                        name: "authors",
                        schema: "blog",
                        columns: table => new
                        {
                            id = table.Column<int>(type: "integer", nullable: false)
                                .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                            email = table.Column<string>(type: "citext", nullable: false),
                            created = table.Column<DateTime>(type: "timestamp with time zone", nullable: false, defaultValueSql: "now()")
                        },
                        constraints: table =>
                        {
                            table.PrimaryKey("pk_authors", x => x.id);
                            table.UniqueConstraint("ak_authors_email", x => x.email);
                        });

                    migrationBuilder.CreateTable(
                        name: "posts",
                        schema: "blog",
                        columns: table => new
                        {
                            id = table.Column<long>(type: "bigint", nullable: false)
                                .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                            author_email = table.Column<string>(type: "citext", nullable: false),
                            title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                        },
                        constraints: table =>
                        {
                            table.PrimaryKey("pk_posts", x => x.id);
                            table.CheckConstraint("ck_posts_title", "length(title) > 0");
                            table.ForeignKey(
                                name: "fk_posts_authors_author_email",
                                column: x => x.author_email,
                                principalSchema: "blog",
                                principalTable: "authors",
                                principalColumn: "email",
                                onDelete: ReferentialAction.Cascade);
                        });

                    migrationBuilder.CreateIndex(
                        name: "ix_posts_author_email",
                        schema: "blog",
                        table: "posts",
                        column: "author_email");
                }

                /// <inheritdoc />
                protected override void Down(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.DropTable(
                        name: "posts",
                        schema: "blog");

                    migrationBuilder.DropTable(
                        name: "authors",
                        schema: "blog");

                    migrationBuilder.DropSequence(
                        name: "order_numbers",
                        schema: "blog");
                }
            }

            /// <inheritdoc />
            [Migration("20240102000000_Tune")]
            public partial class Tune : Migration
            {
                /// <inheritdoc />
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.AlterDatabase()
                        .Annotation("Npgsql:PostgresExtension:citext", ",,")
                        .Annotation("Npgsql:PostgresExtension:hstore", ",,")
                        .OldAnnotation("Npgsql:PostgresExtension:citext", ",,");

                    migrationBuilder.AlterSequence(
                        name: "order_numbers",
                        schema: "blog",
                        incrementBy: 10,
                        oldIncrementBy: 5);

                    migrationBuilder.DropCheckConstraint(
                        name: "ck_posts_title",
                        schema: "blog",
                        table: "posts");

                    migrationBuilder.AlterColumn<string>(
                        name: "title",
                        schema: "blog",
                        table: "posts",
                        type: "character varying(300)",
                        maxLength: 300,
                        nullable: false,
                        oldClrType: typeof(string),
                        oldType: "character varying(200)",
                        oldMaxLength: 200);

                    migrationBuilder.AddColumn<string>(
                        name: "slug",
                        schema: "blog",
                        table: "posts",
                        type: "text",
                        nullable: false,
                        defaultValue: "");

                    migrationBuilder.CreateIndex(
                        name: "ix_posts_slug",
                        schema: "blog",
                        table: "posts",
                        column: "slug",
                        unique: true);

                    migrationBuilder.AddCheckConstraint(
                        name: "ck_posts_title_length",
                        schema: "blog",
                        table: "posts",
                        sql: "length(title) BETWEEN 1 AND 300");

                    migrationBuilder.RenameTable(
                        name: "authors",
                        schema: "blog",
                        newName: "writers",
                        newSchema: "public");
                }

                /// <inheritdoc />
                protected override void Down(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.DropIndex(
                        name: "ix_posts_slug",
                        schema: "blog",
                        table: "posts");

                    migrationBuilder.DropCheckConstraint(
                        name: "ck_posts_title_length",
                        schema: "blog",
                        table: "posts");

                    migrationBuilder.DropColumn(
                        name: "slug",
                        schema: "blog",
                        table: "posts");

                    migrationBuilder.EnsureSchema(
                        name: "blog");

                    migrationBuilder.RenameTable(
                        name: "writers",
                        schema: "public",
                        newName: "authors",
                        newSchema: "blog");

                    migrationBuilder.AlterDatabase()
                        .Annotation("Npgsql:PostgresExtension:citext", ",,")
                        .OldAnnotation("Npgsql:PostgresExtension:citext", ",,")
                        .OldAnnotation("Npgsql:PostgresExtension:hstore", ",,");

                    migrationBuilder.AlterSequence(
                        name: "order_numbers",
                        schema: "blog",
                        incrementBy: 5,
                        oldIncrementBy: 10);

                    migrationBuilder.AlterColumn<string>(
                        name: "title",
                        schema: "blog",
                        table: "posts",
                        type: "character varying(200)",
                        maxLength: 200,
                        nullable: false,
                        oldClrType: typeof(string),
                        oldType: "character varying(300)",
                        oldMaxLength: 300);

                    migrationBuilder.AddCheckConstraint(
                        name: "ck_posts_title",
                        schema: "blog",
                        table: "posts",
                        sql: "length(title) > 0");
                }
            }
            /// <inheritdoc />
            [Migration("20240103000000_MoveSchemas")]
            public partial class MoveSchemas : Migration
            {
                /// <inheritdoc />
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.EnsureSchema(
                        name: "archive");

                    migrationBuilder.RenameTable(
                        name: "posts",
                        schema: "blog",
                        newName: "posts",
                        newSchema: "archive");

                    migrationBuilder.RenameTable(
                        name: "writers",
                        schema: "public",
                        newName: "writers");
                }

                /// <inheritdoc />
                protected override void Down(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.RenameTable(
                        name: "posts",
                        schema: "archive",
                        newName: "posts",
                        newSchema: "blog");

                    migrationBuilder.RenameTable(
                        name: "writers",
                        newName: "writers",
                        newSchema: "public");
                }
            }
        }
        """;
}
