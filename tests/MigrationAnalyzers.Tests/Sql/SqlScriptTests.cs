using System.Linq;
using MigrationAnalyzers.Sql;

namespace MigrationAnalyzers.Tests.Sql;

public class SqlScriptTests
{
    private static SqlStatement Single(string sql) => Assert.Single(SqlScript.Parse(sql).Statements);

    [Fact]
    public void SemicolonsOutsideStringsAndComments_SplitStatements()
    {
        var script = SqlScript.Parse("""
            UPDATE "Posts" SET "Title" = 'a;b'; -- x; y
            /* ; */ DELETE FROM "Tags" WHERE "Id" = 1;
            ;
            INSERT INTO "Log" ("Text") VALUES ('DROP TABLE x;')
            """);
        Assert.Equal(new[] { SqlStatementKind.Update, SqlStatementKind.Delete, SqlStatementKind.Insert }, script.Statements.Select(s => s.Kind).ToArray());
        Assert.Equal("DELETE FROM \"Tags\" WHERE \"Id\" = 1", script.Statements[1].Text);
    }

    [Theory]
    [InlineData("CREATE TABLE t (id int)", "CREATE", "Table")]
    [InlineData("create unique index ix on t (a)", "CREATE", "Index")]
    [InlineData("ALTER TABLE t ADD c int", "ALTER", "Table")]
    [InlineData("DROP TABLE IF EXISTS a, b CASCADE", "DROP", "Table")]
    [InlineData("DROP SCHEMA s", "DROP", "Schema")]
    [InlineData("DROP DATABASE d", "DROP", "Database")]
    [InlineData("DROP VIEW v", "DROP", "View")]
    [InlineData("CREATE OR REPLACE VIEW v AS SELECT 1", "CREATE", "View")]
    [InlineData("TRUNCATE TABLE t", "TRUNCATE", "Table")]
    [InlineData("truncate t", "TRUNCATE", "Table")]
    [InlineData("COMMENT ON COLUMN t.c IS 'x'", "COMMENT", "Column")]
    [InlineData("EXEC sp_rename 'dbo.T.A', 'B', 'COLUMN'", "EXEC", "Other")]
    public void DdlStatements_AreClassified(string sql, string keyword, string objectKind)
    {
        var statement = Single(sql);
        Assert.Equal(SqlStatementKind.Ddl, statement.Kind);
        Assert.Equal(keyword, statement.Keyword);
        Assert.Equal(objectKind, statement.ObjectKind.ToString());
    }

    [Theory]
    [InlineData("INSERT INTO t (a) VALUES (1)", "Insert")]
    [InlineData("UPDATE t SET a = 1", "Update")]
    [InlineData("DELETE FROM t", "Delete")]
    [InlineData("SELECT 1", "Select")]
    [InlineData("MERGE INTO t USING s ON t.id = s.id WHEN MATCHED THEN DELETE", "Merge")]
    [InlineData("WITH old AS (SELECT id FROM t WHERE x) DELETE FROM t WHERE id IN (SELECT id FROM old)", "Delete")]
    [InlineData("SET NOCOUNT ON", "Other")]
    [InlineData("EXEC dbo.RebuildStats", "Other")]
    [InlineData("GRANT SELECT, DELETE ON t TO app", "Other")]
    public void RowStatements_AreClassified(string sql, string kind) =>
        Assert.Equal(kind, Single(sql).Kind.ToString());

    [Fact]
    public void DropTable_ListsEveryTarget()
    {
        var statement = Single("DROP TABLE IF EXISTS dbo.[Old Posts], \"public\".\"Tags\" CASCADE");
        Assert.Equal(new[] { "Old Posts", "Tags" }, statement.Targets.Select(t => t.Name).ToArray());
        Assert.Equal("dbo", statement.Targets[0].Schema);
    }

    [Theory]
    [InlineData("DELETE FROM t", false, true)]
    [InlineData("DELETE t", false, true)]
    [InlineData("DELETE TOP (100) FROM dbo.t", false, true)]
    [InlineData("DELETE FROM t WHERE a = 1", true, false)]
    [InlineData("delete from t where exists (select 1 from u where u.id = t.id)", true, false)]
    [InlineData("DELETE FROM t WHERE id IN (SELECT id FROM u)", true, false)]
    [InlineData("DELETE t FROM t INNER JOIN u ON u.id = t.id", false, false)]
    [InlineData("DELETE FROM t USING (SELECT 1 FROM u WHERE x) s", false, true)]
    [InlineData("WITH d AS (SELECT * FROM t WHERE x = 1) DELETE FROM d", false, false)]
    public void Delete_KnowsWhetherEveryRowGoes(string sql, bool hasWhere, bool deletesAll)
    {
        var statement = Single(sql);
        Assert.Equal(SqlStatementKind.Delete, statement.Kind);
        Assert.Equal(hasWhere, statement.HasWhere);
        Assert.Equal(deletesAll, statement.DeletesAllRows);
    }

