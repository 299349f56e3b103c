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

        /// <summary>
        /// Name of a method of the containing type, <c>void M(int attempt, TimeSpan delay, Exception exception)</c>,
        /// static or instance, called before each retry's delay (after the delay is chosen). <c>attempt</c> is the
        /// attempt that failed (1 for the first). If it throws, that exception ends the call.
        /// </summary>
        public string? OnRetry { get; set; }

        /// <summary>
        /// Name of a method of the containing type, <c>TimeSpan? M(Exception exception)</c>, static or instance,
        /// asked when a retry is decided. A value replaces the computed backoff for that delay (capped by
        /// <see cref="MaxDelayMs"/>, negative means zero); null keeps the backoff. Typically reads an HTTP
        /// <c>Retry-After</c> header.
        /// </summary>
        public string? RetryAfter { get; set; }

        /// <summary>
        /// Name of a method of the containing type with the wrapper's parameters plus a trailing
        /// <see cref="Exception"/> and the same return type, static or instance. Called when the retries are
        /// exhausted with an exception the retry filter handles, or when a circuit breaker rejects the call; its
        /// result (or its exception) is what the caller gets. Never called for the caller's cancellation or for
        /// exceptions the filters exclude. When both attributes name a fallback, they must name the same method.
        /// </summary>
        public string? Fallback { get; set; }
    }
}
