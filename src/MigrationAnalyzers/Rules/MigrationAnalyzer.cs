using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace MigrationAnalyzers.Rules;

/// <summary>
/// The package's analyzer: every migration rule, run by one <see cref="MigrationRuleHost"/> (one
/// callback per migration class, the shared work done once). A new rule is added to this list;
/// <c>AllAnalyzersTests</c> fails when one is missing.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class MigrationAnalyzer : MigrationRuleHost
{
    private static readonly ImmutableArray<MigrationRuleAnalyzer> Rules = ImmutableArray.Create<MigrationRuleAnalyzer>(
        new AlterColumnToNotNullRule(),
        new BlockingIndexBuildRule(),
        new CollationChangeRule(),
        new ColumnRenameRule(),
        new ConstraintOnExistingTableRule(),
        new DeleteDataRule(),
        new DestructiveSqlRule(),
        new DownDefinitionMismatchRule(),
        new DownEmptyRule(),
        new DownMissingRule(),
        new DownOperationWithoutUpRule(),
        new DownOrderRule(),
        new DropColumnRule(),
        new DropIndexLockRule(),
        new DropSchemaOrSequenceRule(),
        new DropTableRule(),
        new EnsureCreatedWithMigrationsRule(),
        new ForeignKeyWithoutIndexRule(),
        new IdentityChangeRule(),
        new LargeSeedDataRule(),
        new LockTimeoutMissingRule(),
        new LockingSqlRule(),
        new MigrationIdRule(),
        new MySqlNonTransactionalDdlRule(),
        new NarrowingAlterColumnRule(),
        new NonDescriptiveNameRule(),
        new NotNullColumnWithoutDefaultRule(),
        new PlaceholderDefaultRule(),
        new RedundantIndexRule(),
        new RollingDeployBreakRule(),
        new SafetySwitchedOffRule(),
        new SecretInMigrationRule(),
        new SqlWithoutDownSqlRule(),
        new TableRenameRule(),
        new TableRewriteRule(),
        new TransactionSuppressionRule(),
        new UniqueOnExistingTableRule(),
        new UpOperationNotRevertedRule(),
        new VolatileDefaultRule());

    private static readonly ImmutableArray<DiagnosticDescriptor> Descriptors =
        Rules.SelectMany(rule => rule.SupportedDiagnostics).Distinct().ToImmutableArray();

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => Descriptors;

    private protected override ImmutableArray<MigrationRuleAnalyzer> HostedRules => Rules;
}
