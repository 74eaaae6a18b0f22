using System.Linq;
using MigrationAnalyzers.Configuration;
using MigrationAnalyzers.Sql;
using K = MigrationAnalyzers.Model.MigrationOperationKind;

namespace MigrationAnalyzers.Tests.Sql;

public class SqlOperationReaderTests
{
    private static SqlStatementOperations ReadOne(string sql, DatabaseProvider provider = DatabaseProvider.Unknown) =>
        Assert.Single(SqlOperationReader.Read(SqlScript.Parse(sql), provider));

    private static DatabaseProvider Provider(string name) => (DatabaseProvider)System.Enum.Parse(typeof(DatabaseProvider), name);

    private static SqlOperation Single(string sql, DatabaseProvider provider = DatabaseProvider.Unknown)
    {
        var read = ReadOne(sql, provider);
        Assert.True(read.IsFullyRead, sql);
        return Assert.Single(read.Operations);
    }

    [Theory]
    [InlineData("ALTER TABLE \"Blogs\" DROP COLUMN \"Rating\"", "DropColumn", "Blogs", "Rating")]
    [InlineData("ALTER TABLE [dbo].[Blogs] DROP COLUMN IF EXISTS [Rating]", "DropColumn", "Blogs", "Rating")]
    [InlineData("alter table `Blogs` drop column `Rating`", "DropColumn", "Blogs", "Rating")]
    [InlineData("ALTER TABLE Blogs ADD Rating int NULL", "AddColumn", "Blogs", "Rating")]
    [InlineData("ALTER TABLE \"Blogs\" ADD COLUMN IF NOT EXISTS \"Rating\" integer NOT NULL DEFAULT 0", "AddColumn", "Blogs", "Rating")]
    [InlineData("ALTER TABLE \"Blogs\" ALTER COLUMN \"Url\" TYPE character varying(500)", "AlterColumn", "Blogs", "Url")]
    [InlineData("ALTER TABLE [Blogs] ALTER COLUMN [Url] nvarchar(500) NOT NULL", "AlterColumn", "Blogs", "Url")]
    [InlineData("ALTER TABLE `Blogs` MODIFY COLUMN `Url` varchar(500) NULL", "AlterColumn", "Blogs", "Url")]
    [InlineData("ALTER TABLE \"Blogs\" DROP CONSTRAINT \"FK_Blogs_Users_OwnerId\"", "DropForeignKey", "Blogs", "FK_Blogs_Users_OwnerId")]
    [InlineData("DROP INDEX [IX_Blogs_Url] ON [dbo].[Blogs]", "DropIndex", "Blogs", "IX_Blogs_Url")]
    [InlineData("ALTER TABLE[HumanResources].[Employee] DROP CONSTRAINT[CK_Employee_Gender]", "DropForeignKey", "Employee", "CK_Employee_Gender")]
    [InlineData("CREATE UNIQUE INDEX \"IX_Blogs_Url\" ON \"Blogs\" (\"Url\")", "CreateIndex", "Blogs", "IX_Blogs_Url")]
    [InlineData("ALTER TABLE \"Blogs\" ADD CONSTRAINT \"PK_Blogs\" PRIMARY KEY (\"Id\")", "AddPrimaryKey", "Blogs", "PK_Blogs")]
    [InlineData("ALTER TABLE Posts ADD CONSTRAINT FK_Posts_Blogs FOREIGN KEY (BlogId) REFERENCES Blogs (Id) ON DELETE CASCADE", "AddForeignKey", "Posts", "FK_Posts_Blogs")]
    [InlineData("ALTER TABLE [Posts] WITH CHECK ADD CONSTRAINT [CK_Posts_Rating] CHECK ([Rating] > 0)", "AddCheckConstraint", "Posts", "CK_Posts_Rating")]
    [InlineData("ALTER TABLE \"Posts\" ADD CONSTRAINT \"AK_Posts_Slug\" UNIQUE (\"Slug\")", "AddUniqueConstraint", "Posts", "AK_Posts_Slug")]
    [InlineData("ALTER TABLE \"Posts\" RENAME COLUMN \"Title\" TO \"Heading\"", "RenameColumn", "Posts", "Title")]
    [InlineData("DROP TABLE IF EXISTS \"Logs\" CASCADE", "DropTable", "Logs", null)]
    [InlineData("CREATE TABLE \"Tags\" (\"Id\" integer PRIMARY KEY, \"Name\" text NOT NULL)", "CreateTable", "Tags", null)]
    [InlineData("INSERT INTO \"Tags\" (\"Name\") VALUES ('ef')", "InsertData", "Tags", null)]
    [InlineData("UPDATE \"Blogs\" SET \"Rating\" = 0 WHERE \"Rating\" IS NULL", "UpdateData", "Blogs", null)]
    [InlineData("DELETE FROM \"__EFMigrationsHistory\" WHERE \"MigrationId\" = 'x'", "DeleteData", "__EFMigrationsHistory", null)]
    [InlineData("TRUNCATE TABLE Logs", "DeleteData", "Logs", null)]
    public void CommonStatements_ReadAsTheirOperation(string sql, string kind, string table, string? name)
    {
        var operation = Single(sql);
        Assert.Equal(kind, operation.Kind.ToString());
        Assert.Equal(table, operation.TableName);
        Assert.Equal(name, operation.Name);
    }

