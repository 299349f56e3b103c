namespace ResilienceGen.Hosting.Tests.Infrastructure;

/// <summary>A body the test scripts: succeeds unless told to fail, and can be held open (a probe in flight).</summary>
public sealed class ScriptedBody
{
    private TaskCompletionSource? _hold;

    public bool Failing { get; set; }

    public int Calls { get; private set; }

    /// <summary>From now on each call waits until <see cref="Release"/>.</summary>
    public void Hold() => _hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Release() => _hold?.TrySetResult();

    public async Task<int> RunAsync()
    {
        Calls++;
        if (_hold is { } hold)
        {
            await hold.Task;
        }

        return Failing ? throw new InvalidOperationException("scripted failure") : 42;
    }
}

/// <summary>A retry and a breaker, with no ILogger of its own: it logs through Resilience.LoggerFactory.</summary>
public partial class RetryingTarget(ScriptedBody body)
{
    public const string BreakerName = "hosting-tests.retrying";

    [WithRetry(MaxRetries = 1, BaseDelayMs = 1, Jitter = false)]
    [CircuitBreaker(BreakerName, FailureThreshold = 5, BreakDurationMs = 60_000)]
    public partial Task<int> CallAsync(CancellationToken cancellationToken = default);

    private Task<int> CallCoreAsync(CancellationToken cancellationToken) => body.RunAsync();
}

/// <summary>Breakers that open on the first failure, for the health check.</summary>
public partial class BreakerTargets(ScriptedBody first, ScriptedBody second)
{
    public const string First = "hosting-tests.first";
    public const string Second = "hosting-tests.second";
    public const int BreakDurationMs = 1000;

    [CircuitBreaker(First, FailureThreshold = 1, BreakDurationMs = BreakDurationMs)]
    public partial Task<int> CallFirstAsync(CancellationToken cancellationToken = default);

    [CircuitBreaker(Second, FailureThreshold = 1, BreakDurationMs = BreakDurationMs)]
    public partial Task<int> CallSecondAsync(CancellationToken cancellationToken = default);

    private Task<int> CallFirstCoreAsync(CancellationToken cancellationToken) => first.RunAsync();

    private Task<int> CallSecondCoreAsync(CancellationToken cancellationToken) => second.RunAsync();
}
