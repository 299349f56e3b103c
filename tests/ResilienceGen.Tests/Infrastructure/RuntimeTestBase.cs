using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using ResilienceGen.Internal;

namespace ResilienceGen.Tests.Infrastructure;

/// <summary>
/// Every test class here touches process-wide state (the registry, <see cref="Resilience.TimeProvider"/>, the
/// meter), so the assembly runs its tests one at a time (see AssemblyInfo.cs). Each test starts with an empty
/// registry, a fresh fake clock and no logger factory, and puts the defaults back when done.
/// </summary>
public abstract class RuntimeTestBase : IDisposable
{
    private static int s_nameCounter;

    protected RuntimeTestBase()
    {
        Resilience.Breakers.ClearForTesting();
        Resilience.RestoreDefaultsForTesting();
        Time = new TimerRecordingTimeProvider();
        Resilience.TimeProvider = Time;
    }

    /// <summary>The library's fake clock (starting 2000-01-01 UTC), also recording the timers the runtime creates.</summary>
    protected TimerRecordingTimeProvider Time { get; }

    /// <summary>
    /// Makes <see cref="Resilience.LoggerFactory"/> a factory over a fresh <see cref="FakeLoggerProvider"/> (every
    /// level enabled) and returns the collector that receives what every category logs through it.
    /// </summary>
    protected static FakeLogCollector UseFakeLoggerFactory()
    {
        var provider = new FakeLoggerProvider();
        Resilience.LoggerFactory = new LoggerFactory([provider]);
        return provider.Collector;
    }

    /// <summary>Collects what <paramref name="instrument"/> of the runtime's <c>ResilienceGen</c> meter records while alive.</summary>
    protected static MetricCollector<long> CollectInstrument(string instrument) => new(null, "ResilienceGen", instrument);

    /// <summary>A breaker/method name no other test uses.</summary>
    protected static string UniqueName(string prefix = "Tests.Target") => $"{prefix}{Interlocked.Increment(ref s_nameCounter)}";

    /// <summary>Retry settings whose delays are exact (no jitter): Constant 100 ms unless said otherwise.</summary>
    protected static RetryOptions Retry(int maxRetries = 3, int baseDelayMs = 100, BackoffKind backoff = BackoffKind.Constant, bool jitter = false)
        => new() { MaxRetries = maxRetries, BaseDelayMs = baseDelayMs, Backoff = backoff, Jitter = jitter };

    protected static CircuitBreakerOptions Breaker(string? name = null, int failureThreshold = 5, int breakDurationMs = 30_000, int halfOpenMaxCalls = 1, int successThreshold = 1)
        => new()
        {
            Name = name ?? UniqueName("breaker"),
            FailureThreshold = failureThreshold,
            BreakDurationMs = breakDurationMs,
            HalfOpenMaxCalls = halfOpenMaxCalls,
            SuccessThreshold = successThreshold,
        };

    protected static ResilientMethod Method(RetryOptions? retry, CircuitBreakerOptions? breaker, string? methodName = null)
        => new(methodName ?? UniqueName("Tests.Target.Method"), retry, breaker);

    /// <summary>Calls <paramref name="method"/> the way a generated wrapper would, with a static body lambda.</summary>
    protected static Task<int> Call(
        ResilientMethod method, Flaky body, Func<Flaky, Exception, bool>? retryFilter = null,
        Func<Flaky, Exception, bool>? breakerFilter = null, CancellationToken cancellationToken = default,
        Microsoft.Extensions.Logging.ILogger? logger = null)
        => ResilientInvoker.RunTaskOf(method, logger, body, static b => b.CompletedAsync(), retryFilter, breakerFilter, cancellationToken);

    /// <summary>
    /// Lets <paramref name="task"/> finish by moving the fake clock to each pending timer in turn (retry delays);
    /// never waits on real time except to let continuations on other threads run.
    /// </summary>
    protected async Task<T> Drive<T>(Task<T> task)
    {
        var guard = System.Diagnostics.Stopwatch.StartNew();
        while (!task.IsCompleted)
        {
            if (Time.NextDueIn is { } due && await SettledAsync(task, due))
            {
                Time.Advance(due);
            }
            else
            {
                await Task.Yield();
            }

            Assert.True(guard.Elapsed < TimeSpan.FromSeconds(30), "the call did not finish");
        }

        return await task;
    }

    /// <summary>
    /// Before the clock moves to the next timer: lets what another thread is doing settle. A retry goes on on the
    /// pool after its delay and arms the next attempt's timer before its body returns; moving the clock in between
    /// fires a timeout the call would never reach (the likely cause of a CI run that saw 2.1 s of fake time where 1.1 s was right). Settled: a
    /// little real time later, the call is still running and the same timer is still the next one.
    /// </summary>
    private async Task<bool> SettledAsync(Task task, TimeSpan due)
    {
        await Task.Delay(3).ConfigureAwait(false);
        return !task.IsCompleted && Time.NextDueIn == due;
    }

    protected async Task Drive(Task task)
    {
        await Drive(task.ContinueWith(static t => t, TaskScheduler.Default)).ConfigureAwait(false);
        await task;
    }

    public virtual void Dispose()
    {
        Resilience.Breakers.ClearForTesting();
        Resilience.RestoreDefaultsForTesting();
        GC.SuppressFinalize(this);
    }
}
