namespace ResilienceGen
{
    /// <summary>Where a circuit breaker's state change was decided.</summary>
    public enum CircuitBreakerTransitionSource
    {
        /// <summary>By this process: its own calls, or <see cref="CircuitBreaker.Isolate"/>/<see cref="CircuitBreaker.Reset"/> called here.</summary>
        Local,

        /// <summary>From outside, through <see cref="CircuitBreaker.ApplyDecision"/> (for example a fleet of instances sharing decisions).</summary>
        Fleet,
    }
}
