using System.Runtime.CompilerServices;
using BenchmarkDotNet.Attributes;
using Polly;

namespace ResilienceGen.Benchmarks.Runtime;

/// <summary>
/// Case 5, contention: <see cref="Threads"/> threads at once make <see cref="TotalCalls"/> happy-path calls between
/// them (the body returns a cached, completed task), through one shared breaker, or through 50 keyed breakers with
/// every thread cycling over all 50 keys (each from its own starting key). The total is fixed, so Mean is
/// wall-clock time / all calls of all threads; the <see cref="PerCallCpuTimeConfig"/> columns turn it into CPU
/// time per call (Mean × min(Threads, cores)) and compare it with the same row on one thread. A DirectCall row per
/// thread count shows what the normalisation does to calls that share nothing; shared writes on every call show as a
/// VsOneThread above it.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(PerCallCpuTimeConfig))]
public partial class SharedBreakerContentionBenchmarks
{
    // Divisible by every thread count below, so each thread makes the same number of calls.
    private const int TotalCalls = 400_000;
    private const int Keys = 50;

    private static readonly Task<int> CachedResult = Task.FromResult(42);

    private readonly ResiliencePipeline _polly = PollyPipelines.RetryThenBreaker();

    // One result slot per worker, 16 longs (128 bytes) apart so that writing them shares no cache line.
    private readonly long[] _sums = new long[16 * 8];
    private ThreadGang? _gang;
    private Action<int>? _direct;
    private Action<int>? _shared;
    private Action<int>? _keyed;
    private Action<int>? _pollyLoop;

    [Params(1, 2, 4)]
    public int Threads { get; set; }

    // The user's declaration: the generator writes its body (retry outside the breaker).
    [WithRetry(MaxRetries = BenchmarkPolicy.MaxRetries, BaseDelayMs = BenchmarkPolicy.BaseDelayMs, Jitter = false)]
    [CircuitBreaker("bench.shared-contention", FailureThreshold = BenchmarkPolicy.FailureThreshold, BreakDurationMs = BenchmarkPolicy.BreakDurationMs)]
    public partial Task<int> GetValueAsync(CancellationToken cancellationToken = default);

    // Not inlined: a real body is too big to inline, and the baseline should time a call, not nothing.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private Task<int> GetValueCoreAsync(CancellationToken cancellationToken) => CachedResult;

    // The same policy with a breaker per shard: 50 breakers, which the threads share key by key.
    [WithRetry(MaxRetries = BenchmarkPolicy.MaxRetries, BaseDelayMs = BenchmarkPolicy.BaseDelayMs, Jitter = false)]
    [CircuitBreaker("bench.keyed-contention", KeyBy = "shard", FailureThreshold = BenchmarkPolicy.FailureThreshold, BreakDurationMs = BenchmarkPolicy.BreakDurationMs)]
    public partial Task<int> GetShardValueAsync(int shard, CancellationToken cancellationToken = default);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private Task<int> GetShardValueCoreAsync(int shard, CancellationToken cancellationToken) => CachedResult;

    [GlobalSetup]
    public void Setup()
    {
        _gang = new ThreadGang(Threads);
        int callsPerThread = TotalCalls / Threads;
        _direct = worker =>
        {
            long sum = 0;
            for (int i = 0; i < callsPerThread; i++)
            {
                sum += GetValueCoreAsync(CancellationToken.None).GetAwaiter().GetResult();
            }

            _sums[worker * 16] = sum;
        };
        _shared = worker =>
        {
            long sum = 0;
            for (int i = 0; i < callsPerThread; i++)
            {
                sum += GetValueAsync(CancellationToken.None).GetAwaiter().GetResult();
            }

            _sums[worker * 16] = sum;
        };
        _keyed = worker =>
        {
            long sum = 0;
            int shard = worker * Keys / Threads; // threads start apart and then each visits every key in turn
            for (int i = 0; i < callsPerThread; i++)
            {
                sum += GetShardValueAsync(shard, CancellationToken.None).GetAwaiter().GetResult();
                if (++shard == Keys)
                {
                    shard = 0;
                }
            }

            _sums[worker * 16] = sum;
        };
        _pollyLoop = worker =>
        {
            long sum = 0;
            for (int i = 0; i < callsPerThread; i++)
            {
                sum += _polly.ExecuteAsync(
                        static (self, cancellationToken) => new ValueTask<int>(self.GetValueCoreAsync(cancellationToken)),
                        this,
                        CancellationToken.None)
                    .GetAwaiter().GetResult();
            }

            _sums[worker * 16] = sum;
        };
    }

    [GlobalCleanup]
    public void Cleanup() => _gang?.Dispose();

    [Benchmark(Baseline = true, OperationsPerInvoke = TotalCalls)]
    public long DirectCall() => RunAll(_direct!);

    [Benchmark(OperationsPerInvoke = TotalCalls)]
    public long GeneratedSharedBreaker() => RunAll(_shared!);

    [Benchmark(OperationsPerInvoke = TotalCalls)]
    public long Generated50KeyedBreakers() => RunAll(_keyed!);

    [Benchmark(OperationsPerInvoke = TotalCalls)]
    public long PollyPipeline() => RunAll(_pollyLoop!);

    private long RunAll(Action<int> loop)
    {
        _gang!.Run(loop);
        long total = 0;
        for (int worker = 0; worker < Threads; worker++)
        {
            total += _sums[worker * 16];
        }

        return total;
    }
}