    [Fact]
    public void Index_ColumnsUniquenessAndFilter()
    {
        var index = Single("CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS \"IX_Posts_BlogId_Slug\" ON ONLY public.\"Posts\" USING btree (\"BlogId\", \"Slug\" DESC) WHERE \"Deleted\" = false");
        Assert.Equal(new[] { "BlogId", "Slug" }, index.Columns.ToArray());
        Assert.True(index.IsUnique);
        Assert.True(index.IsConcurrent);
        Assert.True(index.HasFilter);
        Assert.True(index.IsConditional);
        Assert.Equal("public", index.Schema);

        var expression = Single("CREATE INDEX ix_lower_email ON users (lower(email))");
        Assert.True(expression.Columns.IsDefault);
        Assert.False(expression.IsUnique);
    }

    [Fact]
    public void ColumnDefinition_TypeNullabilityDefaultIdentity()
    {
        var added = Single("ALTER TABLE \"Blogs\" ADD \"Rating\" numeric(18, 2) NOT NULL DEFAULT 0.0").Column!;
        Assert.Equal("numeric(18,2)", added.StoreType);
        Assert.False(added.IsNullable);
        Assert.True(added.HasDefault);

        var varying = Single("ALTER TABLE t ADD COLUMN c character varying(200) COLLATE \"C\"").Column!;
        Assert.Equal("character varying(200)", varying.StoreType);
        Assert.Null(varying.IsNullable);

        var identity = Single("ALTER TABLE [Blogs] ADD [Id2] bigint IDENTITY(1,1) NOT NULL").Column!;
        Assert.True(identity.IsIdentity);
        Assert.Equal("bigint", identity.StoreType);

        var setNotNull = Single("ALTER TABLE \"Blogs\" ALTER COLUMN \"Url\" SET NOT NULL");
        Assert.Equal(K.AlterColumn, setNotNull.Kind);
        Assert.False(setNotNull.Column!.IsNullable);
        Assert.Null(setNotNull.Column.StoreType);

        var typed = Single("ALTER TABLE \"Blogs\" ALTER COLUMN \"Rating\" TYPE bigint USING \"Rating\"::bigint").Column!;
        Assert.Equal("bigint", typed.StoreType);
    }

    [Fact]
    public void SeveralActions_EachAnOperation()
    {
        var read = ReadOne("ALTER TABLE [Blogs] ADD [A] int NULL, [B] nvarchar(max) NOT NULL, CONSTRAINT [UQ_A] UNIQUE ([A])", DatabaseProvider.SqlServer);
        Assert.True(read.IsFullyRead);
        Assert.Equal(new[] { "AddColumn A", "AddColumn B", "AddUniqueConstraint UQ_A" }, read.Operations.Select(o => o.Kind + " " + o.Name).ToArray());

        var drops = ReadOne("ALTER TABLE [Blogs] DROP COLUMN [A], [B]", DatabaseProvider.SqlServer);
        Assert.Equal(new[] { "A", "B" }, drops.Operations.Select(o => o.Name).ToArray());
    }

    [Theory]
    [InlineData("PostgreSql", "DropColumn")]
    [InlineData("Sqlite", "DropColumn")]
    [InlineData("SqlServer", "DropForeignKey DropPrimaryKey DropUniqueConstraint DropCheckConstraint")]
    [InlineData("Unknown", "DropColumn DropForeignKey DropPrimaryKey DropUniqueConstraint DropCheckConstraint")]
    public void BareDrop_DependsOnTheProvider(string provider, string kinds) =>
        Assert.Equal(kinds, string.Join(" ", Single("ALTER TABLE Blogs DROP Legacy", Provider(provider)).Kinds));

