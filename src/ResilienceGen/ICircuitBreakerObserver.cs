using System;

namespace ResilienceGen
{
    /// <summary>
    /// Watches every circuit breaker of the process and may take part in its decisions (the seam a fleet of
    /// instances shares breakers through; the runtime knows nothing of how). Attach one with
    /// <see cref="CircuitBreakerRegistry.SetObserver"/>.
    /// </summary>
    /// <remarks>
    /// Both methods run under the breaker's lock, on the thread of the call that caused the change: they must not
    /// block, do I/O or call back into the breaker. Queue the work and return. An exception they throw is logged and
    /// does not reach the call. A Closed breaker's call never reaches the observer.
    /// </remarks>
    public interface ICircuitBreakerObserver
    {
        /// <summary>A breaker changed state (in order, once per change).</summary>
        void OnTransition(CircuitBreaker breaker, CircuitBreakerTransition transition);

        /// <summary>
        /// A breaker's break ended here and it turned HalfOpen on its own. Return <see cref="TimeSpan.Zero"/> to let
        /// it admit probes at once (as without an observer); or a positive time to make it wait for a probe lease:
        /// until <see cref="CircuitBreaker.ApplyDecision"/> grants one it rejects calls with
        /// <see cref="CircuitBreakerOpenException.RetryAfter"/> = Zero, and when the time passes with no answer it
        /// admits probes on its own (so a silent observer never holds a breaker shut).
        /// </summary>
        TimeSpan OnProbeLeaseNeeded(CircuitBreaker breaker);
    }
}
