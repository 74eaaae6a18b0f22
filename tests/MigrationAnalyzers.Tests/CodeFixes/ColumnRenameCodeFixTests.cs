using System.Threading;
using System.Threading.Tasks;
using MigrationAnalyzers.Tests.Rules;
using MigrationAnalyzers.Tests.Verifiers;
using VerifyCS = MigrationAnalyzers.Tests.Verifiers.CSharpCodeFixVerifier<MigrationAnalyzers.Rules.ColumnRenameRule, MigrationAnalyzers.CodeFixes.Rules.ColumnRenameCodeFix>;

namespace MigrationAnalyzers.Tests.CodeFixes;

public class ColumnRenameCodeFixTests
{
    internal const string Unfixed = """
        using Microsoft.EntityFrameworkCore.Migrations;

        #nullable disable

        [Migration("20240201000000_RenameName")]
        public partial class RenameName : Migration
        {
            protected override void Up(MigrationBuilder migrationBuilder)
            {
                // The property Person.Name became FullName.
                {|#0:migrationBuilder.DropColumn(
                    name: "Name",
                    table: "People")|};

                migrationBuilder.AddColumn<string>(
                    name: "FullName",
                    table: "People",
                    type: "TEXT",
                    nullable: true);
            }

            protected override void Down(MigrationBuilder migrationBuilder)
            {
                migrationBuilder.DropColumn(
                    name: "FullName",
                    table: "People");

                migrationBuilder.AddColumn<string>(
                    name: "Name",
                    table: "People",
                    type: "TEXT",
                    nullable: true); // re-added empty
            }
        }
        """;

    internal const string Fixed = """
        using Microsoft.EntityFrameworkCore.Migrations;

        #nullable disable

        [Migration("20240201000000_RenameName")]
        public partial class RenameName : Migration
        {
            protected override void Up(MigrationBuilder migrationBuilder)
            {
                // The property Person.Name became FullName.
                migrationBuilder.RenameColumn(
                    name: "Name",
                    table: "People",
                    newName: "FullName");
            }

            protected override void Down(MigrationBuilder migrationBuilder)
            {
                migrationBuilder.RenameColumn(
                    name: "FullName",
                    table: "People",
                    newName: "Name");
                // re-added empty
            }
        }
        """;

    internal const string RenameTwoUnfixed = """
        using Microsoft.EntityFrameworkCore.Migrations;

        [Migration("20240201000000_RenameTwo")]
        public class RenameTwo : Migration
        {
            protected override void Up(MigrationBuilder b)
            {
                {|#0:b.DropColumn(
                    name: "EmailAddress",
                    table: "People")|};

                {|#1:b.DropColumn(
                    name: "Name",
                    table: "People")|};

                b.AddColumn<string>(
                    name: "FullName",
                    table: "People",
                    type: "TEXT",
                    maxLength: 200,
                    nullable: true);

                b.AddColumn<string>(
                    name: "Email",
                    table: "People",
                    type: "TEXT",
                    nullable: false,
                    defaultValue: "");
            }

            protected override void Down(MigrationBuilder b)
            {
            }
        }
        """;
    internal const string RenameTwoFixed = """
        using Microsoft.EntityFrameworkCore.Migrations;

        [Migration("20240201000000_RenameTwo")]
        public class RenameTwo : Migration
        {
            protected override void Up(MigrationBuilder b)
            {
                b.RenameColumn(
                    name: "EmailAddress",
                    table: "People",
                    newName: "Email");

                b.RenameColumn(
                    name: "Name",
                    table: "People",
                    newName: "FullName");

                b.AlterColumn<string>(
                    name: "FullName",
                    table: "People",
                    type: "TEXT",
                    maxLength: 200,
                    nullable: true,
                    oldClrType: typeof(string),
                    oldType: "TEXT",
                    oldMaxLength: 100,
                    oldNullable: true);
            }

            protected override void Down(MigrationBuilder b)
            {
                b.RenameColumn(
                    name: "FullName",
                    table: "People",
                    newName: "Name");

                b.AlterColumn<string>(
                    name: "Name",
                    table: "People",
                    type: "TEXT",
                    maxLength: 100,
                    nullable: true,
                    oldClrType: typeof(string),
                    oldType: "TEXT",
                    oldMaxLength: 200,
                    oldNullable: true);

                b.RenameColumn(
                    name: "Email",
                    table: "People",
                    newName: "EmailAddress");
            }
        }
        """;
    [Theory]
    [InlineData(EfVersion.Ef10)]
    [InlineData(EfVersion.Ef8)]
    public async Task DropAndAdd_BecomesRenameColumnInUpAndDown(EfVersion version)
    {
        await VerifyCS.VerifyCodeFixAsync(Unfixed, Fixed, version, DbProvider.None, null,
            VerifyCS.Diagnostic("MIG003").WithLocation(0).WithArguments("Name", "FullName", "People"));
    }

