using System;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using MigrationAnalyzers.Rules;
using MigrationAnalyzers.Tests.Verifiers;
using Narrowing = MigrationAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<MigrationAnalyzers.Rules.NarrowingAlterColumnRule>;
using Rewrite = MigrationAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<MigrationAnalyzers.Rules.TableRewriteRule>;

namespace MigrationAnalyzers.Tests.Rules;

/// <summary>
/// A column type change in <c>Sql</c> (<c>ALTER COLUMN … TYPE</c>, SQL Server's <c>ALTER COLUMN c type</c>, MySQL's
/// <c>MODIFY</c>/<c>CHANGE</c>) gets MIG005 or MIG064 like the <c>AlterColumn</c> that makes the same change
/// (issue 13 "raw SQL linted like operations"), judged from the column as the history knows it.
/// </summary>
public class SqlColumnTypeChangeTests
{
    private const string Generic = NarrowingAlterColumnRule.GenericConsequence;
    private const string PostgresRewrite = "PostgreSQL rewrites the table and all its indexes under an ACCESS EXCLUSIVE lock (the storage size changes)";
    private const string SqlServerRewrite = "SQL Server updates every row (a size-of-data operation) under a schema-modification lock";

    /// <summary>The history: Posts as EF scaffolds it on PostgreSQL.</summary>
    private static readonly string PostgresHistory = History("""
                        Id = table.Column<int>(type: "integer", nullable: false),
                        Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                        Views = table.Column<int>(type: "integer", nullable: false),
                        Price = table.Column<decimal>(type: "numeric(18,4)", precision: 18, scale: 4, nullable: false),
                        PublishedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
        """);

    private static readonly string SqlServerHistory = History("""
                        Id = table.Column<int>(type: "int", nullable: false),
                        Title = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                        Code = table.Column<string>(type: "varchar(100)", unicode: false, maxLength: 100, nullable: true),
                        Views = table.Column<int>(type: "int", nullable: false)
        """);

    private static readonly string MySqlHistory = History("""
                        Id = table.Column<int>(type: "int", nullable: false),
                        Title = table.Column<string>(type: "varchar(200)", maxLength: 200, nullable: false),
                        Views = table.Column<int>(type: "int", nullable: false)
        """);

    private static string History(string columns) => $$"""
        using System;
        using Microsoft.EntityFrameworkCore.Migrations;

        [Migration("20240101000000_Initial")]
        public class Initial : Migration
        {
            protected override void Up(MigrationBuilder migrationBuilder)
            {
                migrationBuilder.CreateTable(
                    name: "Posts",
                    columns: table => new
                    {
        {{columns}}
                    },
                    constraints: table => table.PrimaryKey("PK_Posts", x => x.Id));
            }
        }
        """;

    private static string Change(string up) => $$"""
        using Microsoft.EntityFrameworkCore.Migrations;

        [Migration("20240201000000_ChangeTypes")]
        public class ChangeTypes : Migration
        {
            protected override void Up(MigrationBuilder migrationBuilder)
            {
        {{up}}
            }
        }
        """;

    private static DiagnosticResult Narrowed(int location, string statement, string column, string table, string from, string to, string reason, string consequence = Generic) =>
        new DiagnosticResult(NarrowingAlterColumnRule.SqlRule).WithLocation(location).WithArguments(statement, column, table, from, to, reason, consequence);

    private static DiagnosticResult Rewritten(int location, string statement, string column, string table, string from, string to, string reason) =>
        new DiagnosticResult(TableRewriteRule.SqlRule).WithLocation(location).WithArguments(statement, column, table, from, to, reason);

    private static string LengthConsequence(string query) =>
        "the ALTER fails on SQL Server, PostgreSQL and MySQL (strict mode) when any existing value is longer; find those rows with " + query;

