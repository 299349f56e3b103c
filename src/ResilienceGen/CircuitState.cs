namespace ResilienceGen
{
    /// <summary>The state of a <see cref="CircuitBreaker"/>.</summary>
    public enum CircuitState
    {
        /// <summary>Calls pass; failures are counted.</summary>
        Closed = 0,

        /// <summary>Calls are rejected until the break duration has passed.</summary>
        Open = 1,

        /// <summary>A limited number of probe calls pass; their outcome closes or reopens the circuit.</summary>
        HalfOpen = 2,

        /// <summary>Held open by <see cref="CircuitBreaker.Isolate"/> until <see cref="CircuitBreaker.Reset"/>.</summary>
        Isolated = 3,
    }
}
