using System;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using ResilienceGen.Redis;

namespace ResilienceGen.Hosting
{
    /// <summary><c>services.AddResilienceGen().AddRedisBreakerFleet(o => o.Fleet = "shop")</c>.</summary>
    public static class BreakerFleetBuilderExtensions
    {
        /// <summary>
        /// Joins the app to a fleet sharing breaker decisions through Redis while the host runs: joined when the host
        /// starts (after <c>AddResilienceGen</c> has handed the runtime the container's logger factory), left when it
        /// stops. The <see cref="StackExchange.Redis.IConnectionMultiplexer"/> is the container's (register one,
        /// with its ACL user and TLS as you need them), or the one <paramref name="connection"/> gives. The membership
        /// is in the container as <see cref="BreakerFleetMembership"/> once the host has started.
        /// </summary>
        public static ResilienceGenBuilder AddRedisBreakerFleet(this ResilienceGenBuilder builder, Action<BreakerFleetOptions> configure,
            Func<IServiceProvider, StackExchange.Redis.IConnectionMultiplexer>? connection = null)
        {
            if (builder is null)
            {
                throw new ArgumentNullException(nameof(builder));
            }

            if (configure is null)
            {
                throw new ArgumentNullException(nameof(configure));
            }

            var options = new BreakerFleetOptions();
            configure(options);
            options.Validated(); // wrong options fail here, at registration, not at start

            builder.Services.TryAddSingleton(services => new BreakerFleetMembership(
                connection?.Invoke(services)
                ?? services.GetService<StackExchange.Redis.IConnectionMultiplexer>()
                ?? throw new InvalidOperationException(
                    "AddRedisBreakerFleet needs a StackExchange.Redis IConnectionMultiplexer: register one in the container or pass the connection argument."),
                options));
            builder.Services.AddSingleton<IHostedService>(services => services.GetRequiredService<BreakerFleetMembership>());
            return builder;
        }
    }
}