    [Theory]
    [InlineData("ALTER TABLE t DROP COLUMN c", "c", false)]
    [InlineData("ALTER TABLE \"t\" DROP COLUMN IF EXISTS \"c\" CASCADE", "c", false)]
    [InlineData("ALTER TABLE t DROP c", "c", true)]
    [InlineData("ALTER TABLE [dbo].[t] DROP COLUMN [a], [b]", "a,b", false)]
    [InlineData("ALTER TABLE t DROP COLUMN a, DROP COLUMN b", "a,b", false)]
    [InlineData("ALTER TABLE t DROP CONSTRAINT fk, DROP PRIMARY KEY", "", false)]
    [InlineData("ALTER TABLE t ALTER COLUMN c DROP DEFAULT", "", false)]
    [InlineData("ALTER TABLE t ALTER COLUMN c DROP NOT NULL, ADD d int", "", false)]
    public void AlterTable_ReadsDroppedColumns(string sql, string columns, bool bare)
    {
        var statement = Single(sql);
        Assert.Equal(columns, string.Join(",", statement.DroppedColumns.Select(c => c.Name.Name)));
        Assert.All(statement.DroppedColumns, c => Assert.Equal(bare, c.IsBare));
    }

    [Fact]
    public void Update_ReadsTargetAssignmentsAndWhere()
    {
        var statement = Single("UPDATE \"Users\" SET \"FullName\" = \"Name\", \"Flag\" = CASE WHEN a THEN 1 ELSE 0 END WHERE \"FullName\" IS NULL");
        Assert.Equal("Users", statement.Target?.Name);
        Assert.True(statement.HasWhere);
        Assert.Equal(new[] { "FullName", "Flag" }, statement.Assignments.Select(a => a.Column.Name).ToArray());
        Assert.Equal("Name", statement.Assignments[0].ValueColumn?.Name);
        Assert.Null(statement.Assignments[1].ValueColumn);
    }

    [Fact]
    public void TsqlWithoutSemicolons_SplitsStatements()
    {
        var script = SqlScript.Parse("""
            IF OBJECT_ID(N'dbo.Legacy', N'U') IS NOT NULL DROP TABLE dbo.Legacy
            UPDATE dbo.Posts SET Title = N'x' WHERE Title IS NULL
            DELETE FROM dbo.Tags
            BEGIN TRANSACTION
            INSERT INTO dbo.Log (Text) VALUES ('done')
            """);
        Assert.Equal(
            new[] { "IF", "DROP", "UPDATE", "DELETE", "BEGIN", "INSERT" },
            script.Statements.Select(s => s.Keyword).ToArray());
        Assert.True(script.Statements[3].DeletesAllRows);
    }

    [Fact]
    public void TsqlAlterTableFollowedByDropTable_Splits()
    {
        var script = SqlScript.Parse("""
            ALTER TABLE dbo.Posts DROP CONSTRAINT DF_Posts_Rating
            DROP TABLE dbo.Legacy;
            ALTER PUBLICATION pub DROP TABLE posts;
            ALTER TABLE t DROP INDEX ix_a
            """);
        Assert.Equal(new[] { "ALTER", "DROP", "ALTER", "ALTER" }, script.Statements.Select(s => s.Keyword).ToArray());
        Assert.Equal(SqlObjectKind.Table, script.Statements[1].ObjectKind);
    }

    [Fact]
    public void TriggerEventsAndForeignKeyActions_DoNotSplit()
    {
        var script = SqlScript.Parse("""
            CREATE TRIGGER trg AFTER INSERT OR DELETE ON t FOR EACH ROW EXECUTE FUNCTION f();
            ALTER TABLE a ADD CONSTRAINT fk FOREIGN KEY (b) REFERENCES b (id) ON DELETE CASCADE ON UPDATE SET NULL;
            INSERT INTO t (a) VALUES (1) ON CONFLICT (a) DO UPDATE SET a = excluded.a;
            CREATE OR ALTER VIEW v AS SELECT 1 AS x
            """);
        Assert.Equal(new[] { "CREATE", "ALTER", "INSERT", "CREATE" }, script.Statements.Select(s => s.Keyword).ToArray());
    }

