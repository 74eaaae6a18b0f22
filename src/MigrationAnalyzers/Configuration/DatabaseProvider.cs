namespace MigrationAnalyzers.Configuration;

internal enum DatabaseProvider
{
    /// <summary>Not configured and not inferable: only provider-neutral rules report.</summary>
    Unknown,
    PostgreSql,
    SqlServer,
    Sqlite,
    MySql,
}
