using System;

namespace ResilienceGen
{
    /// <summary>
    /// One state change of a circuit breaker, as an <see cref="ICircuitBreakerObserver"/> is told of it: the states,
    /// where it was decided, and the settings of the moment that a peer needs to share it.
    /// </summary>
    public readonly struct CircuitBreakerTransition
    {
        /// <summary>Describes one state change.</summary>
        public CircuitBreakerTransition(CircuitState from, CircuitState to, CircuitBreakerTransitionSource source, TimeSpan breakDuration, int halfOpenMaxCalls)
        {
            From = from;
            To = to;
            Source = source;
            BreakDuration = breakDuration;
            HalfOpenMaxCalls = halfOpenMaxCalls;
        }

        /// <summary>The state before.</summary>
        public CircuitState From { get; }

        /// <summary>The state after.</summary>
        public CircuitState To { get; }

        /// <summary>Decided here, or applied from outside.</summary>
        public CircuitBreakerTransitionSource Source { get; }

        /// <summary>The breaker's break duration when the change happened.</summary>
        public TimeSpan BreakDuration { get; }

        /// <summary>The breaker's <c>HalfOpenMaxCalls</c> when the change happened.</summary>
        public int HalfOpenMaxCalls { get; }
    }
}
