namespace MigrationAnalyzers.Rules;

/// <summary>Every rule id of SPEC §3, in one place; ids never change once shipped.</summary>
internal static class RuleIdentifiers
{
    public const string DropTable = "MIG001";
    public const string DropColumn = "MIG002";
    public const string ColumnRename = "MIG003";
    public const string TableRename = "MIG004";
    public const string NarrowingAlterColumn = "MIG005";
    public const string DeleteData = "MIG006";
    public const string DropSchemaOrSequence = "MIG007";

    public const string NotNullColumnWithoutDefault = "MIG020";
    public const string NotNullColumnWithPlaceholderDefault = "MIG021";
    public const string AlterColumnToNotNull = "MIG022";
    public const string UniqueOnExistingTable = "MIG023";
    public const string ConstraintOnExistingTable = "MIG024";
    public const string IdentityChange = "MIG025";

    public const string DownMissing = "MIG040";
    public const string DownEmpty = "MIG041";
    public const string UpOperationNotReverted = "MIG042";
    public const string DownOperationWithoutUp = "MIG043";
    public const string DownOrder = "MIG044";
    public const string DownDefinitionMismatch = "MIG045";
    public const string SqlWithoutDownSql = "MIG046";

    public const string ForeignKeyWithoutIndex = "MIG060";
    public const string BlockingIndexBuild = "MIG061";
    public const string DropIndexLock = "MIG062";
    public const string RedundantIndex = "MIG063";
    public const string TableRewrite = "MIG064";
    public const string VolatileDefault = "MIG065";
    public const string RollingDeployBreak = "MIG066";
    public const string LockingSql = "MIG067";
    public const string LockTimeoutMissing = "MIG068";
    public const string CollationChange = "MIG069";

    public const string DestructiveSql = "MIG080";
    public const string TransactionSuppression = "MIG081";
    public const string NonDescriptiveName = "MIG082";
    public const string MissingOrDuplicateId = "MIG083";
    public const string SafetySwitchedOff = "MIG084";
    public const string SecretInMigration = "MIG085";
    public const string EnsureCreatedWithMigrations = "MIG086";
    public const string MySqlNonTransactionalDdl = "MIG087";
    public const string LargeSeedData = "MIG088";

    public const string HelpRoot = "https://github.com/migration-analyzers/MigrationAnalyzers/blob/main/docs/rules/";

    public static string GetHelpUri(string id) => HelpRoot + id + ".md";
}
