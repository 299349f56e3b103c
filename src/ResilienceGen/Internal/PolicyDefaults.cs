namespace ResilienceGen
{
    /// <summary>
    /// The one table of the defaults of <see cref="RetryOptions"/>, <see cref="CircuitBreakerOptions"/> and <see cref="TimeoutOptions"/> (API.md §2).
    /// The runtime's options and attributes take their defaults from here, and the same file is compiled into the
    /// generator and the analyzers (src/ResilienceGen.Validation's shared project links it), so what a method gets when
    /// it leaves a property out is written once. A generator test compares the generator's defaults with
    /// <c>new RetryOptions()</c> / <c>new CircuitBreakerOptions()</c>.
    /// </summary>
    internal static class PolicyDefaults
    {
        public const int MaxRetries = 3;
        public const int BaseDelayMs = 1000;
        public const int MaxDelayMs = 60000;

        /// <summary><c>BackoffKind.Exponential</c>, as its value: the generator and the analyzers do not have the enum type.</summary>
        public const int Backoff = 2;
        public const double BackoffFactor = 2.0;
        public const bool Jitter = true;
        public const double JitterFactor = 0.2;

        public const int FailureThreshold = 5;
        public const int BreakDurationMs = 30000;
        public const int HalfOpenMaxCalls = 1;
        public const int SuccessThreshold = 1;
        public const double FailureRatio = 0.0;
        public const int MinimumThroughput = 10;
        public const int SamplingDurationMs = 30000;
        public const int SlowCallDurationMs = 0;

        /// <summary>Keyed breakers (<c>KeyBy</c>) kept at most per breaker name.</summary>
        public const int MaxKeys = 1000;

        public const int AttemptMs = 0;
        public const int TotalMs = 0;

        /// <summary>Retry budgets (API.md §6.3): 0 means the method has none.</summary>
        public const double BudgetPercent = 0.0;
        public const int BudgetMinPerSecond = 10;

        /// <summary>The window a budget counts calls and retries over, in seconds (fixed: Finagle's and Envoy's 10 s).</summary>
        public const int BudgetWindowSeconds = 10;
        public const double BudgetPercentLimit = 1000.0; // the same ranges as the analyzer's RG0007
        public const int BudgetMinPerSecondLimit = 1000000;
    }
}