    [Theory]
    [InlineData(EfVersion.Ef10)]
    [InlineData(EfVersion.Ef8)]
    public async Task PostgreSqlNarrowing_ReportsMig005(EfVersion version)
    {
        var change = Change("""
                    {|#0:migrationBuilder.Sql("ALTER TABLE \"Posts\" ALTER COLUMN \"Title\" TYPE character varying(50);")|};
                    {|#1:migrationBuilder.Sql("ALTER TABLE posts ALTER price SET DATA TYPE numeric(10,2) USING round(price, 2)")|};
                    {|#2:migrationBuilder.Sql("ALTER TABLE public.\"Posts\" ALTER COLUMN \"PublishedAt\" TYPE timestamp without time zone")|};
            """);
        await Narrowing.VerifyAnalyzerAsync(new[] { PostgresHistory, change }, version, DbProvider.PostgreSql, null,
            Narrowed(0, "ALTER TABLE \"Posts\" ALTER COLUMN \"Title\" TYPE character varying(50)", "Title", "\"Posts\"", "character varying(200)", "character varying(50)", "max length 200 → 50",
                LengthConsequence("SELECT * FROM \"Posts\" WHERE LENGTH(\"Title\") > 50")),
            Narrowed(1, "ALTER TABLE posts ALTER price SET DATA TYPE numeric(10,2) USING round(price, 2)", "price", "posts", "numeric(18,4)", "numeric(10,2)", "precision (18,4) → (10,2): fewer integer digits"),
            Narrowed(2, "ALTER TABLE public.\"Posts\" ALTER COLUMN \"PublishedAt\" TYPE timestamp without time zone", "PublishedAt", "public.\"Posts\"", "timestamp with time zone", "timestamp without time zone",
                "type change date and time with offset → date and time"));
        await Rewrite.VerifyAnalyzerAsync(new[] { PostgresHistory, change }, version, DbProvider.PostgreSql, null);
    }

    [Theory]
    [InlineData(EfVersion.Ef10)]
    [InlineData(EfVersion.Ef8)]
    public async Task PostgreSqlIntegerToBigint_ReportsMig064(EfVersion version)
    {
        var change = Change("""
                    {|#0:migrationBuilder.Sql("ALTER TABLE \"Posts\" ALTER COLUMN \"Views\" TYPE bigint;")|};
            """);
        await Rewrite.VerifyAnalyzerAsync(new[] { PostgresHistory, change }, version, DbProvider.PostgreSql, null,
            Rewritten(0, "ALTER TABLE \"Posts\" ALTER COLUMN \"Views\" TYPE bigint", "Views", "\"Posts\"", "integer", "bigint", PostgresRewrite));
        await Narrowing.VerifyAnalyzerAsync(new[] { PostgresHistory, change }, version, DbProvider.PostgreSql, null);
    }

