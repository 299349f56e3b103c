namespace ResilienceGen.Redis
{
    /// <summary>One job for the fleet's background worker: a transition to share or note, or a probe lease to ask for.</summary>
    internal sealed class FleetWork
    {
        private FleetWork(CircuitBreaker breaker, bool isLeaseRequest, CircuitBreakerTransition transition)
        {
            Breaker = breaker;
            IsLeaseRequest = isLeaseRequest;
            Transition = transition;
        }

        public CircuitBreaker Breaker { get; }

        public bool IsLeaseRequest { get; }

        public CircuitBreakerTransition Transition { get; }

        public static FleetWork ForTransition(CircuitBreaker breaker, CircuitBreakerTransition transition) => new FleetWork(breaker, false, transition);

        public static FleetWork ForLease(CircuitBreaker breaker) => new FleetWork(breaker, true, default);
    }

    /// <summary>What the worker knows of one breaker's standing in the fleet (read and written by the worker only).</summary>
    internal sealed class FleetBreakerState
    {
        /// <summary>The fleet has been told of (or already knew) the breaker's current Open.</summary>
        public bool OpenKnownToFleet;

        /// <summary>The breaker's Isolated is the fleet's (learnt from it or written to it).</summary>
        public bool IsolatedKnownToFleet;

        /// <summary>This instance holds the breaker's probe lease.</summary>
        public bool LeaseHeld;

        /// <summary>The invalid state value last logged, so a garbage key is logged once, not every sync.</summary>
        public string? InvalidValueLogged;
    }
}
