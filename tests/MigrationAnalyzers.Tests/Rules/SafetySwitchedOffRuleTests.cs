using System;
using System.Threading.Tasks;
using MigrationAnalyzers.Tests.Execution;
using MigrationAnalyzers.Tests.Verifiers;
using Npgsql;
using VerifyCS = MigrationAnalyzers.Tests.Verifiers.CSharpAnalyzerVerifier<MigrationAnalyzers.Rules.SafetySwitchedOffRule>;

namespace MigrationAnalyzers.Tests.Rules;

public class SafetySwitchedOffRuleTests
{
    private const string Constraint = "the constraint stays disabled after the migration, so rows that break it get in and stay";
    private const string Trigger = "the trigger stays disabled after the migration, so what it enforces or records is skipped for every later write";
    private const string Session = "foreign keys go unchecked for the rest of the session (every later migration of the run), so rows that break them get in and stay";

    private static string Up(string first, string? second = null, bool expected = true) => MigrationSources.WithUp(
        "        " + (expected ? "{|#0:" : string.Empty) + "migrationBuilder.Sql(@\"" + first.Replace("\"", "\"\"") + "\")" + (expected ? "|}" : string.Empty) + ";" +
        (second is null ? string.Empty : "\n        migrationBuilder.Sql(@\"" + second.Replace("\"", "\"\"") + "\");"));

    public static TheoryData<EfVersion, string, string, string> SwitchedOff() => new()
    {
        { EfVersion.Ef10, "ALTER TABLE [Orders] NOCHECK CONSTRAINT ALL;", "ALTER TABLE [Orders] NOCHECK CONSTRAINT ALL", Constraint },
        { EfVersion.Ef8, "ALTER TABLE dbo.Orders NOCHECK CONSTRAINT FK_Orders_Customers", "ALTER TABLE dbo.Orders NOCHECK CONSTRAINT FK_Orders_Customers", Constraint },
        { EfVersion.Ef10, "ALTER TABLE \"Orders\" DISABLE TRIGGER ALL;", "ALTER TABLE \"Orders\" DISABLE TRIGGER ALL", Trigger },
        { EfVersion.Ef8, "SET FOREIGN_KEY_CHECKS = 0;", "SET FOREIGN_KEY_CHECKS = 0", Session },
        { EfVersion.Ef10, "SET session_replication_role = 'replica';", "SET session_replication_role = 'replica'", Session },
        { EfVersion.Ef10, "SET session_replication_role TO replica;", "SET session_replication_role TO replica", Session },
        { EfVersion.Ef8, "PRAGMA foreign_keys = OFF;", "PRAGMA foreign_keys = OFF", Session },
        // Re-enabled for another table only.
        { EfVersion.Ef10, "ALTER TABLE [Orders] NOCHECK CONSTRAINT ALL; ALTER TABLE [Lines] CHECK CONSTRAINT ALL;", "ALTER TABLE [Orders] NOCHECK CONSTRAINT ALL", Constraint },
    };

    [Theory]
    [MemberData(nameof(SwitchedOff))]
    public async Task SwitchedOffAndLeftOff_Reports(EfVersion version, string sql, string statement, string consequence)
    {
        await VerifyCS.VerifyAnalyzerAsync(Up(sql), version, DbProvider.None, null,
            VerifyCS.Diagnostic("MIG084").WithLocation(0).WithArguments(statement, consequence));
    }

    [Theory]
    [InlineData(EfVersion.Ef10, "ALTER TABLE [Orders] NOCHECK CONSTRAINT ALL;", "INSERT INTO [Orders] SELECT * FROM [Import]; ALTER TABLE [Orders] WITH CHECK CHECK CONSTRAINT ALL;")]
    [InlineData(EfVersion.Ef8, "ALTER TABLE \"Orders\" DISABLE TRIGGER ALL;", "UPDATE \"Orders\" SET \"Total\" = 0; ALTER TABLE \"Orders\" ENABLE TRIGGER ALL;")]
    [InlineData(EfVersion.Ef10, "SET FOREIGN_KEY_CHECKS=0; DROP TABLE `Old`; SET FOREIGN_KEY_CHECKS=1;", null)]
    [InlineData(EfVersion.Ef10, "SET session_replication_role = replica;", "RESET session_replication_role;")]
    [InlineData(EfVersion.Ef8, "PRAGMA foreign_keys = 0;", "PRAGMA foreign_keys = 1;")]
    [InlineData(EfVersion.Ef10, "-- ALTER TABLE [Orders] NOCHECK CONSTRAINT ALL\nSELECT 'SET FOREIGN_KEY_CHECKS = 0';", null)]
    [InlineData(EfVersion.Ef10, "ALTER TABLE [Orders] WITH NOCHECK ADD CONSTRAINT [CK_Total] CHECK ([Total] >= 0);", null)]
    [InlineData(EfVersion.Ef8, "UPDATE \"Settings\" SET foreign_keys = 0;", null)]
    public async Task TurnedBackOnOrNoSwitch_NoDiagnostic(EfVersion version, string first, string? second)
    {
        await VerifyCS.VerifyAnalyzerAsync(Up(first, second, expected: false), version, DbProvider.None, null);
    }
}
