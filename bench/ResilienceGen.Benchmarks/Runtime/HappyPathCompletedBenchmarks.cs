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

    [Benchmark]
    public ValueTask<int> PollyPipeline() =>
        _polly.ExecuteAsync(
            static (self, cancellationToken) => new ValueTask<int>(self.GetValueCoreAsync(cancellationToken)),
            this,
            CancellationToken.None);
}
