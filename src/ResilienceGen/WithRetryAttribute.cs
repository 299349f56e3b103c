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
        /// exhausted with an exception the retry filter handles, when a circuit breaker rejects the call, or when
        /// the retry budget (<see cref="BudgetPercent"/>) refuses a retry; its
        /// result (or its exception) is what the caller gets. Never called for the caller's cancellation or for
        /// exceptions the filters exclude. When both attributes name a fallback, they must name the same method.
        /// </summary>
        public string? Fallback { get; set; }

        /// <summary>
        /// A retry budget: above 0, retries may add at most this percentage to the calls of the last 10 s, plus
        /// <see cref="BudgetMinPerSecond"/> retries per second. A retry beyond it is not made: the caller gets that
        /// attempt's exception at once (or the <see cref="Fallback"/>'s answer, reason <c>budget</c>). Default 0 (no
        /// budget); from 0 to 1000.
        /// </summary>
        public double BudgetPercent { get; set; } = RetryBudgetOptions.DefaultPercent;

        /// <summary>
        /// With <see cref="BudgetPercent"/>: retries per second allowed whatever the traffic, so a quiet method still
        /// retries. Default 10; from 0 to 1,000,000.
        /// </summary>
        public int BudgetMinPerSecond { get; set; } = RetryBudgetOptions.DefaultMinPerSecond;

        /// <summary>
        /// With <see cref="BudgetPercent"/>: the budget's name; methods naming one budget share it (the first one set
        /// up decides its settings). Default: the method's full name (<c>Namespace.Type.Method</c>).
        /// </summary>
        public string? Budget { get; set; }
    }
}