    /// <summary>
    /// Silent for both rules: widenings that keep every value without a rewrite, the same type again (WITH TIME ZONE
    /// read as the type's), a column the history does not know, a table it does not know, a column added earlier in
    /// this Up (by AddColumn or by an earlier statement of the same call), a change after an unreadable Sql, a
    /// statement in a branch for another provider, types the reader cannot read.
    /// </summary>
    [Theory]
    [InlineData(EfVersion.Ef10)]
    [InlineData(EfVersion.Ef8)]
    public async Task PostgreSqlWideningOrUnknown_NoDiagnostic(EfVersion version)
    {
        var change = Change("""
                    migrationBuilder.Sql("ALTER TABLE \"Posts\" ALTER COLUMN \"Title\" TYPE text;");
                    migrationBuilder.Sql("ALTER TABLE \"Posts\" ALTER COLUMN \"Price\" TYPE numeric(20,4);");
                    migrationBuilder.Sql("ALTER TABLE \"Posts\" ALTER COLUMN \"PublishedAt\" TYPE timestamp with time zone;");
                    migrationBuilder.Sql("ALTER TABLE \"Posts\" ALTER COLUMN \"Rating\" TYPE smallint;");
                    migrationBuilder.Sql("ALTER TABLE \"Authors\" ALTER COLUMN \"Name\" TYPE character varying(10);");
                    migrationBuilder.AddColumn<long>(name: "Score", table: "Posts", type: "bigint", nullable: false, defaultValue: 0L);
                    migrationBuilder.Sql("ALTER TABLE \"Posts\" ALTER COLUMN \"Score\" TYPE integer;");
                    migrationBuilder.Sql("ALTER TABLE \"Posts\" ADD COLUMN \"Likes\" bigint NULL; ALTER TABLE \"Posts\" ALTER COLUMN \"Likes\" TYPE integer;");
                    if (ActiveProvider == "Microsoft.EntityFrameworkCore.SqlServer")
                    {
                        migrationBuilder.Sql("ALTER TABLE [Posts] ALTER COLUMN [Title] nvarchar(20) NOT NULL");
                    }

                    var type = System.Environment.GetEnvironmentVariable("TYPE");
                    migrationBuilder.Sql($"ALTER TABLE \"Posts\" ALTER COLUMN \"Title\" TYPE {type};");
                    migrationBuilder.Sql("ALTER TABLE \"Posts\" ALTER COLUMN \"Title\" TYPE my_domain;");
            """);
        await Narrowing.VerifyAnalyzerAsync(new[] { PostgresHistory, change }, version, DbProvider.PostgreSql, null);
        await Rewrite.VerifyAnalyzerAsync(new[] { PostgresHistory, change }, version, DbProvider.PostgreSql, null);

        // A Sql the analyzer cannot read may have changed the table: what follows is not judged.
        var afterUnreadable = Change("""
                    migrationBuilder.Sql(System.IO.File.ReadAllText("change.sql"));
                    migrationBuilder.Sql("ALTER TABLE \"Posts\" ALTER COLUMN \"Title\" TYPE character varying(50);");
                    migrationBuilder.Sql("ALTER TABLE \"Posts\" ALTER COLUMN \"Views\" TYPE bigint;");
            """);
        await Narrowing.VerifyAnalyzerAsync(new[] { PostgresHistory, afterUnreadable }, version, DbProvider.PostgreSql, null);
        await Rewrite.VerifyAnalyzerAsync(new[] { PostgresHistory, afterUnreadable }, version, DbProvider.PostgreSql, null);
    }

    /// <summary>Without a history the old type is unknown: silent.</summary>
    [Theory]
    [InlineData(EfVersion.Ef10)]
    [InlineData(EfVersion.Ef8)]
    public async Task NoHistory_NoDiagnostic(EfVersion version)
    {
        var change = Change("""
                    migrationBuilder.Sql("ALTER TABLE \"Posts\" ALTER COLUMN \"Title\" TYPE character varying(50);");
                    migrationBuilder.Sql("ALTER TABLE \"Posts\" ALTER COLUMN \"Views\" TYPE bigint;");
            """);
        await Narrowing.VerifyAnalyzerAsync(change, version, DbProvider.PostgreSql, null);
        await Rewrite.VerifyAnalyzerAsync(change, version, DbProvider.PostgreSql, null);
    }

    /// <summary>An earlier migration's Sql that alters the table leaves its columns unknown to the history (the fold reads no Sql).</summary>
    [Theory]
    [InlineData(EfVersion.Ef10)]
    [InlineData(EfVersion.Ef8)]
    public async Task TableChangedBySqlEarlier_NoDiagnostic(EfVersion version)
    {
        const string earlier = """
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240115000000_Widen")]
            public class Widen : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    {|#0:migrationBuilder.Sql("ALTER TABLE \"Posts\" ALTER COLUMN \"Title\" TYPE character varying(20);")|};
                }
            }
            """;

        // Title is character varying(20) now: 100 widens it, though the fold (200) would call it a narrowing.
        var change = Change("""
                    migrationBuilder.Sql("ALTER TABLE \"Posts\" ALTER COLUMN \"Title\" TYPE character varying(100);");
            """);
        await Narrowing.VerifyAnalyzerAsync(new[] { PostgresHistory, earlier, change }, version, DbProvider.PostgreSql, null,
            Narrowed(0, "ALTER TABLE \"Posts\" ALTER COLUMN \"Title\" TYPE character varying(20)", "Title", "\"Posts\"", "character varying(200)", "character varying(20)", "max length 200 → 20",
                LengthConsequence("SELECT * FROM \"Posts\" WHERE LENGTH(\"Title\") > 20")));
    }