    [Theory]
    [InlineData("SqlServer", "Blogs", null)]
    [InlineData("PostgreSql", null, "blogging")]
    public void DropIndexWithTwoParts_TableOnSqlServerSchemaElsewhere(string providerName, string? table, string? schema)
    {
        var provider = Provider(providerName);
        var drop = Single(provider == DatabaseProvider.SqlServer ? "DROP INDEX Blogs.IX_Blogs_Url" : "DROP INDEX IF EXISTS blogging.\"IX_Blogs_Url\"", provider);
        Assert.Equal("IX_Blogs_Url", drop.Name);
        Assert.Equal(table, drop.TableName);
        Assert.Equal(schema, drop.Schema);
    }

    [Theory]
    [InlineData("ALTER TABLE \"Blogs\" RENAME TO \"Weblogs\"", "Blogs", "Weblogs")]
    [InlineData("ALTER TABLE `Blogs` RENAME `Weblogs`", "Blogs", "Weblogs")]
    [InlineData("RENAME TABLE `Blogs` TO `Weblogs`", "Blogs", "Weblogs")]
    [InlineData("EXEC sp_rename N'[dbo].[Blogs]', N'Weblogs'", "Blogs", "Weblogs")]
    public void TableRenames(string sql, string from, string to)
    {
        var rename = Single(sql);
        Assert.Equal(K.RenameTable, rename.Kind);
        Assert.Equal(from, rename.TableName);
        Assert.Equal(to, rename.NewName);
    }

    [Fact]
    public void SpRename_ColumnAndIndex()
    {
        var column = Single("EXEC sp_rename 'dbo.Posts.Title', 'Heading', 'COLUMN'");
        Assert.Equal((K.RenameColumn, "Posts", "dbo", "Title", "Heading"), (column.Kind, column.TableName, column.Schema, column.Name, column.NewName));
        var index = Single("EXECUTE sp_rename N'Posts.IX_Old', N'IX_New', N'INDEX'");
        Assert.Equal((K.RenameIndex, "Posts", "IX_Old", "IX_New"), (index.Kind, index.TableName, index.Name, index.NewName));
    }

    [Fact]
    public void SqliteRebuild_ReadsEveryStep()
    {
        var script = SqlScript.Parse("""
            PRAGMA foreign_keys = 0;
            CREATE TABLE "ef_temp_Posts" ("Id" INTEGER NOT NULL CONSTRAINT "PK_Posts" PRIMARY KEY AUTOINCREMENT, "Title" TEXT NULL);
            INSERT INTO "ef_temp_Posts" ("Id", "Title") SELECT "Id", "Title" FROM "Posts";
            DROP TABLE "Posts";
            ALTER TABLE "ef_temp_Posts" RENAME TO "Posts";
            PRAGMA foreign_keys = 1;
            """);
        var operations = SqlOperationReader.Read(script, DatabaseProvider.Sqlite).SelectMany(r => r.Operations).Select(o => $"{o.Kind} {o.TableName}").ToArray();
        Assert.Equal(new[] { "CreateTable ef_temp_Posts", "InsertData ef_temp_Posts", "DropTable Posts", "RenameTable ef_temp_Posts" }, operations);
        var created = SqlOperationReader.Read(script, DatabaseProvider.Sqlite)[1].Operations[0];
        Assert.Equal(new[] { "Id", "Title" }, created.Columns.ToArray());
    }

    [Theory]
    [InlineData("ALTER TABLE \"Blogs\" ENABLE ROW LEVEL SECURITY", true)]
    [InlineData("ALTER TABLE \"Blogs\" NOCHECK CONSTRAINT ALL", true)]
    [InlineData("ALTER TABLE \"Blogs\" RENAME CONSTRAINT \"a\" TO \"b\"", false)]
    [InlineData("ALTER TABLE \"Blogs\" SET UNLOGGED", false)]
    [InlineData("ALTER TABLE \"Blogs\" ADD PERIOD FOR SYSTEM_TIME (a, b)", false)]
    public void UnreadActions_LeaveTheTableUnknown(string sql, bool neutral)
    {
        var read = ReadOne(sql);
        Assert.Empty(read.Operations);
        Assert.Equal(neutral, read.IsFullyRead);
        if (!neutral)
        {
            Assert.Equal("Blogs", Assert.Single(read.Unread).Name);
        }
    }

    [Theory]
    [InlineData("EXEC dbo.MigrateRatings")]
    [InlineData("CALL migrate_ratings()")]
    [InlineData("EXEC('ALTER TABLE ' + @table + ' DROP COLUMN x')")]
    [InlineData("ALTER TABLE {0} DROP COLUMN \"Rating\"")]
    [InlineData("ALTER TABLE \"{0}\" DROP COLUMN \"Rating\"")]
    public void ProceduresDynamicSqlAndHoles_AreOpaque(string sql) =>
        Assert.True(ReadOne(sql).IsOpaque);

