using System;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;

namespace MigrationAnalyzers.Verification.Running;

/// <summary>
/// Runs every database step of a verification under two time limits, one per step and one for
/// the whole run, so that a step waiting on a lock, an open transaction or a slow statement ends
/// as a <see cref="StepTimeoutException"/> naming the migration and step instead of a test that
/// never ends. The step runs on the thread pool and is abandoned (after being told to cancel) when
/// its time is up: a provider that blocks without honouring cancellation cannot hold the run.
/// </summary>
internal sealed class StepGuard
{
    private readonly TimeSpan _perStep;
    private readonly TimeSpan _overall;
    private readonly CancellationToken _cancellation;
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    public StepGuard(TimeSpan perStep, TimeSpan overall, CancellationToken cancellation)
    {
        _perStep = perStep;
        _overall = overall;
        _cancellation = cancellation;
    }

    public TimeSpan Elapsed => _clock.Elapsed;

    /// <summary>True once the whole run's time is used up: nothing more should be started.</summary>
    public bool OverallLimitReached => _clock.Elapsed >= _overall;

    public async Task<T> RunAsync<T>(string? migration, VerificationStep step, string activity, Func<CancellationToken, Task<T>> work)
    {
        _cancellation.ThrowIfCancellationRequested();
        var remaining = _overall - _clock.Elapsed;
        var overallBinds = remaining <= _perStep;
        var limit = overallBinds ? remaining : _perStep;
        if (limit <= TimeSpan.Zero)
        {
            throw new StepTimeoutException(migration, step, activity, _overall, overall: true);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_cancellation);
        timeout.CancelAfter(limit);
        var task = Task.Run(() => work(timeout.Token), CancellationToken.None);
        var finished = await Task.WhenAny(task, Task.Delay(Timeout.InfiniteTimeSpan, timeout.Token)).ConfigureAwait(false);
        if (finished == task)
        {
            try
            {
                return await task.ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (timeout.IsCancellationRequested && !_cancellation.IsCancellationRequested)
            {
                throw new StepTimeoutException(migration, step, activity, overallBinds ? _overall : _perStep, overallBinds);
            }
        }

        _cancellation.ThrowIfCancellationRequested();
        // The abandoned step may still fail later; observe that so it is not an unobserved exception.
        _ = task.ContinueWith(t => t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        throw new StepTimeoutException(migration, step, activity, overallBinds ? _overall : _perStep, overallBinds);
    }
}
