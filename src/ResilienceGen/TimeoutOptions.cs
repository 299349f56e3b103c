using System;

namespace ResilienceGen
{
    /// <summary>
    /// The timeouts of one method, as <see cref="WithTimeoutAttribute"/> gave them (the generated code fills every
    /// property); what <see cref="ResilientMethodRegistry.ConfigureTimeout"/> lets an operator change.
    /// </summary>
    public sealed class TimeoutOptions
    {
        internal const int DefaultAttemptMs = PolicyDefaults.AttemptMs;
        internal const int DefaultTotalMs = PolicyDefaults.TotalMs;

        /// <summary>Each attempt's limit in milliseconds; 0 means none. Default 0; at least 0.</summary>
        public int AttemptMs { get; set; } = DefaultAttemptMs;

        /// <summary>The whole call's limit in milliseconds; 0 means none. Default 0; at least 0, and not below AttemptMs when both are set.</summary>
        public int TotalMs { get; set; } = DefaultTotalMs;

        internal TimeoutOptions Clone() => (TimeoutOptions)MemberwiseClone();

        /// <summary>
        /// Throws <see cref="ArgumentOutOfRangeException"/> naming the first property out of range (the runtime twin of
        /// the analyzer's RG0007). Both 0 is allowed here: an override may switch the timeouts off.
        /// </summary>
        internal void Validate()
        {
            if (AttemptMs < 0) throw OutOfRange(nameof(AttemptMs), AttemptMs, "at least 0");
            if (TotalMs < 0) throw OutOfRange(nameof(TotalMs), TotalMs, "at least 0");
            if (AttemptMs > 0 && TotalMs > 0 && AttemptMs > TotalMs) throw OutOfRange(nameof(AttemptMs), AttemptMs, "at most TotalMs when both are set");
        }

        private static ArgumentOutOfRangeException OutOfRange(string property, object value, string range)
            => new ArgumentOutOfRangeException(property, value, $"TimeoutOptions.{property} must be {range}.");
    }
}
