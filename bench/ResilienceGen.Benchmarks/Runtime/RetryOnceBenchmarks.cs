using BenchmarkDotNet.Attributes;
using Polly;

namespace ResilienceGen.Benchmarks.Runtime;

/// <summary>
/// Case 3, the retry path: the first attempt fails (a faulted task with a new exception), the second succeeds,
/// with zero delay between them. The baseline is the same body retried by a hand-written try/catch.
/// </summary>
[MemoryDiagnoser]
public partial class RetryOnceBenchmarks
{
    private static readonly Task<int> CachedResult = Task.FromResult(42);

    private readonly ResiliencePipeline _polly = PollyPipelines.RetryThenBreaker();

    // Set before each call: the next attempt fails, the one after succeeds.
    private bool _failNextAttempt;

    // The user's declaration: the generator writes its body (retry outside the breaker).
    [WithRetry(MaxRetries = BenchmarkPolicy.MaxRetries, BaseDelayMs = BenchmarkPolicy.BaseDelayMs, Jitter = false)]
    [CircuitBreaker("bench.retry-once", FailureThreshold = BenchmarkPolicy.FailureThreshold, BreakDurationMs = BenchmarkPolicy.BreakDurationMs)]
    public partial Task<int> GetValueAsync(CancellationToken cancellationToken = default);

    private Task<int> GetValueCoreAsync(CancellationToken cancellationToken)
    {
        if (_failNextAttempt)
        {
            _failNextAttempt = false;
            return Task.FromException<int>(new TransientFailure());
        }

        return CachedResult;
    }

    [Benchmark(Baseline = true)]
    public async Task<int> DirectCallWithHandWrittenRetry()
    {
        _failNextAttempt = true;
        try
        {
            return await GetValueCoreAsync(CancellationToken.None);
        }
        catch (TransientFailure)
        {
            return await GetValueCoreAsync(CancellationToken.None);
        }
    }

    [Benchmark]
    public Task<int> GeneratedWrapper()
    {
        _failNextAttempt = true;
        return GetValueAsync(CancellationToken.None);
    }

    [Benchmark]
    public ValueTask<int> PollyPipeline()
    {
        _failNextAttempt = true;
        return _polly.ExecuteAsync(
            static (self, cancellationToken) => new ValueTask<int>(self.GetValueCoreAsync(cancellationToken)),
            this,
            CancellationToken.None);
    }
}
