using System.Linq;
using System.Threading.Tasks;
using Microsoft.EntityFrameworkCore;
using MigrationAnalyzers.Verification.Data;
using MigrationAnalyzers.Verification.Schema;
using MigrationAnalyzers.Verification.Tests.Infrastructure;
using Xunit;

namespace MigrationAnalyzers.Verification.Tests;

/// <summary>
/// Sample rows reach every table: a many-to-many join table (its key is its two foreign keys) gets
/// new pairs each time rows are written, and tables that reference each other get rows with the
/// references filled in, so dropping any of them would be reported as data loss.
/// </summary>
public sealed class SampleDataReferencesTests
{
    private const string Tables = """
        CREATE TABLE "Posts" ("Id" INTEGER NOT NULL CONSTRAINT "PK_Posts" PRIMARY KEY AUTOINCREMENT, "Title" TEXT NOT NULL);
        CREATE TABLE "Tags" ("Id" INTEGER NOT NULL CONSTRAINT "PK_Tags" PRIMARY KEY AUTOINCREMENT, "Name" TEXT NOT NULL);
        CREATE TABLE "PostTag" (
            "PostsId" INTEGER NOT NULL, "TagsId" INTEGER NOT NULL,
            CONSTRAINT "PK_PostTag" PRIMARY KEY ("PostsId", "TagsId"),
            CONSTRAINT "FK_PostTag_Posts_PostsId" FOREIGN KEY ("PostsId") REFERENCES "Posts" ("Id") ON DELETE CASCADE,
            CONSTRAINT "FK_PostTag_Tags_TagsId" FOREIGN KEY ("TagsId") REFERENCES "Tags" ("Id") ON DELETE CASCADE);
        CREATE TABLE "Authors" ("Id" INTEGER NOT NULL CONSTRAINT "PK_Authors" PRIMARY KEY AUTOINCREMENT, "Name" TEXT NOT NULL,
            "FavoriteBookId" INTEGER NULL CONSTRAINT "FK_Authors_Books_FavoriteBookId" REFERENCES "Books" ("Id"));
        CREATE TABLE "Books" ("Id" INTEGER NOT NULL CONSTRAINT "PK_Books" PRIMARY KEY AUTOINCREMENT, "Title" TEXT NOT NULL,
            "AuthorId" INTEGER NOT NULL CONSTRAINT "FK_Books_Authors_AuthorId" REFERENCES "Authors" ("Id"),
            "MentorId" INTEGER NULL CONSTRAINT "FK_Books_Books_MentorId" REFERENCES "Books" ("Id"));
        """;

    [DatabaseFact]
    public async Task Sqlite_JoinTableAndMutualReferences_GetRowsEveryTime()
    {
        await using var database = new SqliteScratchDatabase();
        var builder = new DbContextOptionsBuilder<DbContext>();
        database.Configure(builder);
        await using var context = new DbContext(builder.Options);
        await context.Database.OpenConnectionAsync();
        foreach (var statement in Tables.Split(';').Where(s => s.Trim().Length > 0))
        {
            await context.Database.ExecuteSqlRawAsync(statement);
        }

        var connection = context.Database.GetDbConnection();
        var sql = SqlText.For(context);
        var schema = DesignTimeSchemaReader.For(context).Read(connection);
        var writer = new SampleDataWriter(rowsPerTable: 3);

        // Rows stay between migrations: each write must add new pairs, not repeat the first ones.
        for (var write = 1; write <= 4; write++)
        {
            var notes = await writer.WriteAsync(connection, sql, schema, default);
            Assert.Empty(notes);
            var data = await TableData.ReadAllAsync(connection, sql, schema, default);
            Assert.All(new[] { "Posts", "Tags", "PostTag", "Authors", "Books" }, t => Assert.Equal(3 * write, data[t].Rows.Count));
            // Authors were written first with FavoriteBookId NULL (no books yet), then pointed at books.
            Assert.All(data["Authors"].Rows, r => Assert.NotNull(r["FavoriteBookId"]));
            Assert.All(data["Books"].Rows, r => Assert.NotNull(r["MentorId"]));
        }

        await context.Database.CloseConnectionAsync();
    }
}
