using BenchmarkDotNet.Attributes;
using Polly;

namespace ResilienceGen.Benchmarks.Runtime;

/// <summary>
/// Case 2, the awaiting happy path: the body really goes asynchronous (<c>await Task.Yield()</c>), so every layer
/// has to await it. Each invocation awaits <see cref="CallsPerInvoke"/> calls in a loop, the way a caller would,
/// so BenchmarkDotNet's one blocking wait per invocation is spread thin; the caller's own async frame
/// (allocated once per invocation) adds the same few bytes per call to every row.
/// </summary>
[MemoryDiagnoser]
public partial class HappyPathYieldingBenchmarks
{
    private const int CallsPerInvoke = 64;

    private readonly ResiliencePipeline _polly = PollyPipelines.RetryThenBreaker();
    private readonly ResiliencePipeline _pollyAllLayers = PollyPipelines.TimeoutRetryBreaker();

    // The user's declaration: the generator writes its body (retry outside the breaker).
    [WithRetry(MaxRetries = BenchmarkPolicy.MaxRetries, BaseDelayMs = BenchmarkPolicy.BaseDelayMs, Jitter = false)]
    [CircuitBreaker("bench.happy-yielding", FailureThreshold = BenchmarkPolicy.FailureThreshold, BreakDurationMs = BenchmarkPolicy.BreakDurationMs)]
    public partial Task<int> GetValueAsync(CancellationToken cancellationToken = default);

    private async Task<int> GetValueCoreAsync(CancellationToken cancellationToken)
    {
        await Task.Yield();
        return 42;
    }

    // Every layer (issue 21): attempt and total timeouts, retry with a budget, a breaker per shard.
    [WithTimeout(AttemptMs = BenchmarkPolicy.AttemptTimeoutMs, TotalMs = BenchmarkPolicy.TotalTimeoutMs)]
    [WithRetry(MaxRetries = BenchmarkPolicy.MaxRetries, BaseDelayMs = BenchmarkPolicy.BaseDelayMs, Jitter = false, BudgetPercent = BenchmarkPolicy.BudgetPercent)]
    [CircuitBreaker("bench.happy-yielding-all-layers", KeyBy = "shard", FailureThreshold = BenchmarkPolicy.FailureThreshold, BreakDurationMs = BenchmarkPolicy.BreakDurationMs)]
    public partial Task<int> GetValueAllLayersAsync(int shard, CancellationToken cancellationToken = default);

    private async Task<int> GetValueAllLayersCoreAsync(int shard, CancellationToken cancellationToken)
    {
        await Task.Yield();
        return 42;
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = CallsPerInvoke)]
    public async Task<int> DirectCall()
    {
        int sum = 0;
        for (int i = 0; i < CallsPerInvoke; i++)
        {
            sum += await GetValueCoreAsync(CancellationToken.None);
        }

        return sum;
    }

    // A reference point, not a rival: the least any wrapper that returns a task of its own costs here, an async
    // method that only awaits the body. Its async frame is the floor under the generated wrapper's.
    [Benchmark(OperationsPerInvoke = CallsPerInvoke)]
    public async Task<int> EmptyAsyncWrapper()
    {
        int sum = 0;
        for (int i = 0; i < CallsPerInvoke; i++)
        {
            sum += await EmptyWrapperAsync(CancellationToken.None);
        }

        return sum;
    }

    private async Task<int> EmptyWrapperAsync(CancellationToken cancellationToken) =>
        await GetValueCoreAsync(cancellationToken).ConfigureAwait(false);

    [Benchmark(OperationsPerInvoke = CallsPerInvoke)]
    public async Task<int> GeneratedWrapper()
    {
        int sum = 0;
        for (int i = 0; i < CallsPerInvoke; i++)
        {
            sum += await GetValueAsync(CancellationToken.None);
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = CallsPerInvoke)]
    public async Task<int> PollyPipeline()
    {
        int sum = 0;
        for (int i = 0; i < CallsPerInvoke; i++)
        {
            sum += await _polly.ExecuteAsync(
                static (self, cancellationToken) => new ValueTask<int>(self.GetValueCoreAsync(cancellationToken)),
                this,
                CancellationToken.None);
        }

        return sum;
    }

    [Benchmark(OperationsPerInvoke = CallsPerInvoke)]
    public async Task<int> GeneratedAllLayers()
    {
        int sum = 0;
        for (int i = 0; i < CallsPerInvoke; i++)
        {
            sum += await GetValueAllLayersAsync(i & (BenchmarkPolicy.FewKeys - 1), CancellationToken.None);
        }

        return sum;
    }

    // Timeout + retry + breaker: Polly has no breaker per key and no retry budget (see PollyPipelines.TimeoutRetryBreaker),
    // so this row does less than GeneratedAllLayers.
    [Benchmark(OperationsPerInvoke = CallsPerInvoke)]
    public async Task<int> PollyTimeoutRetryBreaker()
    {
        int sum = 0;
        for (int i = 0; i < CallsPerInvoke; i++)
        {
            sum += await _pollyAllLayers.ExecuteAsync(
                static (self, cancellationToken) => new ValueTask<int>(self.GetValueCoreAsync(cancellationToken)),
                this,
                CancellationToken.None);
        }

        return sum;
    }
}
