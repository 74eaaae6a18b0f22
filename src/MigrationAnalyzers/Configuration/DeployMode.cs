namespace MigrationAnalyzers.Configuration;

internal enum DeployMode
{
    /// <summary>The default: the application is stopped while migrations run.</summary>
    Downtime,

    /// <summary>Old and new application instances run side by side during the deployment.</summary>
    Rolling,
}
