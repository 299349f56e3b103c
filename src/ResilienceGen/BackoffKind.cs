namespace ResilienceGen
{
    /// <summary>How the delay between retries grows.</summary>
    public enum BackoffKind
    {
        /// <summary>Every delay is <c>BaseDelayMs</c>.</summary>
        Constant = 0,

        /// <summary>Delay n is <c>BaseDelayMs × n</c>.</summary>
        Linear = 1,

        /// <summary>Delay n is <c>BaseDelayMs × BackoffFactor^(n-1)</c>.</summary>
        Exponential = 2,

        /// <summary>
        /// AWS "decorrelated jitter": delay n is a uniform random value between <c>BaseDelayMs</c> and
        /// three times the previous delay (the first previous delay being <c>BaseDelayMs</c>), capped at
        /// <c>MaxDelayMs</c>. It is random by itself, so <c>Jitter</c> adds nothing to it.
        /// </summary>
        DecorrelatedJitter = 3,
    }
}
