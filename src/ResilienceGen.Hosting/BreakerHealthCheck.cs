using System.Collections.Generic;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ResilienceGen.Hosting
{
    /// <summary>
    /// Reports the watched circuit breakers: the worst status their states map to, every breaker's state in
    /// <c>data</c>, and the breakers that are not Closed in the description.
    /// </summary>
    internal sealed class BreakerHealthCheck : IHealthCheck
    {
        private readonly BreakerHealthCheckOptions _options;

        public BreakerHealthCheck(BreakerHealthCheckOptions options)
        {
            _options = options;
        }

        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
            => Task.FromResult(Check());

        private HealthCheckResult Check()
        {
            var data = new Dictionary<string, object>();
            var notClosed = new StringBuilder();
            HealthStatus worst = HealthStatus.Healthy;

            foreach (CircuitBreaker breaker in Resilience.Breakers.All)
            {
                if (_options.Predicate is { } predicate && !predicate(breaker))
                {
                    continue;
                }

                // Read once: the state can change between two reads.
                CircuitState state = breaker.State;
                string stateName = StateName(state);
                data[breaker.Name] = stateName;
                if (state == CircuitState.Closed)
                {
                    continue;
                }

                notClosed.Append(notClosed.Length == 0 ? "Not closed: " : ", ").Append(breaker.Name).Append(" (").Append(stateName).Append(')');
                HealthStatus status = _options.StatusOf(state);
                if (status < worst)
                {
                    worst = status; // HealthStatus orders Unhealthy < Degraded < Healthy
                }
            }

            string description = notClosed.Length > 0
                ? notClosed.Append('.').ToString()
                : data.Count switch
                {
                    0 => "No circuit breaker is watched yet.",
                    1 => "The circuit breaker is closed.",
                    _ => $"All {data.Count} circuit breakers are closed.",
                };
            return new HealthCheckResult(worst, description, exception: null, data);
        }

        private static string StateName(CircuitState state) => state switch
        {
            CircuitState.Closed => "Closed",
            CircuitState.Open => "Open",
            CircuitState.HalfOpen => "HalfOpen",
            CircuitState.Isolated => "Isolated",
            _ => "Unknown",
        };
    }
}
