using System;
using Microsoft.Extensions.Logging;

namespace MigrationAnalyzers.Verification.Running;

/// <summary>Tells the user's callback and logger which migration and step is running, so a long history shows where it is.</summary>
internal sealed class ProgressReporter
{
    private readonly Action<string>? _callback;
    private readonly ILogger? _logger;

    public ProgressReporter(Action<string>? callback, ILogger? logger)
    {
        _callback = callback;
        _logger = logger;
    }

    public void Report(string message)
    {
        _callback?.Invoke(message);
        if (_logger is not null && _logger.IsEnabled(LogLevel.Information))
        {
            _logger.LogInformation("{MigrationVerificationProgress}", message);
        }
    }
}
