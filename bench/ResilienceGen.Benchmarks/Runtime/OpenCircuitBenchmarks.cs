using BenchmarkDotNet.Attributes;
using Polly;
using Polly.CircuitBreaker;

namespace ResilienceGen.Benchmarks.Runtime;

/// <summary>
/// Case 4, the open circuit: every call is rejected without running the body, and the caller catches the
/// rejection exception. Both breakers are isolated (held open) in setup, so no probe ever gets through.
/// The baseline is the least any exception path costs: the body's own faulted task, awaited and caught.
/// Polly's non-throwing <c>ExecuteOutcomeAsync</c> is shown too: it is how Polly users avoid the throw,
/// and the generated wrapper has no such API (its callers always get an exception).
/// </summary>
[MemoryDiagnoser]
public partial class OpenCircuitBenchmarks
{
    private readonly CircuitBreakerManualControl _pollyControl = new();
    private readonly ResiliencePipeline _polly;

    public OpenCircuitBenchmarks() => _polly = PollyPipelines.RetryThenBreaker(_pollyControl);

    // The user's declaration: the generator writes its body (retry outside the breaker).
    [WithRetry(MaxRetries = BenchmarkPolicy.MaxRetries, BaseDelayMs = BenchmarkPolicy.BaseDelayMs, Jitter = false)]
    [CircuitBreaker("bench.open-circuit", FailureThreshold = BenchmarkPolicy.FailureThreshold, BreakDurationMs = BenchmarkPolicy.BreakDurationMs)]
    public static partial Task<int> GetValueAsync(CancellationToken cancellationToken = default);

    private static Task<int> GetValueCoreAsync(CancellationToken cancellationToken) =>
        Task.FromException<int>(new TransientFailure());

    [GlobalSetup]
    public void OpenTheCircuits()
    {
        // The breaker joins the registry on the method's first call; that call fails (fewer failures than the
        // threshold), then the breaker is held open.
        try
        {
            GetValueAsync().GetAwaiter().GetResult();
        }
        catch (TransientFailure)
        {
        }

        Resilience.Breakers["bench.open-circuit"].Isolate();
        _pollyControl.IsolateAsync().GetAwaiter().GetResult();
    }

    [Benchmark(Baseline = true)]
    public async Task<int> DirectCallFaulted()
    {
        try
        {
            return await GetValueCoreAsync(CancellationToken.None);
        }
        catch (TransientFailure)
        {
            return -1;
        }
    }

    [Benchmark]
    public async Task<int> GeneratedWrapper()
    {
        try
        {
            return await GetValueAsync(CancellationToken.None);
        }
        catch (CircuitBreakerOpenException)
        {
            return -1;
        }
    }

    [Benchmark]
    public async Task<int> PollyPipeline()
    {
        try
        {
            return await _polly.ExecuteAsync(
                static (_, cancellationToken) => new ValueTask<int>(GetValueCoreAsync(cancellationToken)),
                this,
                CancellationToken.None);
        }
        catch (BrokenCircuitException)
        {
            return -1;
        }
    }

    [Benchmark]
    public async Task<int> PollyPipelineOutcomeApi()
    {
        ResilienceContext context = ResilienceContextPool.Shared.Get(CancellationToken.None);
        try
        {
            Outcome<int> outcome = await _polly.ExecuteOutcomeAsync(
                static (context, _) => ToOutcomeAsync(GetValueCoreAsync(context.CancellationToken)),
                context,
                this);
            return outcome.Exception is null ? outcome.Result : -1;
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    // Turns the body's task into Polly's outcome without throwing when it already finished.
    private static ValueTask<Outcome<int>> ToOutcomeAsync(Task<int> task)
    {
        if (task.IsCompletedSuccessfully)
        {
            return Outcome.FromResultAsValueTask(task.Result);
        }

        if (task.IsFaulted)
        {
            return Outcome.FromExceptionAsValueTask<int>(task.Exception!.InnerException!);
        }

        return AwaitAsync(task);

        static async ValueTask<Outcome<int>> AwaitAsync(Task<int> pending)
        {
            try
            {
                return Outcome.FromResult(await pending.ConfigureAwait(false));
            }
            catch (Exception exception)
            {
                return Outcome.FromException<int>(exception);
            }
        }
    }
}
