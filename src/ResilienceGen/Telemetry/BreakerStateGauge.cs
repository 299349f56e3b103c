using System.Collections.Generic;
using System.Diagnostics.Metrics;

namespace ResilienceGen.Telemetry
{
    /// <summary>
    /// What the observable gauge <c>resiliencegen.breaker.state</c> reports when a listener collects: value 1 for
    /// every registered breaker, tagged with its name and state. It runs only on collection, never on a call.
    /// </summary>
    internal static class BreakerStateGauge
    {
        public const string InstrumentName = "resiliencegen.breaker.state";
        public const string StateTag = "state";

        /// <summary>One measurement per breaker in <see cref="Resilience.Breakers"/>, ordered by name.</summary>
        public static IEnumerable<Measurement<int>> Observe()
        {
            // The registry's snapshot allocates an array per collection, which is fine here: collections are
            // rare (seconds apart) and the call path never comes this way.
            IReadOnlyCollection<CircuitBreaker> breakers = Resilience.Breakers.All;
            var measurements = new Measurement<int>[breakers.Count];
            int i = 0;
            foreach (CircuitBreaker breaker in breakers)
            {
                measurements[i++] = new Measurement<int>(
                    1,
                    ResilienceMetrics.Tag(ResilienceMetrics.BreakerTag, breaker.Name),
                    ResilienceMetrics.Tag(StateTag, StateTagValue(breaker.State)));
            }

            return measurements;
        }

        /// <summary>The state as OpenTelemetry spells tag values (snake case), unlike the log's enum names.</summary>
        public static string StateTagValue(CircuitState state) => state switch
        {
            CircuitState.Closed => "closed",
            CircuitState.Open => "open",
            CircuitState.HalfOpen => "half_open",
            CircuitState.Isolated => "isolated",
            _ => "unknown",
        };
    }
}
