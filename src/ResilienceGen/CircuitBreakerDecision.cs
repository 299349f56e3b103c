using System;

namespace ResilienceGen
{
    /// <summary>What a decision made outside this process asks a breaker to do (see <see cref="CircuitBreaker.ApplyDecision"/>).</summary>
    public enum CircuitBreakerDecisionKind
    {
        /// <summary>Open for the given remaining time (or, when already Open, end the break then).</summary>
        OpenFor,

        /// <summary>A HalfOpen breaker waiting for a probe lease may now admit its probes.</summary>
        ProbeLeaseGranted,

        /// <summary>A HalfOpen breaker waiting for a probe lease keeps rejecting (RetryAfter Zero) for the given time more.</summary>
        ProbeLeaseRefused,

        /// <summary>Close an Open or HalfOpen breaker (an Isolated one stays until Reset).</summary>
        Close,

        /// <summary>Isolate the breaker, as <see cref="CircuitBreaker.Isolate"/>.</summary>
        Isolate,

        /// <summary>Reset the breaker, as <see cref="CircuitBreaker.Reset"/>.</summary>
        Reset,
    }

    /// <summary>A decision made outside this process (for example by a fleet of instances), for <see cref="CircuitBreaker.ApplyDecision"/>.</summary>
    public readonly struct CircuitBreakerDecision
    {
        private CircuitBreakerDecision(CircuitBreakerDecisionKind kind, TimeSpan duration)
        {
            Kind = kind;
            Duration = duration;
        }

        /// <summary>What to do.</summary>
        public CircuitBreakerDecisionKind Kind { get; }

        /// <summary>The remaining break (<see cref="CircuitBreakerDecisionKind.OpenFor"/>) or the further wait (<see cref="CircuitBreakerDecisionKind.ProbeLeaseRefused"/>).</summary>
        public TimeSpan Duration { get; }

        /// <summary>Open for <paramref name="remaining"/> more (at least one tick).</summary>
        public static CircuitBreakerDecision OpenFor(TimeSpan remaining)
            => new CircuitBreakerDecision(CircuitBreakerDecisionKind.OpenFor, remaining > TimeSpan.Zero ? remaining : new TimeSpan(1));

        /// <summary>The probe lease is granted: admit probes (up to <c>HalfOpenMaxCalls</c>).</summary>
        public static CircuitBreakerDecision ProbeLeaseGranted => new CircuitBreakerDecision(CircuitBreakerDecisionKind.ProbeLeaseGranted, TimeSpan.Zero);

        /// <summary>The probe lease is held elsewhere: keep waiting up to <paramref name="wait"/> more.</summary>
        public static CircuitBreakerDecision ProbeLeaseRefused(TimeSpan wait)
            => new CircuitBreakerDecision(CircuitBreakerDecisionKind.ProbeLeaseRefused, wait > TimeSpan.Zero ? wait : TimeSpan.Zero);

        /// <summary>Close (probes succeeded elsewhere).</summary>
        public static CircuitBreakerDecision Close => new CircuitBreakerDecision(CircuitBreakerDecisionKind.Close, TimeSpan.Zero);

        /// <summary>Isolate.</summary>
        public static CircuitBreakerDecision Isolate => new CircuitBreakerDecision(CircuitBreakerDecisionKind.Isolate, TimeSpan.Zero);

        /// <summary>Reset.</summary>
        public static CircuitBreakerDecision Reset => new CircuitBreakerDecision(CircuitBreakerDecisionKind.Reset, TimeSpan.Zero);
    }
}
