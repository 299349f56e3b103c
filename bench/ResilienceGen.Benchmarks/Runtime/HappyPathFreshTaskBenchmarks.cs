using System.Runtime.CompilerServices;
using BenchmarkDotNet.Attributes;
using Polly;

namespace ResilienceGen.Benchmarks.Runtime;

/// <summary>
/// Issue 21, the happy path as a new user writes it: the body returns a freshly completed task,
/// <c>Task.FromResult(x + 1)</c> (a new <see cref="Task{TResult}"/> per call, not a cached one), and the caller is an
/// <c>async</c> method awaiting the wrapper. Each invocation awaits <see cref="CallsPerInvoke"/> calls in a loop, so
/// the figures are per call. Every task completes synchronously, so the caller's async frame never leaves the stack
/// and never allocates: the bytes per call are the body's task plus whatever the wrapper adds.
/// </summary>
/// <remarks>
/// Every row takes the same arguments (a shard, a value, a token); only the all-four-layers rows read the shard
/// (their breaker is keyed by it, over <see cref="BenchmarkPolicy.FewKeys"/> keys). The values start at 1,000, beyond
/// the small integers whose completed tasks the runtime caches.
/// </remarks>
[MemoryDiagnoser]
public partial class HappyPathFreshTaskBenchmarks
{
    private const int CallsPerInvoke = 64;
    private const int FirstValue = 1_000;

    private readonly ResiliencePipeline _pollyRetryBreaker = PollyPipelines.RetryThenBreaker();
    private readonly ResiliencePipeline _pollyAllLayers = PollyPipelines.TimeoutRetryBreaker();

    // Retry outside the breaker, as in the other happy-path benchmarks.
    [WithRetry(MaxRetries = BenchmarkPolicy.MaxRetries, BaseDelayMs = BenchmarkPolicy.BaseDelayMs, Jitter = false)]
    [CircuitBreaker("bench.fresh-retry-breaker", FailureThreshold = BenchmarkPolicy.FailureThreshold, BreakDurationMs = BenchmarkPolicy.BreakDurationMs)]
    public partial Task<int> AddOneAsync(int shard, int x, CancellationToken cancellationToken = default);

    // The body, as a user writes it beside the declaration; the direct, hand-written and Polly rows call it too.
    // Not inlined: a real body is too big to inline, and the baseline should time a call.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private Task<int> AddOneCoreAsync(int shard, int x, CancellationToken cancellationToken) => Task.FromResult(x + 1);

    // Every layer: attempt and total timeouts, retry with a budget, a breaker per shard.
    [WithTimeout(AttemptMs = BenchmarkPolicy.AttemptTimeoutMs, TotalMs = BenchmarkPolicy.TotalTimeoutMs)]
    [WithRetry(MaxRetries = BenchmarkPolicy.MaxRetries, BaseDelayMs = BenchmarkPolicy.BaseDelayMs, Jitter = false, BudgetPercent = BenchmarkPolicy.BudgetPercent)]
    [CircuitBreaker("bench.fresh-all-layers", KeyBy = "shard", FailureThreshold = BenchmarkPolicy.FailureThreshold, BreakDurationMs = BenchmarkPolicy.BreakDurationMs)]
    public partial Task<int> AddOneAllLayersAsync(int shard, int x, CancellationToken cancellationToken = default);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private Task<int> AddOneAllLayersCoreAsync(int shard, int x, CancellationToken cancellationToken) => Task.FromResult(x + 1);

    [Benchmark(Baseline = true, OperationsPerInvoke = CallsPerInvoke)]
    public async Task<int> DirectCall()
    {
        int sum = 0;
        for (int i = 0; i < CallsPerInvoke; i++)
        {
            sum += await AddOneCoreAsync(i % BenchmarkPolicy.FewKeys, FirstValue + i, CancellationToken.None);
        }

        return sum;
    }

    // A reference point, not a rival: what a hand-written wrapper costs when it is written the obvious way, an async
    // method that awaits the body. Its own task (the body's result is not a cached value) is the bytes it adds.
    [Benchmark(OperationsPerInvoke = CallsPerInvoke)]
    public async Task<int> EmptyHandWrittenAsyncWrapper()
    {
        int sum = 0;
        for (int i = 0; i < CallsPerInvoke; i++)
        {
            sum += await EmptyAsyncWrapper(i % BenchmarkPolicy.FewKeys, FirstValue + i, CancellationToken.None);
        }

        return sum;
    }

    private async Task<int> EmptyAsyncWrapper(int shard, int x, CancellationToken cancellationToken) =>
        await AddOneCoreAsync(shard, x, cancellationToken).ConfigureAwait(false);

    // The floor: a non-inlined method that only hands the body's task back (no checks, no frame of its own).
    [Benchmark(OperationsPerInvoke = CallsPerInvoke)]
    public async Task<int> EmptyHandWrittenForwarder()
    {
        int sum = 0;
        for (int i = 0; i < CallsPerInvoke; i++)
        {
            sum += await EmptyForwarder(i % BenchmarkPolicy.FewKeys, FirstValue + i, CancellationToken.None);
        }

        return sum;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private Task<int> EmptyForwarder(int shard, int x, CancellationToken cancellationToken) => AddOneCoreAsync(shard, x, cancellationToken);

    [Benchmark(OperationsPerInvoke = CallsPerInvoke)]
    public async Task<int> GeneratedRetryBreaker()
    {
        int sum = 0;
        for (int i = 0; i < CallsPerInvoke; i++)
        {
            sum += await AddOneAsync(i % BenchmarkPolicy.FewKeys, FirstValue + i, CancellationToken.None);
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = CallsPerInvoke)]
    public async Task<int> GeneratedAllLayers()
    {
        int sum = 0;
        for (int i = 0; i < CallsPerInvoke; i++)
        {
            sum += await AddOneAllLayersAsync(i % BenchmarkPolicy.FewKeys, FirstValue + i, CancellationToken.None);
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = CallsPerInvoke)]
    public async Task<int> PollyRetryBreaker()
    {
        int sum = 0;
        for (int i = 0; i < CallsPerInvoke; i++)
        {
            sum += await _pollyRetryBreaker.ExecuteAsync(
                static (args, cancellationToken) => new ValueTask<int>(args.Self.AddOneCoreAsync(args.Shard, args.X, cancellationToken)),
                (Self: this, Shard: i % BenchmarkPolicy.FewKeys, X: FirstValue + i),
                CancellationToken.None);
        }

        return sum;
    }

    // Timeout + retry + breaker, the nearest Polly has to the four layers: no breaker per key and no retry budget
    // (see PollyPipelines.TimeoutRetryBreaker), so this row does less than GeneratedAllLayers.
    [Benchmark(OperationsPerInvoke = CallsPerInvoke)]
    public async Task<int> PollyTimeoutRetryBreaker()
    {
        int sum = 0;
        for (int i = 0; i < CallsPerInvoke; i++)
        {
            sum += await _pollyAllLayers.ExecuteAsync(
                static (args, cancellationToken) => new ValueTask<int>(args.Self.AddOneCoreAsync(args.Shard, args.X, cancellationToken)),
                (Self: this, Shard: i % BenchmarkPolicy.FewKeys, X: FirstValue + i),
                CancellationToken.None);
        }

        return sum;
    }
}
