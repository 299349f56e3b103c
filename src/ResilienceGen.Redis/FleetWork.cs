namespace ResilienceGen.Redis
{
    /// <summary>What a job of the worker is.</summary>
    internal enum FleetWorkKind
    {
        Transition,
        LeaseRequest,

        /// <summary>Fleet-wide counting: a failure to add to the fleet's count (or window).</summary>
        Failure,

        /// <summary>Fleet-wide counting, consecutive mode: a success ended the streak.</summary>
        Cleared,

        /// <summary>Fleet-wide counting, ratio mode: write this instance's window (another instance asked).</summary>
        WriteWindow,
    }

    /// <summary>One job for the fleet's background worker: a transition to share or note, a probe lease to ask for, a count to share.</summary>
    internal sealed class FleetWork
    {
        private FleetWork(CircuitBreaker breaker, FleetWorkKind kind, CircuitBreakerTransition transition)
        {
            Breaker = breaker;
            Kind = kind;
            Transition = transition;
        }

        public CircuitBreaker Breaker { get; }

        public FleetWorkKind Kind { get; }

        public bool IsLeaseRequest => Kind == FleetWorkKind.LeaseRequest;

        public CircuitBreakerTransition Transition { get; }

        public static FleetWork ForTransition(CircuitBreaker breaker, CircuitBreakerTransition transition) => new FleetWork(breaker, FleetWorkKind.Transition, transition);

        public static FleetWork ForLease(CircuitBreaker breaker) => new FleetWork(breaker, FleetWorkKind.LeaseRequest, default);

        public static FleetWork ForCount(CircuitBreaker breaker, FleetWorkKind kind) => new FleetWork(breaker, kind, default);
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
