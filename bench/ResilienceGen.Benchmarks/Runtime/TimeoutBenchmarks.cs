using System.Runtime.CompilerServices;
using BenchmarkDotNet.Attributes;
using Polly;
using Polly.Timeout;

namespace ResilienceGen.Benchmarks.Runtime;

/// <summary>
/// [WithTimeout] (issue 15) beside Polly's timeout strategy, in one run: the happy path (the body returns an already
/// completed task, so the attempt's token source is armed and given back), alone and with retry and breaker; and a
/// call that times out (a 1 ms limit on a body that waits for its token), where the timer's own resolution dominates.
/// </summary>
[MemoryDiagnoser]
public partial class TimeoutBenchmarks
{
    private const int LimitMs = 10_000;
    private const int TimesOutAfterMs = 10; // Polly's least timeout
    private static readonly Task<int> CachedResult = Task.FromResult(42);

    private readonly ResiliencePipeline _pollyTimeout = new ResiliencePipelineBuilder()
        .AddTimeout(TimeSpan.FromMilliseconds(LimitMs))
        .Build();

    // Microsoft's standard order, as [WithTimeout] + [WithRetry] + [CircuitBreaker] run: total, retry, breaker, attempt.
    private readonly ResiliencePipeline _pollyAllThree = new ResiliencePipelineBuilder()
        .AddTimeout(TimeSpan.FromMilliseconds(3 * LimitMs))
        .AddPipeline(PollyPipelines.RetryThenBreaker())
        .AddTimeout(TimeSpan.FromMilliseconds(LimitMs))
        .Build();

    private readonly ResiliencePipeline _pollyTimesOut = new ResiliencePipelineBuilder()
        .AddTimeout(TimeSpan.FromMilliseconds(TimesOutAfterMs))
        .Build();

    [WithTimeout(AttemptMs = LimitMs)]
    public partial Task<int> GetValueTimedAsync(CancellationToken cancellationToken = default);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private Task<int> GetValueTimedCoreAsync(CancellationToken cancellationToken) => CachedResult;

    [WithTimeout(AttemptMs = LimitMs, TotalMs = 3 * LimitMs)]
    [WithRetry(MaxRetries = BenchmarkPolicy.MaxRetries, BaseDelayMs = BenchmarkPolicy.BaseDelayMs, Jitter = false)]
    [CircuitBreaker("bench.timeout-all-three", FailureThreshold = BenchmarkPolicy.FailureThreshold, BreakDurationMs = BenchmarkPolicy.BreakDurationMs)]
    public partial Task<int> GetValueAllThreeAsync(CancellationToken cancellationToken = default);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private Task<int> GetValueAllThreeCoreAsync(CancellationToken cancellationToken) => CachedResult;

    [WithTimeout(AttemptMs = TimesOutAfterMs)]
    public static partial Task<int> HangTimedAsync(CancellationToken cancellationToken = default);

    private static async Task<int> HangTimedCoreAsync(CancellationToken cancellationToken)
    {
        await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
        return 0;
    }

    [Benchmark(Baseline = true)]
    public Task<int> DirectCall() => GetValueTimedCoreAsync(CancellationToken.None);

    [Benchmark]
    public Task<int> GeneratedTimeout() => GetValueTimedAsync(CancellationToken.None);

    [Benchmark]
    public ValueTask<int> PollyTimeout() =>
        _pollyTimeout.ExecuteAsync(
            static (self, cancellationToken) => new ValueTask<int>(self.GetValueTimedCoreAsync(cancellationToken)),
            this,
            CancellationToken.None);

    [Benchmark]
    public Task<int> GeneratedAllThree() => GetValueAllThreeAsync(CancellationToken.None);

    [Benchmark]
    public ValueTask<int> PollyAllThree() =>
        _pollyAllThree.ExecuteAsync(
            static (self, cancellationToken) => new ValueTask<int>(self.GetValueAllThreeCoreAsync(cancellationToken)),
            this,
            CancellationToken.None);

    [Benchmark]
    public async Task<int> GeneratedTimesOut()
    {
        try
        {
            return await HangTimedAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (ResilienceTimeoutException)
        {
            return -1;
        }
    }

    [Benchmark]
    public async Task<int> PollyTimesOut()
    {
        try
        {
            return await _pollyTimesOut.ExecuteAsync(
                static async cancellationToken => await HangTimedCoreAsync(cancellationToken).ConfigureAwait(false),
                CancellationToken.None).ConfigureAwait(false);
        }
        catch (TimeoutRejectedException)
        {
            return -1;
        }
    }
}
