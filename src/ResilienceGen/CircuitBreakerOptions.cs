using System;

namespace ResilienceGen
{
    /// <summary>
    /// The settings of one circuit breaker, as <see cref="CircuitBreakerAttribute"/> gave them (the generated code
    /// fills every property). The first registration of a name decides its breaker's settings.
    /// </summary>
    public sealed class CircuitBreakerOptions
    {
        internal const int DefaultFailureThreshold = PolicyDefaults.FailureThreshold;
        internal const int DefaultBreakDurationMs = PolicyDefaults.BreakDurationMs;
        internal const int DefaultHalfOpenMaxCalls = PolicyDefaults.HalfOpenMaxCalls;
        internal const int DefaultSuccessThreshold = PolicyDefaults.SuccessThreshold;
        internal const double DefaultFailureRatio = PolicyDefaults.FailureRatio;
        internal const int DefaultMinimumThroughput = PolicyDefaults.MinimumThroughput;
        internal const int DefaultSamplingDurationMs = PolicyDefaults.SamplingDurationMs;
        internal const int DefaultSlowCallDurationMs = PolicyDefaults.SlowCallDurationMs;

        /// <summary>The breaker's name; null means the method's name (<c>Namespace.Type.Method</c>).</summary>
        public string? Name { get; set; }

        /// <summary>Consecutive failures that open the circuit. Default 5; at least 1.</summary>
        public int FailureThreshold { get; set; } = DefaultFailureThreshold;

        /// <summary>Time Open before the next call may probe, in milliseconds. Default 30000; at least 1.</summary>
        public int BreakDurationMs { get; set; } = DefaultBreakDurationMs;

        /// <summary>Probes allowed at once in HalfOpen. Default 1; at least 1.</summary>
        public int HalfOpenMaxCalls { get; set; } = DefaultHalfOpenMaxCalls;

        /// <summary>Successful probes that close the circuit. Default 1; at least 1.</summary>
        public int SuccessThreshold { get; set; } = DefaultSuccessThreshold;

        /// <summary>Above 0 switches to ratio mode. Default 0; between 0 and 1.</summary>
        public double FailureRatio { get; set; } = DefaultFailureRatio;

        /// <summary>Ratio mode only: calls needed in the window. Default 10; at least 1.</summary>
        public int MinimumThroughput { get; set; } = DefaultMinimumThroughput;

        /// <summary>Ratio mode only: the sliding window, in milliseconds. Default 30000; at least 1.</summary>
        public int SamplingDurationMs { get; set; } = DefaultSamplingDurationMs;

        /// <summary>Above 0: a success that took at least this long, in milliseconds, counts as a failure. Default 0 (off); at least 0.</summary>
        public int SlowCallDurationMs { get; set; } = DefaultSlowCallDurationMs;

        internal CircuitBreakerOptions Clone() => (CircuitBreakerOptions)MemberwiseClone();

        /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the first property out of range.</summary>
        internal void Validate()
        {
            if (Name != null && Name.Length == 0) throw OutOfRange(nameof(Name), Name, "not empty");
            if (FailureThreshold < 1) throw OutOfRange(nameof(FailureThreshold), FailureThreshold, "at least 1");
            if (BreakDurationMs < 1) throw OutOfRange(nameof(BreakDurationMs), BreakDurationMs, "at least 1");
            if (HalfOpenMaxCalls < 1) throw OutOfRange(nameof(HalfOpenMaxCalls), HalfOpenMaxCalls, "at least 1");
            if (SuccessThreshold < 1) throw OutOfRange(nameof(SuccessThreshold), SuccessThreshold, "at least 1");
            if (!(FailureRatio >= 0.0 && FailureRatio <= 1.0)) throw OutOfRange(nameof(FailureRatio), FailureRatio, "between 0 and 1");
            if (MinimumThroughput < 1) throw OutOfRange(nameof(MinimumThroughput), MinimumThroughput, "at least 1");
            if (SamplingDurationMs < 1) throw OutOfRange(nameof(SamplingDurationMs), SamplingDurationMs, "at least 1");
            if (SlowCallDurationMs < 0) throw OutOfRange(nameof(SlowCallDurationMs), SlowCallDurationMs, "at least 0");
        }

        private static ArgumentOutOfRangeException OutOfRange(string property, object value, string range)
            => new ArgumentOutOfRangeException(property, value, $"CircuitBreakerOptions.{property} must be {range}.");
    }
}
