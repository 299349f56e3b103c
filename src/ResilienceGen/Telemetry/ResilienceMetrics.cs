using System.Collections.Generic;
using System.Diagnostics.Metrics;

namespace ResilienceGen.Telemetry
{
    /// <summary>
    /// The runtime's instruments on the <c>ResilienceGen</c> meter. Callers check <c>Enabled</c> before building
    /// tags so that nobody listening costs one field read.
    /// </summary>
    internal static class ResilienceMetrics
    {
        public const string MeterName = "ResilienceGen";
        public const string MethodTag = "method";
        public const string BreakerTag = "breaker";
        public const string FromTag = "from";
        public const string ToTag = "to";
        public const string ReasonTag = "reason";
        public const string ScopeTag = "scope";
        public const string BudgetTag = "budget";
        public const string SourceTag = "source";

        private static readonly object s_gate = new object();

        // The meter of its own, kept for the whole process so that going back to it (no factory) finds the same
        // instruments a listener may already have subscribed to.
        private static readonly Instruments s_ownInstruments = new Instruments(new Meter(MeterName));

        private static volatile Instruments s_instruments = s_ownInstruments;

        // The one instrument every call reads (first attempts, on the happy path), kept beside the holder so that
        // the fast path's "is anyone listening" check is one static load, not a load of the holder and then of its
        // field. Written with s_instruments, under s_gate.
        private static volatile Counter<long> s_attempts = s_ownInstruments.Attempts;
        private static IMeterFactory? s_factory; // written under s_gate

        public static Meter Meter => s_instruments.Meter;

        /// <summary>Every call of a body (first attempts and retries), tagged method (and breaker).</summary>
        public static Counter<long> Attempts => s_attempts;

        /// <summary>Every retry scheduled after a failed attempt, tagged method.</summary>
        public static Counter<long> Retries => s_instruments.Retries;

        /// <summary>Every call a breaker rejected, tagged method and breaker.</summary>
        public static Counter<long> Rejections => s_instruments.Rejections;

        /// <summary>Every call answered by its fallback method, tagged method (and breaker) and reason.</summary>
        public static Counter<long> Fallbacks => s_instruments.Fallbacks;

        /// <summary>Every retry a retry budget refused, tagged method and budget.</summary>
        public static Counter<long> BudgetExhausted => s_instruments.BudgetExhausted;

        /// <summary>Every breaker state change, tagged breaker, from and to.</summary>
        public static Counter<long> Transitions => s_instruments.Transitions;

        /// <summary>Every attempt or call ended by a timeout, tagged method and scope (attempt, total).</summary>
        public static Counter<long> Timeouts => s_instruments.Timeouts;

        /// <summary>Every registered breaker, value 1, tagged breaker and state, observed on collection.</summary>
        public static ObservableGauge<int> BreakerStates => s_instruments.BreakerStates;

        /// <summary>The factory the current meter came from; null while the runtime uses a meter of its own.</summary>
        public static IMeterFactory? Factory => s_factory;

        /// <summary>
        /// From now on the instruments live on a meter created through <paramref name="factory"/> (which owns and
        /// disposes it), or, for null, on the runtime's own meter again. Same meter name, same instruments.
        /// </summary>
        public static void UseFactory(IMeterFactory? factory)
        {
            lock (s_gate)
            {
                if (ReferenceEquals(factory, s_factory))
                {
                    return;
                }

                Instruments instruments = factory is null ? s_ownInstruments : new Instruments(factory.Create(new MeterOptions(MeterName)));
                s_instruments = instruments;
                s_attempts = instruments.Attempts;
                s_factory = factory;
            }
        }

        public static KeyValuePair<string, object?> Tag(string key, string value) => new KeyValuePair<string, object?>(key, value);

        /// <summary>One meter and its instruments, swapped as a whole so that a caller never mixes two meters.</summary>
        private sealed class Instruments
        {
            public Instruments(Meter meter)
            {
                Meter = meter;
                Attempts = meter.CreateCounter<long>(
                    "resiliencegen.attempts", unit: "{attempt}", description: "Calls of a method body, first attempts and retries.");
                Retries = meter.CreateCounter<long>(
                    "resiliencegen.retries", unit: "{retry}", description: "Retries scheduled after a failed attempt.");
                Rejections = meter.CreateCounter<long>(
                    "resiliencegen.rejections", unit: "{call}", description: "Calls rejected by an open or isolated circuit breaker.");
                Fallbacks = meter.CreateCounter<long>(
                    "resiliencegen.fallbacks", unit: "{call}", description: "Calls answered by their fallback method instead of an exception.");
                BudgetExhausted = meter.CreateCounter<long>(
                    "resiliencegen.budget.exhausted", unit: "{retry}", description: "Retries not made because their retry budget was spent.");
                Transitions = meter.CreateCounter<long>(
                    "resiliencegen.breaker.transitions", unit: "{transition}", description: "Circuit breaker state changes.");
                Timeouts = meter.CreateCounter<long>(
                    "resiliencegen.timeouts", unit: "{timeout}", description: "Attempts and calls ended by a [WithTimeout] limit.");
                BreakerStates = meter.CreateObservableGauge<int>(
                    BreakerStateGauge.InstrumentName, ObserveBreakerStates, unit: "{breaker}",
                    description: "Every circuit breaker, value 1, tagged with its name and current state.");
            }

            public Meter Meter { get; }

            public Counter<long> Attempts { get; }

            public Counter<long> Retries { get; }

            public Counter<long> Rejections { get; }

            public Counter<long> Fallbacks { get; }

            public Counter<long> BudgetExhausted { get; }

            public Counter<long> Transitions { get; }

            public Counter<long> Timeouts { get; }

            public ObservableGauge<int> BreakerStates { get; }

            // Both meters carry the name ResilienceGen, so a listener by name subscribes to both: only the meter in
            // use reports, or every breaker would be measured twice after a swap.
            private IEnumerable<Measurement<int>> ObserveBreakerStates()
                => ReferenceEquals(s_instruments, this) ? BreakerStateGauge.Observe() : System.Array.Empty<Measurement<int>>();
        }
    }
}