    /// <summary>The AlterColumn forms in the same migration keep their own descriptor and verdicts.</summary>
    [Theory]
    [InlineData(EfVersion.Ef10)]
    [InlineData(EfVersion.Ef8)]
    public async Task AlterColumnBesideSql_KeepsItsOwnDiagnostic(EfVersion version)
    {
        var change = Change("""
                    {|#0:migrationBuilder.AlterColumn<long>(name: "Views", table: "Posts", type: "bigint", nullable: false, oldClrType: typeof(int), oldType: "integer")|};
                    migrationBuilder.AlterColumn<string>(name: "Title", table: "Posts", type: "text", nullable: false, oldClrType: typeof(string), oldType: "character varying(200)", oldMaxLength: 200);
                    {|#1:migrationBuilder.Sql("ALTER TABLE \"Posts\" ALTER COLUMN \"Title\" TYPE character varying(100);")|};
            """);
        await Rewrite.VerifyAnalyzerAsync(new[] { PostgresHistory, change }, version, DbProvider.PostgreSql, null,
            new DiagnosticResult(TableRewriteRule.Rule).WithLocation(0).WithArguments("Posts", "Views", "integer", "bigint", PostgresRewrite));

        // The Sql's old side is what the AlterColumn before it made of Title: text, so 100 is a narrowing from unbounded.
        await Narrowing.VerifyAnalyzerAsync(new[] { PostgresHistory, change }, version, DbProvider.PostgreSql, null,
            Narrowed(1, "ALTER TABLE \"Posts\" ALTER COLUMN \"Title\" TYPE character varying(100)", "Title", "\"Posts\"", "text", "character varying(100)", "max length unbounded → 100",
                LengthConsequence("SELECT * FROM \"Posts\" WHERE LENGTH(\"Title\") > 100")));
    }

    [Theory]
    [InlineData(EfVersion.Ef10, DbProvider.SqlServer)]
    [InlineData(EfVersion.Ef8, DbProvider.None)]
    public async Task SqlServer_ReportsLikeAlterColumn(EfVersion version, DbProvider references)
    {
        var change = Change("""
                    {|#0:migrationBuilder.Sql("ALTER TABLE [Posts] ALTER COLUMN [Title] varchar(200) NOT NULL")|};
                    {|#1:migrationBuilder.Sql("ALTER TABLE [dbo].[Posts] ALTER COLUMN [Views] bigint NOT NULL")|};
                    {|#2:migrationBuilder.Sql("ALTER TABLE [Posts] ALTER COLUMN [Code] nvarchar(100) NULL")|};
                    migrationBuilder.Sql("ALTER TABLE [Posts] ALTER COLUMN [Title] nvarchar(200) NULL");
                    migrationBuilder.Sql("ALTER TABLE [Posts] ALTER COLUMN [Title] nvarchar(400) NOT NULL");
            """);
        var options = TestSetup.Options(("provider", "sqlserver"));
        await Narrowing.VerifyAnalyzerAsync(new[] { SqlServerHistory, change }, version, references, options,
            Narrowed(0, "ALTER TABLE [Posts] ALTER COLUMN [Title] varchar(200) NOT NULL", "Title", "[Posts]", "nvarchar(200)", "varchar(200)", "Unicode → non-Unicode"));
        await Rewrite.VerifyAnalyzerAsync(new[] { SqlServerHistory, change }, version, references, options,
            Rewritten(1, "ALTER TABLE [dbo].[Posts] ALTER COLUMN [Views] bigint NOT NULL", "Views", "[dbo].[Posts]", "int", "bigint", SqlServerRewrite),
            Rewritten(2, "ALTER TABLE [Posts] ALTER COLUMN [Code] nvarchar(100) NULL", "Code", "[Posts]", "varchar(100)", "nvarchar(100)", SqlServerRewrite));
    }

