using System;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ResilienceGen.Hosting
{
    /// <summary>
    /// Settings of the breaker health check added by
    /// <see cref="ResilienceGenHealthChecksBuilderExtensions.AddResilienceGenBreakers"/>: which breakers it watches
    /// and what each state reports. The check reports the worst status among the watched breakers (a Closed breaker
    /// counts as Healthy; no watched breaker at all is Healthy).
    /// </summary>
    public sealed class BreakerHealthCheckOptions
    {
        /// <summary>Chooses the breakers to watch, from <see cref="Resilience.Breakers"/>. Null (default): all of them.</summary>
        public Func<CircuitBreaker, bool>? Predicate { get; set; }

        /// <summary>What an Open breaker reports. Default <see cref="HealthStatus.Degraded"/>.</summary>
        public HealthStatus OpenStatus { get; set; } = HealthStatus.Degraded;

        /// <summary>What a HalfOpen breaker (probing) reports. Default <see cref="HealthStatus.Degraded"/>.</summary>
        public HealthStatus HalfOpenStatus { get; set; } = HealthStatus.Degraded;

        /// <summary>What an Isolated breaker (held open by hand) reports. Default <see cref="HealthStatus.Unhealthy"/>.</summary>
        public HealthStatus IsolatedStatus { get; set; } = HealthStatus.Unhealthy;

        internal HealthStatus StatusOf(CircuitState state) => state switch
        {
            CircuitState.Open => OpenStatus,
            CircuitState.HalfOpen => HalfOpenStatus,
            CircuitState.Isolated => IsolatedStatus,
            _ => HealthStatus.Healthy,
        };
    }
}
