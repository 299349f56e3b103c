using System;

namespace ResilienceGen
{
    /// <summary>
    /// Passes every call (every attempt, with <see cref="WithRetryAttribute"/>) of the attributed partial method
    /// through a named circuit breaker. Breakers with one name are one breaker.
    /// </summary>
    [AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
    public sealed class CircuitBreakerAttribute : Attribute
    {
        /// <summary>A breaker named after the method (<c>Namespace.Type.Method</c>).</summary>
        public CircuitBreakerAttribute()
        {
        }

        /// <summary>A breaker with the given name, shared by every method that names it.</summary>
        public CircuitBreakerAttribute(string name)
        {
            Name = name;
        }

        /// <summary>The breaker's name. Default <c>Namespace.Type.Method</c>.</summary>
        public string? Name { get; set; }

        /// <summary>Consecutive failures that open the circuit. Default 5.</summary>
        public int FailureThreshold { get; set; } = CircuitBreakerOptions.DefaultFailureThreshold;

        /// <summary>Time Open before the next call may probe (HalfOpen), in milliseconds. Default 30000.</summary>
        public int BreakDurationMs { get; set; } = CircuitBreakerOptions.DefaultBreakDurationMs;

        /// <summary>Probes allowed at once in HalfOpen; other calls are rejected. Default 1.</summary>
        public int HalfOpenMaxCalls { get; set; } = CircuitBreakerOptions.DefaultHalfOpenMaxCalls;

        /// <summary>Successful probes that close the circuit; any failed probe reopens it. Default 1.</summary>
        public int SuccessThreshold { get; set; } = CircuitBreakerOptions.DefaultSuccessThreshold;

        /// <summary>
        /// Above 0 switches to ratio mode: open when failures/calls ≥ ratio within <see cref="SamplingDurationMs"/>,
        /// once at least <see cref="MinimumThroughput"/> calls were seen. Default 0 (consecutive mode).
        /// </summary>
        public double FailureRatio { get; set; } = CircuitBreakerOptions.DefaultFailureRatio;

        /// <summary>Ratio mode only: calls needed in the window before the ratio is judged. Default 10.</summary>
        public int MinimumThroughput { get; set; } = CircuitBreakerOptions.DefaultMinimumThroughput;

        /// <summary>Ratio mode only: the sliding window, in milliseconds. Default 30000.</summary>
        public int SamplingDurationMs { get; set; } = CircuitBreakerOptions.DefaultSamplingDurationMs;

        /// <summary>
        /// Above 0: a call that succeeds but took at least this many milliseconds (read from
        /// <see cref="Resilience.TimeProvider"/>) counts as a breaker failure, in both modes; the caller still gets its
        /// result. Default 0 (off).
        /// </summary>
        public int SlowCallDurationMs { get; set; } = CircuitBreakerOptions.DefaultSlowCallDurationMs;

        /// <summary>Exception types (and subtypes) that count as failures. Null means any exception.</summary>
        public Type[]? Handle { get; set; }

        /// <summary>Exception types (and subtypes) that never count as failures; wins over <see cref="Handle"/>.</summary>
        public Type[]? Ignore { get; set; }

        /// <summary>
        /// Name of a method of the containing type, <c>bool M(Exception)</c>, static or instance, that must also
        /// say yes for an exception to count as a failure.
        /// </summary>
        public string? ShouldHandle { get; set; }

        /// <summary>
        /// Name of a method of the containing type with the wrapper's parameters plus a trailing
        /// <see cref="Exception"/> and the same return type, static or instance. Called when the breaker rejects a
        /// call (with the <see cref="CircuitBreakerOpenException"/>) or, without <see cref="WithRetryAttribute"/>,
        /// when the call fails with an exception the breaker counts; its result (or its exception) is what the caller
        /// gets. Never called for the caller's cancellation or for exceptions the filters exclude. When both
        /// attributes name a fallback, they must name the same method.
        /// </summary>
        public string? Fallback { get; set; }

        /// <summary>
        /// A breaker per key: names a parameter of the method, optionally followed by a chain of properties or
        /// fields (<c>"endpoint.Host"</c>). Each distinct key value gets its own breaker named
        /// <c>"&lt;Name&gt;/&lt;key&gt;"</c> (<c>key.ToString()</c>; a null anywhere along the chain is the empty
        /// key). Default none: one breaker for every call.
        /// </summary>
        public string? KeyBy { get; set; }

        /// <summary>
        /// With <see cref="KeyBy"/>: keyed breakers kept at most. A new key beyond it replaces a breaker that is
        /// Closed with no failure in its window, else shares the overflow breaker <c>"&lt;Name&gt;/*"</c>. Default 1000.
        /// </summary>
        public int MaxKeys { get; set; } = PolicyDefaults.MaxKeys;
    }
}
