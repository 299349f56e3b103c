using System;

namespace ResilienceGen
{
    /// <summary>Data of <see cref="CircuitBreaker.StateChanged"/>.</summary>
    public sealed class CircuitStateChangedEventArgs : EventArgs
    {
        /// <summary>Creates the event data.</summary>
        public CircuitStateChangedEventArgs(string breakerName, CircuitState from, CircuitState to)
        {
            BreakerName = breakerName;
            From = from;
            To = to;
        }

        /// <summary>The breaker that changed state.</summary>
        public string BreakerName { get; }

        /// <summary>The state before the change.</summary>
        public CircuitState From { get; }

        /// <summary>The state after the change.</summary>
        public CircuitState To { get; }
    }
}
