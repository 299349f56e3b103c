using System.Runtime.CompilerServices;
using BenchmarkDotNet.Attributes;
using Polly;

namespace ResilienceGen.Benchmarks.Runtime;

/// <summary>
/// Case 1, the happy path: the body returns an already completed <see cref="Task{TResult}"/> (a cache hit, say).
/// The caller gets the task back; the overhead is everything the wrapper does around one call.
/// </summary>
[MemoryDiagnoser]
public partial class HappyPathCompletedBenchmarks
{
    private static readonly Task<int> CachedResult = Task.FromResult(42);

    private readonly ResiliencePipeline _polly = PollyPipelines.RetryThenBreaker();
    private readonly ResiliencePipeline _pollyAllLayers = PollyPipelines.TimeoutRetryBreaker();
    private int _nextShard;

    // The user's declaration: the generator writes its body (retry outside the breaker).
    [WithRetry(MaxRetries = BenchmarkPolicy.MaxRetries, BaseDelayMs = BenchmarkPolicy.BaseDelayMs, Jitter = false)]
    [CircuitBreaker("bench.happy-completed", FailureThreshold = BenchmarkPolicy.FailureThreshold, BreakDurationMs = BenchmarkPolicy.BreakDurationMs)]
    public partial Task<int> GetValueAsync(CancellationToken cancellationToken = default);

    // The body, as a user writes it beside the attributed declaration.
    // Not inlined: a real body is too big to inline, and the baseline should time a call, not nothing.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private Task<int> GetValueCoreAsync(CancellationToken cancellationToken) => CachedResult;

    // The same body behind one layer at a time, to see what each layer costs on its own.
    [WithRetry(MaxRetries = BenchmarkPolicy.MaxRetries, BaseDelayMs = BenchmarkPolicy.BaseDelayMs, Jitter = false)]
    public partial Task<int> GetValueRetryOnlyAsync(CancellationToken cancellationToken = default);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private Task<int> GetValueRetryOnlyCoreAsync(CancellationToken cancellationToken) => CachedResult;

    [CircuitBreaker("bench.happy-completed-breaker-only", FailureThreshold = BenchmarkPolicy.FailureThreshold, BreakDurationMs = BenchmarkPolicy.BreakDurationMs)]
    public partial Task<int> GetValueBreakerOnlyAsync(CancellationToken cancellationToken = default);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private Task<int> GetValueBreakerOnlyCoreAsync(CancellationToken cancellationToken) => CachedResult;

    // Every layer (issue 21): attempt and total timeouts, retry with a budget, a breaker per shard.
    [WithTimeout(AttemptMs = BenchmarkPolicy.AttemptTimeoutMs, TotalMs = BenchmarkPolicy.TotalTimeoutMs)]
    [WithRetry(MaxRetries = BenchmarkPolicy.MaxRetries, BaseDelayMs = BenchmarkPolicy.BaseDelayMs, Jitter = false, BudgetPercent = BenchmarkPolicy.BudgetPercent)]
    [CircuitBreaker("bench.happy-completed-all-layers", KeyBy = "shard", FailureThreshold = BenchmarkPolicy.FailureThreshold, BreakDurationMs = BenchmarkPolicy.BreakDurationMs)]
    public partial Task<int> GetValueAllLayersAsync(int shard, CancellationToken cancellationToken = default);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private Task<int> GetValueAllLayersCoreAsync(int shard, CancellationToken cancellationToken) => CachedResult;

    // The shard the keyed rows pass: cycling over a few keys, so the keyed breaker looks up more than one breaker.
    private int NextShard() => _nextShard++ & (BenchmarkPolicy.FewKeys - 1);

    [Benchmark(Baseline = true)]
    public Task<int> DirectCall() => GetValueCoreAsync(CancellationToken.None);

    // A reference point, not a rival: the least any wrapper that is its own method costs (one more call, no checks).
    [Benchmark]
    public Task<int> EmptyHandWrittenWrapper() => EmptyWrapperAsync(CancellationToken.None);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private Task<int> EmptyWrapperAsync(CancellationToken cancellationToken) => GetValueCoreAsync(cancellationToken);

    [Benchmark]
    public Task<int> GeneratedWrapper() => GetValueAsync(CancellationToken.None);

    [Benchmark]
    public Task<int> GeneratedRetryOnly() => GetValueRetryOnlyAsync(CancellationToken.None);

    [Benchmark]
    public Task<int> GeneratedBreakerOnly() => GetValueBreakerOnlyAsync(CancellationToken.None);

    // Every layer on: the overhead next to EmptyHandWrittenWrapper is what all four layers cost on a cached task.
    // It also pays for picking the next shard (a field increment), which the other rows do not do.
    [Benchmark]
    public Task<int> GeneratedAllLayers() => GetValueAllLayersAsync(NextShard(), CancellationToken.None);

    // Timeout + retry + breaker: Polly has no breaker per key and no retry budget (see PollyPipelines.TimeoutRetryBreaker).
    [Benchmark]
    public ValueTask<int> PollyTimeoutRetryBreaker() =>
        _pollyAllLayers.ExecuteAsync(
            static (self, cancellationToken) => new ValueTask<int>(self.GetValueCoreAsync(cancellationToken)),
            this,
            CancellationToken.None);

    [Benchmark]
    public ValueTask<int> PollyPipeline() =>
        _polly.ExecuteAsync(
            static (self, cancellationToken) => new ValueTask<int>(self.GetValueCoreAsync(cancellationToken)),
            this,
            CancellationToken.None);
}
