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

    // The other two layers of the "all four layers" rows (issue 21): timeouts far above any happy-path call, so the
    // rows time arming and giving back the token sources, never a timeout; a retry budget the happy path only counts into.
    public const int AttemptTimeoutMs = 10_000;
    public const int TotalTimeoutMs = 30_000;
    public const int BudgetPercent = 20;

    /// <summary>Keys a single-threaded "all four layers" row cycles over, so the keyed breaker looks up a few breakers.</summary>
    public const int FewKeys = 4;
}
