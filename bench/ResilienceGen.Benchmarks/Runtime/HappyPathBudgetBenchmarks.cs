using System.Runtime.CompilerServices;
using BenchmarkDotNet.Attributes;

namespace ResilienceGen.Benchmarks.Runtime;

/// <summary>
/// Case 1 (the happy path, a completed task) with a retry budget (issue 17): what counting every call into the
/// budget costs, row beside row with the same retry policy without one. The budget's count is a striped plain
/// write, with a look at the clock every 64th call of a thread.
/// </summary>
[MemoryDiagnoser]
public partial class HappyPathBudgetBenchmarks
{
    private static readonly Task<int> CachedResult = Task.FromResult(42);

    [WithRetry(MaxRetries = BenchmarkPolicy.MaxRetries, BaseDelayMs = BenchmarkPolicy.BaseDelayMs, Jitter = false)]
    public partial Task<int> GetValueRetryOnlyAsync(CancellationToken cancellationToken = default);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private Task<int> GetValueRetryOnlyCoreAsync(CancellationToken cancellationToken) => CachedResult;

    [WithRetry(MaxRetries = BenchmarkPolicy.MaxRetries, BaseDelayMs = BenchmarkPolicy.BaseDelayMs, Jitter = false, BudgetPercent = 20)]
    public partial Task<int> GetValueWithBudgetAsync(CancellationToken cancellationToken = default);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private Task<int> GetValueWithBudgetCoreAsync(CancellationToken cancellationToken) => CachedResult;

    [Benchmark(Baseline = true)]
    public Task<int> DirectCall() => GetValueRetryOnlyCoreAsync(CancellationToken.None);

    [Benchmark]
    public Task<int> GeneratedRetryOnly() => GetValueRetryOnlyAsync(CancellationToken.None);

    [Benchmark]
    public Task<int> GeneratedRetryWithBudget() => GetValueWithBudgetAsync(CancellationToken.None);
}
