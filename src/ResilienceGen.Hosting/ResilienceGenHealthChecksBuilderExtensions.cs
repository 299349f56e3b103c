using System;
using System.Collections.Generic;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace ResilienceGen.Hosting
{
    /// <summary><c>services.AddHealthChecks().AddResilienceGenBreakers(...)</c>.</summary>
    public static class ResilienceGenHealthChecksBuilderExtensions
    {
        /// <summary>The name the breaker health check is registered under unless told otherwise.</summary>
        public const string DefaultName = "resiliencegen";

        /// <summary>
        /// Adds a health check of ResilienceGen's circuit breakers (<see cref="Resilience.Breakers"/>): Healthy when
        /// every watched breaker is Closed, Degraded when any is Open or HalfOpen, Unhealthy when any is Isolated
        /// (each configurable in <see cref="BreakerHealthCheckOptions"/>); <c>data</c> maps every watched breaker's
        /// name to its state (<c>Closed</c>, <c>Open</c>, <c>HalfOpen</c>, <c>Isolated</c>); the description names
        /// the breakers that are not Closed. A breaker is watched from the first call of a method naming it.
        /// </summary>
        /// <param name="builder">The app's health checks.</param>
        /// <param name="name">The check's name; also the name of its <see cref="BreakerHealthCheckOptions"/>.</param>
        /// <param name="configure">Sets the predicate and the statuses.</param>
        /// <param name="tags">Tags of the check, for filtering health endpoints.</param>
        public static IHealthChecksBuilder AddResilienceGenBreakers(
            this IHealthChecksBuilder builder,
            string name = DefaultName,
            Action<BreakerHealthCheckOptions>? configure = null,
            IEnumerable<string>? tags = null)
        {
            if (builder is null)
            {
                throw new ArgumentNullException(nameof(builder));
            }

            if (name is null)
            {
                throw new ArgumentNullException(nameof(name));
            }

            if (configure is not null)
            {
                builder.Services.Configure(name, configure);
            }

            return builder.Add(new HealthCheckRegistration(
                name,
                provider => new BreakerHealthCheck(provider.GetRequiredService<IOptionsMonitor<BreakerHealthCheckOptions>>().Get(name)),
                failureStatus: null,
                tags));
        }
    }
}
