using System.Runtime.CompilerServices;
using BenchmarkDotNet.Attributes;

namespace ResilienceGen.Benchmarks.Runtime;

/// <summary>
/// A breaker per key (KeyBy) on the happy path: the body returns an already completed task and the key was seen
/// before. Against the same breaker without a key, this shows what reading the key and looking its breaker up costs.
/// </summary>
[MemoryDiagnoser]
public partial class KeyedBreakerBenchmarks
{
    private static readonly Task<int> CachedResult = Task.FromResult(42);

    private readonly Uri[] _endpoints =
    [
        new("https://eu.example.com/stock"), new("https://us.example.com/stock"), new("https://asia.example.com/stock"),
    ];

    private int _next;

    [CircuitBreaker("bench.keyed-unkeyed", FailureThreshold = BenchmarkPolicy.FailureThreshold, BreakDurationMs = BenchmarkPolicy.BreakDurationMs)]
    public partial Task<int> GetUnkeyedAsync(Uri endpoint, CancellationToken cancellationToken = default);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private Task<int> GetUnkeyedCoreAsync(Uri endpoint, CancellationToken cancellationToken) => CachedResult;

    [CircuitBreaker("bench.keyed-host", KeyBy = "endpoint.Host", FailureThreshold = BenchmarkPolicy.FailureThreshold, BreakDurationMs = BenchmarkPolicy.BreakDurationMs)]
    public partial Task<int> GetByHostAsync(Uri endpoint, CancellationToken cancellationToken = default);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private Task<int> GetByHostCoreAsync(Uri endpoint, CancellationToken cancellationToken) => CachedResult;

    [CircuitBreaker("bench.keyed-int", KeyBy = "shard", FailureThreshold = BenchmarkPolicy.FailureThreshold, BreakDurationMs = BenchmarkPolicy.BreakDurationMs)]
    public partial Task<int> GetByShardAsync(int shard, CancellationToken cancellationToken = default);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private Task<int> GetByShardCoreAsync(int shard, CancellationToken cancellationToken) => CachedResult;

    private Uri NextEndpoint() => _endpoints[_next++ % _endpoints.Length];

    [Benchmark(Baseline = true)]
    public Task<int> GeneratedBreakerWithoutKey() => GetUnkeyedAsync(NextEndpoint(), CancellationToken.None);

    [Benchmark]
    public Task<int> GeneratedKeyedByUriHost() => GetByHostAsync(NextEndpoint(), CancellationToken.None);

    [Benchmark]
    public Task<int> GeneratedKeyedByInt() => GetByShardAsync(_next++ % 50, CancellationToken.None);
}
