using System;

namespace ResilienceGen
{
    /// <summary>
    /// Retries the attributed partial method. The source generator writes the wrapper; the body lives in
    /// <c>XxxCoreAsync</c> (or <c>XxxCore</c>) beside it. With <see cref="CircuitBreakerAttribute"/> too, retry is
    /// the outer layer.
    /// </summary>
    [AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
    public sealed class WithRetryAttribute : Attribute
    {
        /// <summary>Retries after the first attempt (attempts = MaxRetries + 1). Default 3.</summary>
        public int MaxRetries { get; set; } = RetryOptions.DefaultMaxRetries;

        /// <summary>The first delay, in milliseconds. Default 1000.</summary>
        public int BaseDelayMs { get; set; } = RetryOptions.DefaultBaseDelayMs;

        /// <summary>Cap on any delay, jitter included, in milliseconds. Default 60000.</summary>
        public int MaxDelayMs { get; set; } = RetryOptions.DefaultMaxDelayMs;

        /// <summary>How delays grow. Default <see cref="BackoffKind.Exponential"/>.</summary>
        public BackoffKind Backoff { get; set; } = RetryOptions.DefaultBackoff;

        /// <summary>Growth factor for <see cref="BackoffKind.Exponential"/>. Default 2.0.</summary>
        public double BackoffFactor { get; set; } = RetryOptions.DefaultBackoffFactor;

        /// <summary>Randomize each delay within ±<see cref="JitterFactor"/>. Default true.</summary>
        public bool Jitter { get; set; } = RetryOptions.DefaultJitter;

        /// <summary>Relative jitter, 0..1. Default 0.2.</summary>
        public double JitterFactor { get; set; } = RetryOptions.DefaultJitterFactor;

        /// <summary>Exception types (and subtypes) that are retried. Null means any exception.</summary>
        public Type[]? Handle { get; set; }

        /// <summary>Exception types (and subtypes) never retried; wins over <see cref="Handle"/>.</summary>
        public Type[]? Ignore { get; set; }

        /// <summary>
        /// Name of a method of the containing type, <c>bool M(Exception)</c>, static or instance, that must also
        /// say yes for an exception to be retried.
        /// </summary>
        public string? ShouldHandle { get; set; }
    }
}
