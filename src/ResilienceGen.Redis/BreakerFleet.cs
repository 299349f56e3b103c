using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace ResilienceGen.Redis
{
    /// <summary>
    /// This process's membership of a fleet of instances sharing circuit breaker decisions through Redis: open
    /// fleet-wide (with a quorum), one probe lease for the fleet, close fleet-wide, Isolate/Reset everywhere.
    /// Failures are counted on each instance, or across the fleet with <see cref="BreakerFleetOptions.CountFailuresFleetWide"/>.
    /// Dispose it to leave the fleet.
    /// </summary>
    /// <remarks>
    /// Redis is never on a call's path: a breaker reports its transitions to the membership, which queues them; one
    /// background worker writes them (atomic Lua scripts), publishes them, asks for probe leases and reads the fleet's
    /// state keys back every <see cref="BreakerFleetOptions.SyncIntervalMs"/>; news from other instances arrives on
    /// the channel and is applied on the subscriber's thread. While Redis is unreachable every breaker decides alone.
    /// </remarks>
    public sealed partial class BreakerFleet : IAsyncDisposable
    {
        private readonly IConnectionMultiplexer _redis;
        private readonly BreakerFleetOptions _options;
        private readonly FleetKeys _keys;
        private readonly ILogger _logger;
        private readonly TimeProvider _time;
        private readonly Observer _observer;
        private readonly ConcurrentQueue<FleetWork> _queue = new ConcurrentQueue<FleetWork>();
        private readonly Dictionary<string, FleetBreakerState> _tracked = new Dictionary<string, FleetBreakerState>(StringComparer.Ordinal);
        private readonly CancellationTokenSource _stopping = new CancellationTokenSource();
        private readonly Action<RedisChannel, RedisValue> _onMessage;
        private readonly RedisChannel _channel;
        private readonly string _openValue;
        private readonly string _isolatedValue;
        private readonly string _leaseValue;
        private readonly TimeSpan _syncInterval;
        private readonly TimeSpan _lease;
        private readonly TimeSpan _operationTimeout;
        private TaskCompletionSource<bool> _wake = NewWake();
        private Task? _worker;
        private readonly object _reachabilityGate = new object();
        private volatile bool _reachable = true;
        private long _outageStartedTimestamp;
        private bool _subscribed;
        private int _disposed;

        private BreakerFleet(IConnectionMultiplexer redis, BreakerFleetOptions options)
        {
            _redis = redis;
            _options = options;
            _keys = new FleetKeys(options.Fleet);
            _channel = RedisChannel.Literal(_keys.Channel);
            _time = Resilience.TimeProvider;
            _logger = Resilience.LoggerFactory.CreateLogger("ResilienceGen.Redis.BreakerFleet");
            _observer = new Observer(this);
            _onMessage = (_, value) => OnMessage(value);
            InstanceId = options.InstanceId!;
            _openValue = FleetStateValue.Open(InstanceId);
            _isolatedValue = FleetStateValue.Isolated(InstanceId);
            _leaseValue = FleetStateValue.Lease(InstanceId);
            _syncInterval = TimeSpan.FromMilliseconds(options.SyncIntervalMs);
            _lease = TimeSpan.FromMilliseconds(3L * options.SyncIntervalMs);
            _operationTimeout = TimeSpan.FromMilliseconds(Math.Max(2L * options.SyncIntervalMs, 1000));
        }

        /// <summary>The fleet's name (<see cref="BreakerFleetOptions.Fleet"/>).</summary>
        public string Fleet => _options.Fleet;

        /// <summary>This instance's id in the fleet.</summary>
        public string InstanceId { get; }

        /// <summary>False while Redis is unreachable (the breakers then decide on this instance alone).</summary>
        public bool IsReachable => _reachable;

        /// <summary>
        /// Joins the fleet: every breaker of this process that <see cref="BreakerFleetOptions.Breakers"/> selects is
        /// shared from now on, and the fleet's current decisions are read before this returns (when Redis answers; if
        /// it does not, the membership starts as unreachable and catches up when it does). Never throws because
        /// Redis is down.
        /// </summary>
        /// <exception cref="ArgumentException">An option is invalid.</exception>
        /// <exception cref="InvalidOperationException">This process already has a fleet membership (or another breaker observer).</exception>
        public static async Task<BreakerFleet> JoinAsync(IConnectionMultiplexer redis, BreakerFleetOptions options)
        {
            if (redis is null)
            {
                throw new ArgumentNullException(nameof(redis));
            }

            if (options is null)
            {
                throw new ArgumentNullException(nameof(options));
            }

            var fleet = new BreakerFleet(redis, options.Validated());
            Resilience.Breakers.SetObserver(fleet._observer);
            redis.ConnectionFailed += fleet.OnConnectionFailed;
            redis.ConnectionRestored += fleet.OnConnectionRestored;
            await fleet.SubscribeAsync().ConfigureAwait(false);
            await fleet.ReconcileSafelyAsync().ConfigureAwait(false);
            fleet._worker = Task.Run(fleet.RunAsync);
            FleetLog.Joined(fleet._logger, fleet.Fleet, fleet.InstanceId, options.Quorum, options.SyncIntervalMs);
            return fleet;
        }

        /// <summary>Leaves the fleet: this process's breakers decide alone again. The fleet's keys stay for the other instances.</summary>
        public async ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _disposed, 1) != 0)
            {
                return;
            }

            Resilience.Breakers.RemoveObserver(_observer);
            _redis.ConnectionFailed -= OnConnectionFailed;
            _redis.ConnectionRestored -= OnConnectionRestored;
            _stopping.Cancel();
            Wake();
            if (_worker != null)
            {
                await _worker.ConfigureAwait(false);
            }

            // Give back held leases so another instance may probe at once, not after the lease expires.
            foreach (KeyValuePair<string, FleetBreakerState> entry in _tracked)
            {
                if (entry.Value.LeaseHeld)
                {
                    await RunAsync("release lease", () => Database.ScriptEvaluateAsync(FleetScripts.ReleaseLease,
                        new RedisKey[] { _keys.Lease(entry.Key) }, new RedisValue[] { _leaseValue })).ConfigureAwait(false);
                }
            }

            if (_subscribed)
            {
                await RunAsync("unsubscribe", async () =>
                {
                    await _redis.GetSubscriber().UnsubscribeAsync(_channel, _onMessage).ConfigureAwait(false);
                    return RedisResult.Create(RedisValue.EmptyString);
                }).ConfigureAwait(false);
            }

            _stopping.Dispose();
            FleetLog.Left(_logger, Fleet, InstanceId);
        }

        private IDatabase Database => _redis.GetDatabase();

        private static TaskCompletionSource<bool> NewWake() => new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);

        private bool Shares(string breakerName)
        {
            Func<string, bool>? predicate = _options.Breakers;
            if (predicate is null)
            {
                return true;
            }

            try
            {
                return predicate(breakerName);
            }
            catch (Exception ex)
            {
                FleetLog.OperationFailed(_logger, Fleet, "Breakers predicate for '" + breakerName + "'", ex);
                return false;
            }
        }

        private void Enqueue(FleetWork work)
        {
            _queue.Enqueue(work);
            Wake();
        }

        private void Wake() => Volatile.Read(ref _wake).TrySetResult(true);

        /// <summary>The seam's side: runs under a breaker's lock (or on the call's thread for counts), so it only queues.</summary>
        private sealed class Observer : ICircuitBreakerObserver, ICircuitBreakerCountObserver
        {
            private readonly BreakerFleet _fleet;

            public Observer(BreakerFleet fleet) => _fleet = fleet;

            public void OnTransition(CircuitBreaker breaker, CircuitBreakerTransition transition)
            {
                if (_fleet.Shares(breaker.Name))
                {
                    _fleet.Enqueue(FleetWork.ForTransition(breaker, transition));
                }
            }

            public TimeSpan OnProbeLeaseNeeded(CircuitBreaker breaker)
            {
                if (!_fleet._reachable || !_fleet.Shares(breaker.Name))
                {
                    return TimeSpan.Zero; // decide alone: probe as without a fleet
                }

                _fleet.Enqueue(FleetWork.ForLease(breaker));
                return _fleet.LeaseWait;
            }

            public void OnFailureCounted(CircuitBreaker breaker) => _fleet.OnFailureCounted(breaker);

            public void OnFailuresCleared(CircuitBreaker breaker) => _fleet.OnFailuresCleared(breaker);
        }

        // How long a breaker waits for an answer about the lease: past one failed operation and one sync, so that a
        // silent Redis has been noticed (and the breaker told to decide alone) before the wait runs out.
        private TimeSpan LeaseWait => _lease + _syncInterval > _operationTimeout + _syncInterval ? _lease + _syncInterval : _operationTimeout + _syncInterval;
    }
}
