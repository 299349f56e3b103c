using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;

namespace ResilienceGen.Benchmarks.Runtime;

/// <summary>
/// The Polly v8 pipeline that matches the generated wrappers' policy in these benchmarks:
/// <c>[WithRetry(MaxRetries = 3, BaseDelayMs = 0, Jitter = false)]</c> outside
/// <c>[CircuitBreaker(FailureThreshold = 5)]</c>, built the way Polly's docs show it.
/// </summary>
internal static class PollyPipelines
{
    public static ResiliencePipeline RetryThenBreaker(CircuitBreakerManualControl? manualControl = null) =>
        new ResiliencePipelineBuilder()
            .AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = BenchmarkPolicy.MaxRetries,
                Delay = TimeSpan.Zero,
                BackoffType = DelayBackoffType.Constant,
                UseJitter = false,
                // Same rule as the generated wrapper: a rejected call and a cancellation end the retry loop at once.
                ShouldHandle = static args => ValueTask.FromResult(
                    args.Outcome.Exception is not null
                    and not BrokenCircuitException
                    and not OperationCanceledException),
            })
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions
            {
                // Polly v8 has only a failure-ratio breaker. Ratio 1.0 over at least 5 calls is the nearest thing
                // to "5 consecutive failures": it opens only when every sampled call failed.
                FailureRatio = 1.0,
                MinimumThroughput = BenchmarkPolicy.FailureThreshold,
                SamplingDuration = TimeSpan.FromSeconds(30),
                BreakDuration = TimeSpan.FromMilliseconds(BenchmarkPolicy.BreakDurationMs),
                ManualControl = manualControl,
            })
            .Build();

    /// <summary>
    /// The Polly counterpart of the "all four layers" rows: timeout + retry + breaker in Microsoft's standard order, as
    /// <c>[WithTimeout(AttemptMs, TotalMs)]</c> + <c>[WithRetry]</c> + <c>[CircuitBreaker]</c> run: total timeout,
    /// retry, breaker, attempt timeout. Polly has no breaker per key (one would need a pipeline per key, a
    /// <c>ResiliencePipelineRegistry</c> lookup the caller writes) and no retry budget, so the Polly row has two layers
    /// fewer than the generated one beside it: it is the nearest equivalent, not the same work.
    /// </summary>
    public static ResiliencePipeline TimeoutRetryBreaker() =>
        new ResiliencePipelineBuilder()
            .AddTimeout(TimeSpan.FromMilliseconds(BenchmarkPolicy.TotalTimeoutMs))
            .AddPipeline(RetryThenBreaker())
            .AddTimeout(TimeSpan.FromMilliseconds(BenchmarkPolicy.AttemptTimeoutMs))
            .Build();
}
