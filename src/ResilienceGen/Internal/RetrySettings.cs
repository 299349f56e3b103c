namespace ResilienceGen.Internal
{
    /// <summary>
    /// A validated, immutable snapshot of <see cref="RetryOptions"/>. The call loop reads it through its method's
    /// descriptor once per call, so a later runtime override can swap it whole.
    /// </summary>
    internal sealed class RetrySettings
    {
        public RetrySettings(RetryOptions options)
        {
            options.Validate();
            MaxRetries = options.MaxRetries;
            BaseDelayMs = options.BaseDelayMs;
            MaxDelayMs = options.MaxDelayMs;
            Backoff = options.Backoff;
            BackoffFactor = options.BackoffFactor;
            Jitter = options.Jitter;
            JitterFactor = options.JitterFactor;
        }

        public int MaxRetries { get; }

        public double BaseDelayMs { get; }

        public double MaxDelayMs { get; }

        public BackoffKind Backoff { get; }

        public double BackoffFactor { get; }

        public bool Jitter { get; }

        public double JitterFactor { get; }
    }
}