    [Theory]
    [InlineData(EfVersion.Ef10)]
    [InlineData(EfVersion.Ef8)]
    public async Task MySqlModifyAndChange_ReportLikeAlterColumn(EfVersion version)
    {
        var change = Change("""
                    {|#0:migrationBuilder.Sql("ALTER TABLE `Posts` MODIFY COLUMN `Views` bigint NOT NULL;")|};
                    {|#1:migrationBuilder.Sql("ALTER TABLE Posts CHANGE Title Title varchar(50) NOT NULL;")|};
                    migrationBuilder.Sql("ALTER TABLE Posts CHANGE Title Heading varchar(50) NOT NULL;");
            """);
        var options = TestSetup.Options(("provider", "mysql"));
        await Rewrite.VerifyAnalyzerAsync(new[] { MySqlHistory, change }, version, DbProvider.None, options,
            Rewritten(0, "ALTER TABLE `Posts` MODIFY COLUMN `Views` bigint NOT NULL", "Views", "`Posts`", "int", "bigint", "MySQL copies the table (ALGORITHM=COPY), blocking writes"));
        await Narrowing.VerifyAnalyzerAsync(new[] { MySqlHistory, change }, version, DbProvider.None, options,
            Narrowed(1, "ALTER TABLE Posts CHANGE Title Title varchar(50) NOT NULL", "Title", "Posts", "varchar(200)", "varchar(50)", "max length 200 → 50",
                LengthConsequence("SELECT * FROM `Posts` WHERE CHAR_LENGTH(`Title`) > 50")));
    }

    /// <summary>SQLite cannot alter a column's type (the statement fails): nothing to judge. MIG064 also stays silent with no provider.</summary>
    [Theory]
    [InlineData(EfVersion.Ef10)]
    [InlineData(EfVersion.Ef8)]
    public async Task SqliteOrUnknownProvider_NoDiagnostic(EfVersion version)
    {
        var change = Change("""
                    migrationBuilder.Sql("ALTER TABLE \"Posts\" ALTER COLUMN \"Views\" TYPE bigint;");
            """);
        await Rewrite.VerifyAnalyzerAsync(new[] { PostgresHistory, change }, version, DbProvider.Sqlite, null);
        var narrowing = Change("""
                    migrationBuilder.Sql("ALTER TABLE \"Posts\" ALTER COLUMN \"Views\" TYPE smallint;");
            """);
        await Narrowing.VerifyAnalyzerAsync(new[] { PostgresHistory, narrowing }, version, DbProvider.Sqlite, null);
        await Rewrite.VerifyAnalyzerAsync(new[] { PostgresHistory, change }, version, DbProvider.None, null);
    }

    /// <summary>MIG080 reports destroyed data only: a column type change is MIG005's or MIG064's (SPEC §3 MIG080).</summary>
    [Fact]
    public async Task DestructiveSql_LeavesTypeChangesToTheirRules()
    {
        var change = Change("""
                    migrationBuilder.Sql("ALTER TABLE \"Posts\" ALTER COLUMN \"Title\" TYPE character varying(50); ALTER TABLE \"Posts\" ALTER COLUMN \"Views\" TYPE bigint;");
            """);
        await CSharpAnalyzerVerifier<DestructiveSqlRule>.VerifyAnalyzerAsync(new[] { PostgresHistory, change }, EfVersion.Ef10, DbProvider.PostgreSql, null);
    }

