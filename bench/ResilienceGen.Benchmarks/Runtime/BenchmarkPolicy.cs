namespace ResilienceGen.Benchmarks.Runtime;

/// <summary>
/// The one policy every runtime benchmark uses, for the generated wrappers' attributes and the Polly pipeline alike.
/// Zero delay so the retry case measures the machinery, not a timer.
/// </summary>
internal static class BenchmarkPolicy
{
    public const int MaxRetries = 3;
    public const int BaseDelayMs = 0;
    public const int FailureThreshold = 5;
    public const int BreakDurationMs = 30_000;
}
