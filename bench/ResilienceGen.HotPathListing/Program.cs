using System.Runtime.CompilerServices;
using ResilienceGen;

// Calls the three happy-path wrappers of bench/ResilienceGen.Benchmarks (retry + breaker, retry alone, breaker alone)
// until the JIT has compiled them at Tier1, so that DOTNET_JitDisasm prints the code a hot caller really runs.
// compare-hot-path.sh runs it for two commits and diffs the listings: a deterministic "no slower" check the
// nanosecond rows cannot give on a noisy machine.
var probe = new HotPathProbe();
long sum = 0;
for (int round = 0; round < 60; round++)
{
    for (int i = 0; i < 100_000; i++)
    {
        sum += probe.GetValueAsync().Result + probe.GetValueRetryOnlyAsync().Result + probe.GetValueBreakerOnlyAsync().Result;
    }

    Thread.Sleep(10); // lets the tiering thread install the Tier1 code between rounds
}

Console.WriteLine(sum);

/// <summary>The declarations of HappyPathCompletedBenchmarks, with the same settings.</summary>
public partial class HotPathProbe
{
    private static readonly Task<int> CachedResult = Task.FromResult(42);

    [WithRetry(MaxRetries = 3, BaseDelayMs = 1, Jitter = false)]
    [CircuitBreaker("hot-path.both", FailureThreshold = 5, BreakDurationMs = 1000)]
    public partial Task<int> GetValueAsync(CancellationToken cancellationToken = default);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private Task<int> GetValueCoreAsync(CancellationToken cancellationToken) => CachedResult;

    [WithRetry(MaxRetries = 3, BaseDelayMs = 1, Jitter = false)]
    public partial Task<int> GetValueRetryOnlyAsync(CancellationToken cancellationToken = default);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private Task<int> GetValueRetryOnlyCoreAsync(CancellationToken cancellationToken) => CachedResult;

    [CircuitBreaker("hot-path.breaker", FailureThreshold = 5, BreakDurationMs = 1000)]
    public partial Task<int> GetValueBreakerOnlyAsync(CancellationToken cancellationToken = default);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private Task<int> GetValueBreakerOnlyCoreAsync(CancellationToken cancellationToken) => CachedResult;
}