    [Fact]
    public void TsqlProcedureBody_RunsToEndOfBatch()
    {
        var script = SqlScript.Parse("""
            CREATE PROCEDURE dbo.Purge AS
            BEGIN
                DELETE FROM dbo.Logs;
                TRUNCATE TABLE dbo.Audit;
            END
            GO
            DELETE FROM dbo.Tags WHERE Id = 1
            """);
        Assert.Equal(2, script.Statements.Length);
        Assert.True(script.Statements[0].IsRoutineDefinition);
        Assert.Equal(SqlStatementKind.Delete, script.Statements[1].Kind);
        Assert.Single(script.BatchSeparators);
    }

    [Fact]
    public void PostgresFunctionBody_IsNotRunNow()
    {
        var script = SqlScript.Parse("""
            CREATE OR REPLACE FUNCTION purge() RETURNS void AS $$
            BEGIN
                DELETE FROM logs;
            END;
            $$ LANGUAGE plpgsql;
            SELECT purge_later();
            """);
        Assert.Equal(new[] { "CREATE", "SELECT" }, script.Statements.Select(s => s.Keyword).ToArray());
        Assert.True(script.Statements[0].IsRoutineDefinition);
        Assert.Null(script.Statements[0].Body);
    }

    [Fact]
    public void DoBlock_BodyStatementsAreRead()
    {
        var script = SqlScript.Parse("""
            DO $$
            DECLARE r record;
            BEGIN
                IF EXISTS (SELECT 1 FROM pg_tables WHERE tablename = 'legacy') THEN
                    DROP TABLE legacy;
                END IF;
                FOR r IN SELECT id FROM t LOOP
                    UPDATE t SET x = 1 WHERE id = r.id;
                END LOOP;
            END $$;
            """);
        var statement = Assert.Single(script.Statements);
        Assert.Equal("DO", statement.Keyword);
        Assert.NotNull(statement.Body);
        var inner = script.AllStatements.Skip(1).Where(s => s.Kind != SqlStatementKind.Other).Select(s => s.Keyword).ToArray();
        Assert.Equal(new[] { "DROP", "UPDATE" }, inner);
    }

    [Theory]
    [InlineData("SELECT 1\nGO\nSELECT 2", 1, 2)]
    [InlineData("SELECT 1\n  go  \nSELECT 2\nGO 3\n", 2, 2)]
    [InlineData("SELECT 1 -- GO\nSELECT 'x\nGO\n'", 0, 1)]
    [InlineData("SELECT go FROM t\n/*\nGO\n*/", 0, 1)]
    [InlineData("SELECT 1\nGO -- end of batch", 1, 1)]
    public void GoLines_AreBatchSeparators(string sql, int separators, int statements)
    {
        var script = SqlScript.Parse(sql);
        Assert.Equal(separators, script.BatchSeparators.Length);
        Assert.Equal(statements, script.Statements.Length);
    }

    [Fact]
    public void TemplateHole_IsAnUnknownNamePart()
    {
        var statement = Single("DELETE FROM {0}.\"Logs\" WHERE \"Created\" < now()");
        Assert.Equal("Logs", statement.Target?.Name);
        Assert.False(statement.Target?.IsKnown);
        Assert.Null(statement.Target?.Schema);
    }

    [Fact]
    public void Sources_ListTablesReadFrom()
    {
        var statement = Single("INSERT INTO archive (id) SELECT p.id FROM posts p JOIN blogs b ON b.id = p.blog_id");
        Assert.Equal(new[] { "posts", "blogs" }, statement.Sources.Select(s => s.Name).ToArray());
    }

    [Fact]
    public void ShortText_CollapsesWhitespaceAndCuts()
    {
        var statement = Single("DELETE\n    FROM   \"Logs\" -- all\n");
        Assert.Equal("DELETE FROM \"Logs\"", statement.ShortText());
        var longStatement = Single("UPDATE t SET a = '" + new string('x', 300) + "'");
        Assert.Equal(40, longStatement.ShortText(40).Length);
        Assert.EndsWith("…", longStatement.ShortText(40));
    }
}
