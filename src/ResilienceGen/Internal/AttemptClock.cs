namespace ResilienceGen.Internal
{
    /// <summary>
    /// The time facts of one attempt: its armed timeout, if a timeout applies, and its start timestamp, taken only
    /// when the breaker counts slow calls (0 otherwise). The default is an attempt with neither.
    /// </summary>
    internal struct AttemptClock
    {
        /// <summary>The attempt's timeout source, or null when no timeout applies.</summary>
        public TimeoutSource? Timeout;

        /// <summary>A <see cref="System.TimeProvider.GetTimestamp"/> at admission, or 0 when slow calls are not measured.</summary>
        public long StartedAt;
    }
}