    /// <summary>
    /// The SQL the real provider generates for an AlterColumn (Npgsql 10, EF Core 10's SQL Server), run as Sql on the
    /// same history, gets the AlterColumn's verdict: same rule, same old and new types, same reason. (SQL Server's
    /// whole command, with its dynamic default-constraint drop before the ALTER, is not judged: see PastedSqlServerScript_NoDiagnostic.)
    /// </summary>
    [Theory]
    [InlineData(DbProvider.PostgreSql, "long", "Views", "bigint", "integer", "int", "MIG064", PostgresRewrite)]
    [InlineData(DbProvider.PostgreSql, "string", "Title", "character varying(50)", "character varying(200)", "string", "MIG005", "max length 200 → 50")]
    [InlineData(DbProvider.SqlServer, "long", "Views", "bigint", "int", "int", "MIG064", SqlServerRewrite)]
    [InlineData(DbProvider.SqlServer, "string", "Title", "varchar(200)", "nvarchar(200)", "string", "MIG005", "Unicode → non-Unicode")]
    public async Task GeneratedSql_GetsTheAlterColumnsVerdict(DbProvider provider, string clr, string column, string type, string oldType, string oldClr, string id, string reason)
    {
        var history = provider == DbProvider.PostgreSql ? PostgresHistory : SqlServerHistory;
        var alter = $"migrationBuilder.AlterColumn<{clr}>(name: \"{column}\", table: \"Posts\", type: \"{type}\", nullable: false, oldClrType: typeof({oldClr}), oldType: \"{oldType}\")";
        var generated = ProviderSql.Generate(Change(alter + ";"), provider).Select(c => c.CommandText.Trim()).ToArray();
        // SQL Server's command first drops the column's default constraint through dynamic SQL (EXEC of a
        // concatenation, which the reader cannot see into): the type change is its last statement.
        var command = Assert.Single(generated, c => c.Contains("ALTER COLUMN", StringComparison.Ordinal));
        var statement = command.Split('\n').Last().Trim().TrimEnd(';');
        var quotedTable = provider == DbProvider.PostgreSql ? "\"Posts\"" : "[Posts]";
        Assert.StartsWith($"ALTER TABLE {quotedTable} ALTER COLUMN", statement, StringComparison.Ordinal);

        var consequence = reason.StartsWith("max length", StringComparison.Ordinal)
            ? LengthConsequence("SELECT * FROM \"Posts\" WHERE LENGTH(\"Title\") > 50")
            : Generic;
        var fromAlterColumn = id == "MIG064"
            ? new DiagnosticResult(TableRewriteRule.Rule).WithLocation(0).WithArguments("Posts", column, oldType, type, reason)
            : new DiagnosticResult(NarrowingAlterColumnRule.Rule).WithLocation(0).WithArguments("Posts", column, oldType, type, reason, consequence);
        var fromSql = id == "MIG064"
            ? Rewritten(0, statement, column, quotedTable, oldType, type, reason)
            : Narrowed(0, statement, column, quotedTable, oldType, type, reason, consequence);
        var alterColumn = new[] { history, Change("{|#0:" + alter + "|};") };
        var sql = new[] { history, Change("{|#0:migrationBuilder.Sql(@\"" + statement.Replace("\"", "\"\"", StringComparison.Ordinal) + ";\")|};") };
        var options = TestSetup.Options(("provider", provider == DbProvider.PostgreSql ? "postgresql" : "sqlserver"));
        if (id == "MIG064")
        {
            await Rewrite.VerifyAnalyzerAsync(alterColumn, EfVersion.Ef10, provider, options, fromAlterColumn);
            await Rewrite.VerifyAnalyzerAsync(sql, EfVersion.Ef10, provider, options, fromSql);
        }
        else
        {
            await Narrowing.VerifyAnalyzerAsync(alterColumn, EfVersion.Ef10, provider, options, fromAlterColumn);
            await Narrowing.VerifyAnalyzerAsync(sql, EfVersion.Ef10, provider, options, fromSql);
        }
    }

    /// <summary>
    /// EF's SQL Server script drops the column's default constraint with <c>EXEC(N'…' + @var)</c> first: dynamic SQL
    /// the reader cannot see into may have changed the column, so the ALTER after it is not judged (unknown is silent).
    /// </summary>
    [Fact]
    public async Task PastedSqlServerScript_NoDiagnostic()
    {
        var generated = ProviderSql.Generate(Change("migrationBuilder.AlterColumn<long>(name: \"Views\", table: \"Posts\", type: \"bigint\", nullable: false, oldClrType: typeof(int), oldType: \"int\");"), DbProvider.SqlServer);
        var script = string.Join("\n", generated.Select(c => c.CommandText));
        Assert.Contains("EXEC(N'ALTER TABLE [Posts] DROP CONSTRAINT ' + @var + ';')", script, StringComparison.Ordinal);
        var sql = Change("migrationBuilder.Sql(@\"" + script.Replace("\"", "\"\"", StringComparison.Ordinal) + "\");");
        await Rewrite.VerifyAnalyzerAsync(new[] { SqlServerHistory, sql }, EfVersion.Ef10, DbProvider.SqlServer, null);
    }
}
