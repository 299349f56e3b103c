using System.Runtime.CompilerServices;
using BenchmarkDotNet.Attributes;
using Polly;

namespace ResilienceGen.Benchmarks.Runtime;

/// <summary>
/// Case 5, contention: two threads (the benchmark thread and one pool thread) each make
/// <see cref="CallsPerThread"/> happy-path calls through one shared breaker at the same time.
/// Reported per call (wall-clock time / all calls of both threads), so perfect scaling on two cores would show
/// half of the single-thread cost; shared writes on every call show up as more.
/// </summary>
[MemoryDiagnoser]
public partial class SharedBreakerContentionBenchmarks
{
    private const int CallsPerThread = 100_000;
    private const int Threads = 2;

    private static readonly Task<int> CachedResult = Task.FromResult(42);

    private readonly ResiliencePipeline _polly = PollyPipelines.RetryThenBreaker();

    // The user's declaration: the generator writes its body (retry outside the breaker).
    [WithRetry(MaxRetries = BenchmarkPolicy.MaxRetries, BaseDelayMs = BenchmarkPolicy.BaseDelayMs, Jitter = false)]
    [CircuitBreaker("bench.shared-contention", FailureThreshold = BenchmarkPolicy.FailureThreshold, BreakDurationMs = BenchmarkPolicy.BreakDurationMs)]
    public partial Task<int> GetValueAsync(CancellationToken cancellationToken = default);

    // Not inlined: a real body is too big to inline, and the baseline should time a call, not nothing.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private Task<int> GetValueCoreAsync(CancellationToken cancellationToken) => CachedResult;

    [Benchmark(Baseline = true, OperationsPerInvoke = Threads * CallsPerThread)]
    public int DirectCall() => RunOnTwoThreads(static self =>
    {
        int sum = 0;
        for (int i = 0; i < CallsPerThread; i++)
        {
            sum += self.GetValueCoreAsync(CancellationToken.None).GetAwaiter().GetResult();
        }

        return sum;
    });

    [Benchmark(OperationsPerInvoke = Threads * CallsPerThread)]
    public int GeneratedWrapper() => RunOnTwoThreads(static self =>
    {
        int sum = 0;
        for (int i = 0; i < CallsPerThread; i++)
        {
            sum += self.GetValueAsync(CancellationToken.None).GetAwaiter().GetResult();
        }

        return sum;
    });

    [Benchmark(OperationsPerInvoke = Threads * CallsPerThread)]
    public int PollyPipeline() => RunOnTwoThreads(static self =>
    {
        int sum = 0;
        for (int i = 0; i < CallsPerThread; i++)
        {
            sum += self._polly.ExecuteAsync(
                    static (s, cancellationToken) => new ValueTask<int>(s.GetValueCoreAsync(cancellationToken)),
                    self,
                    CancellationToken.None)
                .GetAwaiter().GetResult();
        }

        return sum;
    });

    // One loop on a pool thread, the same loop here, both at once.
    private int RunOnTwoThreads(Func<SharedBreakerContentionBenchmarks, int> loop)
    {
        Task<int> other = Task.Factory.StartNew(
            static state =>
            {
                var (self, body) = ((SharedBreakerContentionBenchmarks, Func<SharedBreakerContentionBenchmarks, int>))state!;
                return body(self);
            },
            (this, loop),
            CancellationToken.None,
            TaskCreationOptions.None,
            TaskScheduler.Default);
        int mine = loop(this);
        return mine + other.GetAwaiter().GetResult();
    }
}
