using System;

namespace ResilienceGen
{
    /// <summary>
    /// The retry settings of one method, as <see cref="WithRetryAttribute"/> gave them (the generated code fills
    /// every property). Exception filters are not options: the generator compiles them into a lambda.
    /// </summary>
    public sealed class RetryOptions
    {
        internal const int DefaultMaxRetries = PolicyDefaults.MaxRetries;
        internal const int MaxRetriesLimit = 100; // the same ranges as the analyzer's RG0007
        internal const int DefaultBaseDelayMs = PolicyDefaults.BaseDelayMs;
        internal const int DefaultMaxDelayMs = PolicyDefaults.MaxDelayMs;
        internal const BackoffKind DefaultBackoff = (BackoffKind)PolicyDefaults.Backoff; // Exponential
        internal const double DefaultBackoffFactor = PolicyDefaults.BackoffFactor;
        internal const bool DefaultJitter = PolicyDefaults.Jitter;
        internal const double DefaultJitterFactor = PolicyDefaults.JitterFactor;

        /// <summary>Retries after the first attempt (attempts = MaxRetries + 1). Default 3; 0 to 100.</summary>
        public int MaxRetries { get; set; } = DefaultMaxRetries;

        /// <summary>The first delay, in milliseconds. Default 1000; at least 0.</summary>
        public int BaseDelayMs { get; set; } = DefaultBaseDelayMs;

        /// <summary>Cap on any delay, jitter included, in milliseconds. Default 60000; at least BaseDelayMs.</summary>
        public int MaxDelayMs { get; set; } = DefaultMaxDelayMs;

        /// <summary>How delays grow. Default <see cref="BackoffKind.Exponential"/>.</summary>
        public BackoffKind Backoff { get; set; } = DefaultBackoff;

        /// <summary>Growth factor for <see cref="BackoffKind.Exponential"/>. Default 2.0; at least 1.</summary>
        public double BackoffFactor { get; set; } = DefaultBackoffFactor;

        /// <summary>Randomize each delay within ±<see cref="JitterFactor"/>. Default true.</summary>
        public bool Jitter { get; set; } = DefaultJitter;

        /// <summary>Relative jitter, 0..1. Default 0.2.</summary>
        public double JitterFactor { get; set; } = DefaultJitterFactor;

        internal RetryOptions Clone() => (RetryOptions)MemberwiseClone();

        /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the first property out of range.</summary>
        internal void Validate()
        {
            ValidateEachProperty();
            if (MaxDelayMs < BaseDelayMs) throw OutOfRange(nameof(MaxDelayMs), MaxDelayMs, "at least BaseDelayMs");
        }

        /// <summary>
        /// The checks that need no other property: what can be said of an override before the method it targets
        /// (and so its declared BaseDelayMs/MaxDelayMs) is known.
        /// </summary>
        internal void ValidateEachProperty()
        {
            if (MaxRetries < 0 || MaxRetries > MaxRetriesLimit) throw OutOfRange(nameof(MaxRetries), MaxRetries, "from 0 to 100");
            if (BaseDelayMs < 0) throw OutOfRange(nameof(BaseDelayMs), BaseDelayMs, "at least 0");
            if (MaxDelayMs < 0) throw OutOfRange(nameof(MaxDelayMs), MaxDelayMs, "at least 0");
            if (Backoff < BackoffKind.Constant || Backoff > BackoffKind.DecorrelatedJitter) throw OutOfRange(nameof(Backoff), Backoff, "a defined BackoffKind");
            if (!(BackoffFactor >= 1.0) || double.IsInfinity(BackoffFactor)) throw OutOfRange(nameof(BackoffFactor), BackoffFactor, "a finite number of at least 1");
            if (!(JitterFactor >= 0.0 && JitterFactor <= 1.0)) throw OutOfRange(nameof(JitterFactor), JitterFactor, "between 0 and 1");
        }

        private static ArgumentOutOfRangeException OutOfRange(string property, object value, string range)
            => new ArgumentOutOfRangeException(property, value, $"RetryOptions.{property} must be {range}.");
    }
}
