namespace ResilienceGen
{
    /// <summary>
    /// The one table of the defaults of <see cref="RetryOptions"/> and <see cref="CircuitBreakerOptions"/> (API.md §2).
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

        /// <summary>Keyed breakers (<c>KeyBy</c>) kept at most per breaker name.</summary>
        public const int MaxKeys = 1000;
    }
}