    [Theory]
    [InlineData(EfVersion.Ef10)]
    [InlineData(EfVersion.Ef8)]
    public async Task TwoRenamesOneWithNewDefinition_FixAllRenamesBothAndAltersTheWiderOne(EfVersion version)
    {
        var test = new VerifyCS.Test(version);
        test.TestState.Sources.Add(("/0/CreatePeople.cs", ColumnRenameRuleTests.CreatePeople));
        test.TestState.Sources.Add(("/0/RenameTwo.cs", RenameTwoUnfixed));
        test.FixedState.Sources.Add(("/0/CreatePeople.cs", ColumnRenameRuleTests.CreatePeople));
        test.FixedState.Sources.Add(("/0/RenameTwo.cs", RenameTwoFixed));
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("MIG003").WithLocation(0).WithArguments("EmailAddress", "Email", "People"));
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("MIG003").WithLocation(1).WithArguments("Name", "FullName", "People"));
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task ExpressionBodiedDown_FixesUpAndLeavesDownAlone()
    {
        // A Down the fix cannot edit statement by statement is left as written (MIG042/MIG045 judge it).
        const string source = """
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240201000000_RenameName")]
            public class RenameName : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.AddColumn<string>(name: "FullName", table: "People", type: "TEXT", maxLength: 100, nullable: true);
                    {|#0:migrationBuilder.DropColumn(name: "Name", table: "People")|}; // was Name
                }

                protected override void Down(MigrationBuilder migrationBuilder) =>
                    migrationBuilder.DropColumn(name: "FullName", table: "People");
            }
            """;
        const string fixedSource = """
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240201000000_RenameName")]
            public class RenameName : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.RenameColumn(
                        name: "Name",
                        table: "People",
                        newName: "FullName");
                    // was Name
                }

                protected override void Down(MigrationBuilder migrationBuilder) =>
                    migrationBuilder.DropColumn(name: "FullName", table: "People");
            }
            """;
        var test = new VerifyCS.Test();
        test.TestState.Sources.Add(("/0/CreatePeople.cs", ColumnRenameRuleTests.CreatePeople));
        test.TestState.Sources.Add(("/0/RenameName.cs", source));
        test.FixedState.Sources.Add(("/0/CreatePeople.cs", ColumnRenameRuleTests.CreatePeople));
        test.FixedState.Sources.Add(("/0/RenameName.cs", fixedSource));
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("MIG003").WithLocation(0).WithArguments("Name", "FullName", "People"));
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task InsideProviderBranchWithConfiguredProvider_FixesTheBranch()
    {
        const string source = """
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240201000000_RenameName")]
            public class RenameName : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    if (migrationBuilder.ActiveProvider == "Npgsql.EntityFrameworkCore.PostgreSQL")
                    {
                        {|#0:migrationBuilder.DropColumn(
                            name: "Name",
                            table: "People")|};

                        migrationBuilder.AddColumn<string>(
                            name: "FullName",
                            table: "People",
                            type: "text",
                            nullable: true);
                    }
                }

                protected override void Down(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.DropColumn(
                        name: "FullName",
                        table: "People");

                    migrationBuilder.AddColumn<string>(
                        name: "Name",
                        table: "People",
                        type: "text",
                        nullable: true);
                }
            }
            """;
        const string fixedSource = """
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240201000000_RenameName")]
            public class RenameName : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    if (migrationBuilder.ActiveProvider == "Npgsql.EntityFrameworkCore.PostgreSQL")
                    {
                        migrationBuilder.RenameColumn(
                            name: "Name",
                            table: "People",
                            newName: "FullName");
                    }
                }

                protected override void Down(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.RenameColumn(
                        name: "FullName",
                        table: "People",
                        newName: "Name");
                }
            }
            """;
        await VerifyCS.VerifyCodeFixAsync(source, fixedSource, EfVersion.Ef10, DbProvider.PostgreSql, TestSetup.Options(("provider", "postgresql")),
            VerifyCS.Diagnostic("MIG003").WithLocation(0).WithArguments("Name", "FullName", "People"));
    }

    [Fact]
    public async Task PairInHelperMethod_ReportedButNoFixOffered()
    {
        // The fix edits Up/Down statements only; a helper may be shared, so it is left to the author.
        const string source = """
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240201000000_RenameName")]
            public class RenameName : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder) => Rename(migrationBuilder);

                private static void Rename(MigrationBuilder b)
                {
                    {|#0:b.DropColumn(name: "Name", table: "People")|};
                    b.AddColumn<string>(name: "FullName", table: "People", type: "TEXT", maxLength: 100, nullable: true);
                }
            }
            """;
        var test = new VerifyCS.Test();
        test.TestState.Sources.Add(("/0/CreatePeople.cs", ColumnRenameRuleTests.CreatePeople));
        test.TestState.Sources.Add(("/0/RenameName.cs", source));
        test.FixedState.Sources.Add(("/0/CreatePeople.cs", ColumnRenameRuleTests.CreatePeople));
        test.FixedState.Sources.Add(("/0/RenameName.cs", source));
        test.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("MIG003").WithLocation(0).WithArguments("Name", "FullName", "People"));
        test.FixedState.ExpectedDiagnostics.Add(VerifyCS.Diagnostic("MIG003").WithLocation(0).WithArguments("Name", "FullName", "People"));
        await test.RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task WideningTypeWithSchema_AltersColumnAfterRename()
    {
        const string source = """
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240201000000_Widen")]
            public class Widen : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.AddColumn<long>(
                        name: "VisitCount",
                        schema: "stats",
                        table: "Pages",
                        nullable: false,
                        defaultValue: 0L);

                    {|#0:migrationBuilder.DropColumn(
                        name: "Visits",
                        schema: "stats",
                        table: "Pages")|};
                }

                protected override void Down(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.AddColumn<int>(
                        name: "Visits",
                        schema: "stats",
                        table: "Pages",
                        nullable: false,
                        defaultValue: 0);

                    migrationBuilder.DropColumn(
                        name: "VisitCount",
                        schema: "stats",
                        table: "Pages");
                }
            }
            """;
        const string fixedSource = """
            using Microsoft.EntityFrameworkCore.Migrations;

            [Migration("20240201000000_Widen")]
            public class Widen : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.RenameColumn(
                        name: "Visits",
                        schema: "stats",
                        table: "Pages",
                        newName: "VisitCount");

                    migrationBuilder.AlterColumn<long>(
                        name: "VisitCount",
                        schema: "stats",
                        table: "Pages",
                        nullable: false,
                        defaultValue: 0L,
                        oldClrType: typeof(int),
                        oldNullable: false,
                        oldDefaultValue: 0);
                }

                protected override void Down(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.RenameColumn(
                        name: "VisitCount",
                        schema: "stats",
                        table: "Pages",
                        newName: "Visits");

                    migrationBuilder.AlterColumn<int>(
                        name: "Visits",
                        schema: "stats",
                        table: "Pages",
                        nullable: false,
                        defaultValue: 0,
                        oldClrType: typeof(long),
                        oldNullable: false,
                        oldDefaultValue: 0L);
                }
            }
            """;
        await VerifyCS.VerifyCodeFixAsync(source, fixedSource,
            VerifyCS.Diagnostic("MIG003").WithLocation(0).WithArguments("Visits", "VisitCount", "stats.Pages"));
    }
}
