namespace ResilienceGen
{
    /// <summary>
    /// Optional second face of an <see cref="ICircuitBreakerObserver"/> (issue 20, fleet-wide failure counting): told of
    /// the failures a Closed breaker counts and of the success that ends a consecutive streak, so the observer can share
    /// the count. The breaker checks for it only on its failure path and when a success clears a non-zero
    /// consecutive-failure count: a Closed breaker's success with nothing to clear never reaches it (0 B, no call).
    /// </summary>
    /// <remarks>
    /// Both methods run on the thread of the call that counted, outside the breaker's lock; they must not block, do I/O
    /// or call back into the breaker: queue the work and return. An exception they throw is logged and does not reach the
    /// call. Counts learnt back from elsewhere come in through <see cref="CircuitBreaker.ApplyFleetFailures"/> and
    /// <see cref="CircuitBreaker.ApplyFleetWindow"/>.
    /// </remarks>
    public interface ICircuitBreakerCountObserver
    {
        /// <summary>A Closed breaker counted a failure (not a probe's: those go through transitions).</summary>
        void OnFailureCounted(CircuitBreaker breaker);

        /// <summary>
        /// Consecutive mode: a success cleared a non-zero consecutive-failure count (the first success after failures,
        /// including failures the breaker was told of through <see cref="CircuitBreaker.ApplyFleetFailures"/>).
        /// </summary>
        void OnFailuresCleared(CircuitBreaker breaker);
    }
}
