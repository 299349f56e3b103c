using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Hosting;
using ResilienceGen.Redis;

namespace ResilienceGen.Hosting
{
    /// <summary>The hosted fleet membership of <see cref="BreakerFleetBuilderExtensions.AddRedisBreakerFleet"/>: joins on start, leaves on stop.</summary>
    public sealed class BreakerFleetMembership : IHostedService, IAsyncDisposable
    {
        private readonly StackExchange.Redis.IConnectionMultiplexer _redis;
        private readonly BreakerFleetOptions _options;

        internal BreakerFleetMembership(StackExchange.Redis.IConnectionMultiplexer redis, BreakerFleetOptions options)
        {
            _redis = redis;
            _options = options;
        }

        /// <summary>The membership while the host runs; null before it starts and after it stops.</summary>
        public BreakerFleet? Fleet { get; private set; }

        /// <inheritdoc />
        public async Task StartAsync(CancellationToken cancellationToken)
            => Fleet ??= await BreakerFleet.JoinAsync(_redis, _options).ConfigureAwait(false);

        /// <inheritdoc />
        public async Task StopAsync(CancellationToken cancellationToken) => await DisposeAsync().ConfigureAwait(false);

        /// <inheritdoc />
        public async ValueTask DisposeAsync()
        {
            BreakerFleet? fleet = Fleet;
            Fleet = null;
            if (fleet != null)
            {
                await fleet.DisposeAsync().ConfigureAwait(false);
            }
        }
    }
}
