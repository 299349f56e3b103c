namespace ResilienceGen
{
    /// <summary>Which limit of <see cref="WithTimeoutAttribute"/> a <see cref="ResilienceTimeoutException"/> reports.</summary>
    public enum TimeoutScope
    {
        /// <summary>One attempt took longer than <see cref="WithTimeoutAttribute.AttemptMs"/>.</summary>
        Attempt,

        /// <summary>The whole call (attempts and delays) reached <see cref="WithTimeoutAttribute.TotalMs"/>.</summary>
        Total,
    }
}
