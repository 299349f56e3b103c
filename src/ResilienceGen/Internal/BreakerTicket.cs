namespace ResilienceGen.Internal
{
    /// <summary>
    /// How a circuit breaker let one attempt in; the attempt's outcome is reported with it. Calls admitted while
    /// Closed share one ticket. A half-open probe's ticket carries the epoch (the breaker's transition count) it
    /// was admitted in, so a probe that finishes after its HalfOpen period ended changes nothing. The default
    /// value is <see cref="Rejected"/>.
    /// </summary>
    internal readonly struct BreakerTicket
    {
        // One long, so the ticket costs the fast path one register: 0 rejected, 1 normal, epoch << 2 | 2 a probe.
        private const long RejectedValue = 0;
        private const long NormalValue = 1;
        private const long ProbeFlag = 2;

        private readonly long _value;

        private BreakerTicket(long value) => _value = value;

        /// <summary>Not admitted.</summary>
        public static BreakerTicket Rejected => default;

        /// <summary>Admitted while Closed.</summary>
        public static BreakerTicket Normal => new BreakerTicket(NormalValue);

        /// <summary>Admitted as a half-open probe in the HalfOpen period numbered <paramref name="epoch"/>.</summary>
        public static BreakerTicket Probe(long epoch) => new BreakerTicket((epoch << 2) | ProbeFlag);

        /// <summary>The attempt was let in.</summary>
        public bool IsAdmitted => _value != RejectedValue;

        /// <summary>The attempt is a half-open probe (its outcome decides the breaker's next state).</summary>
        public bool IsProbe => (_value & ProbeFlag) != 0;

        /// <summary>The HalfOpen period a probe was admitted in; meaningful only when <see cref="IsProbe"/>.</summary>
        public long Epoch => _value >> 2;
    }
}
