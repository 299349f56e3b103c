namespace ResilienceGen.Internal
{
    /// <summary>
    /// How one method runs right now: its descriptor's declared policy with the runtime overrides applied.
    /// Immutable; replaced whole when an override changes (see <see cref="RuntimeOverrides.Version"/>).
    /// </summary>
    internal sealed class MethodPolicy
    {
        public MethodPolicy(int version, bool passThrough, RetrySettings? retry, bool useBreaker, TimeoutSettings? timeout = null, RetryBudget? budget = null)
        {
            Timeout = timeout;
            Version = version;
            PassThrough = passThrough;
            Retry = retry;
            UseBreaker = useBreaker;
            Budget = retry is null ? null : budget;
            BudgetCalls = Budget?.Window;
        }

        public int Version { get; }

        /// <summary>Resilience is switched off: the wrapper calls the body and returns what it returns.</summary>
        public bool PassThrough { get; }

        public RetrySettings? Retry { get; }

        /// <summary>False when the method has no breaker or its breaker is switched off.</summary>
        public bool UseBreaker { get; }

        /// <summary>The timeouts in force, or null (no <c>[WithTimeout]</c>, or switched off by an override).</summary>
        public TimeoutSettings? Timeout { get; }

        /// <summary>The method's retry budget (API.md §6.3), or null when it has none (or no retry).</summary>
        public RetryBudget? Budget { get; }

        /// <summary><see cref="Budget"/>'s counts, which every call bumps: kept here, one load closer for the fast path.</summary>
        public BudgetWindow? BudgetCalls { get; }
    }
}