    [Fact]
    public void ConstantDynamicSql_IsReadAsAScript()
    {
        var read = ReadOne("EXEC sp_executesql N'ALTER TABLE [Blogs] DROP COLUMN [Rating]'", DatabaseProvider.SqlServer);
        Assert.True(read.IsFullyRead);
        Assert.Equal(K.DropColumn, Assert.Single(read.Operations).Kind);

        var schemaHole = Single("ALTER TABLE {0}.\"Blogs\" DROP COLUMN \"Rating\"");
        Assert.Equal("Blogs", schemaHole.TableName);
        Assert.Null(schemaHole.Schema);
    }

    [Theory]
    [InlineData("SELECT 1")]
    [InlineData("SET NOCOUNT ON")]
    [InlineData("CREATE VIEW v AS SELECT 1")]
    [InlineData("CREATE FUNCTION f() RETURNS trigger AS $$ BEGIN DROP TABLE x; END $$ LANGUAGE plpgsql")]
    [InlineData("INSERT INTO #ids SELECT Id FROM Blogs")]
    public void NoSchemaOperation(string sql)
    {
        var read = SqlOperationReader.Read(SqlScript.Parse(sql), DatabaseProvider.Unknown);
        Assert.All(read, r => Assert.True(r.IsFullyRead));
        Assert.Empty(read.SelectMany(r => r.Operations));
    }

    [Fact]
    public void TSqlConditionalDrop_IsReadAfterItsCondition()
    {
        var read = SqlOperationReader.Read(
            SqlScript.Parse("IF EXISTS (SELECT 1 FROM sys.indexes WHERE name = 'IX_Blogs_Url') DROP INDEX [IX_Blogs_Url] ON [Blogs]"),
            DatabaseProvider.SqlServer);
        var drop = Assert.Single(read.SelectMany(r => r.Operations));
        Assert.Equal((K.DropIndex, "Blogs", "IX_Blogs_Url"), (drop.Kind, drop.TableName, drop.Name));
    }

    [Fact]
    public void MySqlChange_IsRenameAndRedefinition()
    {
        var read = ReadOne("ALTER TABLE `Posts` CHANGE COLUMN `Title` `Heading` varchar(200) NOT NULL", DatabaseProvider.MySql);
        Assert.Equal(new[] { K.RenameColumn, K.AlterColumn }, read.Operations.Select(o => o.Kind).ToArray());
        Assert.Equal("varchar(200)", read.Operations[1].Column!.StoreType);
    }

    /// <summary>The type each dialect's column type change gives (MIG005/MIG064 read it); PostgreSQL's WITH TIME ZONE is the type's.</summary>
    [Theory]
    [InlineData("ALTER TABLE \"Events\" ALTER COLUMN \"At\" TYPE timestamp with time zone", "PostgreSql", "timestamp with time zone")]
    [InlineData("ALTER TABLE \"Events\" ALTER \"At\" SET DATA TYPE time WITH TIME ZONE USING \"At\"::timetz", "PostgreSql", "time WITH TIME ZONE")]
    [InlineData("ALTER TABLE events ALTER COLUMN at TYPE timestamp(3) without time zone", "PostgreSql", "timestamp(3) without time zone")]
    [InlineData("ALTER TABLE \"Events\" ALTER COLUMN \"Name\" TYPE character varying(50) COLLATE \"C\"", "PostgreSql", "character varying(50)")]
    [InlineData("ALTER TABLE [Events] ALTER COLUMN [Name] nvarchar(50) COLLATE Latin1_General_CI_AS NOT NULL", "SqlServer", "nvarchar(50)")]
    [InlineData("ALTER TABLE `Events` MODIFY `Name` varchar(50) CHARACTER SET utf8mb4 NOT NULL DEFAULT ''", "MySql", "varchar(50)")]
    [InlineData("ALTER TABLE `Events` CHANGE `Name` `Name` varchar(50) NOT NULL", "MySql", "varchar(50)")]
    public void ColumnTypeChange_ReadsTheNewStoreType(string sql, string provider, string storeType)
    {
        var alter = Single(sql, Provider(provider));
        Assert.Equal(K.AlterColumn, alter.Kind);
        Assert.Equal(storeType, alter.Column!.StoreType);
    }

    [Fact]
    public void AddColumnWithTimeZone_KeepsTheTypeAndReadsTheConstraints()
    {
        var added = Single("ALTER TABLE \"Events\" ADD COLUMN \"At\" timestamp with time zone NOT NULL DEFAULT now()", DatabaseProvider.PostgreSql).Column!;
        Assert.Equal("timestamp with time zone", added.StoreType);
        Assert.False(added.IsNullable);
        Assert.True(added.HasDefault);
    }
}
