using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using StackExchange.Redis;

namespace ResilienceGen.Redis
{
    // The background worker: the only code that talks to Redis (besides the subscription's callback) and the only
    // one that reads or writes _tracked. Every Redis operation is bounded by _operationTimeout and never throws.
    public sealed partial class BreakerFleet
    {
        private async Task RunAsync()
        {
            CancellationToken stopping = _stopping.Token;
            long nextSync = _time.GetTimestamp() + ToTimestampTicks(_syncInterval);
            while (!stopping.IsCancellationRequested)
            {
                TaskCompletionSource<bool> wake = Volatile.Read(ref _wake);
                long waitTicks = nextSync - _time.GetTimestamp();
                if (_queue.IsEmpty && waitTicks > 0)
                {
                    using (var delayCancel = new CancellationTokenSource())
                    {
                        Task delay = Delay(FromTimestampTicks(waitTicks), delayCancel.Token);
                        await Task.WhenAny(wake.Task, delay).ConfigureAwait(false);
                        delayCancel.Cancel();
                    }
                }

                if (wake.Task.IsCompleted)
                {
                    Interlocked.CompareExchange(ref _wake, NewWake(), wake);
                }

                if (stopping.IsCancellationRequested)
                {
                    break;
                }

                while (_queue.TryDequeue(out FleetWork? work))
                {
                    await ProcessSafelyAsync(work).ConfigureAwait(false);
                }

                if (_time.GetTimestamp() >= nextSync)
                {
                    await ReconcileSafelyAsync().ConfigureAwait(false);
                    nextSync = _time.GetTimestamp() + ToTimestampTicks(_syncInterval);
                }
            }
        }

        private async Task ProcessSafelyAsync(FleetWork work)
        {
            try
            {
                await ProcessAsync(work).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                FleetLog.OperationFailed(_logger, Fleet, "processing a transition of '" + work.Breaker.Name + "'", ex);
            }
        }

        private async Task ReconcileSafelyAsync()
        {
            try
            {
                await ReconcileAsync().ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                FleetLog.OperationFailed(_logger, Fleet, "reconciliation", ex);
            }
        }

        private FleetBreakerState Track(string name)
        {
            if (!_tracked.TryGetValue(name, out FleetBreakerState? state))
            {
                state = new FleetBreakerState();
                _tracked[name] = state;
            }

            return state;
        }

        private async Task ProcessAsync(FleetWork work)
        {
            if (work.Kind >= FleetWorkKind.Failure)
            {
                await ProcessCountAsync(work).ConfigureAwait(false); // fleet-wide counting (BreakerFleet.Counts.cs)
                return;
            }

            CircuitBreaker breaker = work.Breaker;
            string name = breaker.Name;
            if (work.IsLeaseRequest)
            {
                if (breaker.IsAwaitingProbeLease)
                {
                    await AskForLeaseAsync(breaker, Track(name)).ConfigureAwait(false);
                }

                return;
            }

            CircuitBreakerTransition transition = work.Transition;
            FleetBreakerState tracked = Track(name);
            if (transition.Source == CircuitBreakerTransitionSource.Fleet)
            {
                // Learnt from the fleet: only note it (and give back a lease the change made moot).
                await NoteFleetTransitionAsync(name, transition, tracked).ConfigureAwait(false);
                return;
            }

            switch (transition.To)
            {
                case CircuitState.Open when transition.From == CircuitState.HalfOpen:
                    tracked.LeaseHeld = false;
                    tracked.OpenKnownToFleet = false;
                    if (_reachable)
                    {
                        await ReopenAsync(breaker, tracked, transition.BreakDuration).ConfigureAwait(false);
                    }

                    break;
                case CircuitState.Open:
                    tracked.OpenKnownToFleet = false;
                    if (_reachable)
                    {
                        // Counting fleet-wide, the count that opened it is the fleet's: no quorum (docs/fleet.md).
                        await VoteOpenAsync(breaker, tracked, transition.BreakDuration, transition.BreakDuration,
                            CountsFleetWide ? 1 : _options.Quorum).ConfigureAwait(false);
                    }

                    break;
                case CircuitState.Closed:
                    bool probesSucceeded = transition.From == CircuitState.HalfOpen;
                    _tracked.Remove(name);
                    if (_reachable)
                    {
                        await CloseAsync(name, probesSucceeded).ConfigureAwait(false);
                    }

                    break;
                case CircuitState.Isolated:
                    tracked.LeaseHeld = false;
                    tracked.IsolatedKnownToFleet = false;
                    if (_reachable)
                    {
                        await IsolateAsync(name, tracked).ConfigureAwait(false);
                    }

                    break;
            }
        }

        private async Task NoteFleetTransitionAsync(string name, CircuitBreakerTransition transition, FleetBreakerState tracked)
        {
            bool heldLease = tracked.LeaseHeld && transition.From == CircuitState.HalfOpen;
            switch (transition.To)
            {
                case CircuitState.Open:
                    tracked.OpenKnownToFleet = true;
                    break;
                case CircuitState.Isolated:
                    tracked.IsolatedKnownToFleet = true;
                    break;
                case CircuitState.Closed:
                    _tracked.Remove(name);
                    break;
            }

            tracked.LeaseHeld = false;
            if (heldLease && _reachable)
            {
                await RunAsync("release lease", () => Database.ScriptEvaluateAsync(FleetScripts.ReleaseLease,
                    new RedisKey[] { _keys.Lease(name) }, new RedisValue[] { _leaseValue })).ConfigureAwait(false);
            }
        }

        // A local open: one vote towards the quorum; opens the fleet when the quorum is reached.
        private async Task VoteOpenAsync(CircuitBreaker breaker, FleetBreakerState tracked, TimeSpan window, TimeSpan ttl, int quorum)
        {
            string name = breaker.Name;
            (bool ok, RedisResult result) = await RunAsync("open vote", () => Database.ScriptEvaluateAsync(FleetScripts.OpenVote,
                new RedisKey[] { _keys.Votes(name), _keys.State(name), _keys.Count(name), _keys.Window(name) },
                new RedisValue[] { InstanceId, Milliseconds(window), quorum, _openValue, Milliseconds(ttl), _keys.Channel,
                    new FleetMessage(FleetMessageKind.Open, InstanceId, Milliseconds(ttl), name).Format() })).ConfigureAwait(false);
            if (!ok || !TryReadPair(result, out long outcome, out long value))
            {
                return;
            }

            switch (outcome)
            {
                case 1:
                    tracked.OpenKnownToFleet = true;
                    FleetLog.Published(_logger, name, Fleet, "open");
                    break;
                case 2:
                    tracked.OpenKnownToFleet = true;
                    Apply(breaker, CircuitBreakerDecision.OpenFor(TimeSpan.FromMilliseconds(value)), "open (remaining break)");
                    break;
                case 3:
                    tracked.IsolatedKnownToFleet = true;
                    Apply(breaker, CircuitBreakerDecision.Isolate, "isolate");
                    break;
                default:
                    tracked.OpenKnownToFleet = true; // voted; below the quorum the fleet stays as it is
                    break;
            }
        }

        private async Task ReopenAsync(CircuitBreaker breaker, FleetBreakerState tracked, TimeSpan breakDuration)
        {
            string name = breaker.Name;
            long ms = Milliseconds(breakDuration);
            (bool ok, RedisResult result) = await RunAsync("reopen", () => Database.ScriptEvaluateAsync(FleetScripts.Reopen,
                new RedisKey[] { _keys.State(name), _keys.Lease(name), _keys.Votes(name) },
                new RedisValue[] { _openValue, ms, _keys.Channel, new FleetMessage(FleetMessageKind.Open, InstanceId, ms, name).Format() })).ConfigureAwait(false);
            if (ok && (long)result == 1)
            {
                tracked.OpenKnownToFleet = true;
                FleetLog.Published(_logger, name, Fleet, "open (a probe failed)");
            }
        }

        private async Task CloseAsync(string name, bool probesSucceeded)
        {
            (bool ok, RedisResult result) = await RunAsync(probesSucceeded ? "close" : "reset", () => Database.ScriptEvaluateAsync(
                probesSucceeded ? FleetScripts.Close : FleetScripts.Reset,
                new RedisKey[] { _keys.State(name), _keys.Lease(name), _keys.Votes(name), _keys.Count(name), _keys.Window(name) },
                new RedisValue[] { _keys.Channel, new FleetMessage(probesSucceeded ? FleetMessageKind.Close : FleetMessageKind.Reset, InstanceId, 0, name).Format() })).ConfigureAwait(false);
            if (ok && (long)result == 1)
            {
                FleetLog.Published(_logger, name, Fleet, probesSucceeded ? "close" : "reset");
            }
        }

        private async Task IsolateAsync(string name, FleetBreakerState tracked)
        {
            (bool ok, _) = await RunAsync("isolate", () => Database.ScriptEvaluateAsync(FleetScripts.Isolate,
                new RedisKey[] { _keys.State(name), _keys.Lease(name), _keys.Votes(name) },
                new RedisValue[] { _isolatedValue, _keys.Channel, new FleetMessage(FleetMessageKind.Isolate, InstanceId, 0, name).Format() })).ConfigureAwait(false);
            if (ok)
            {
                tracked.IsolatedKnownToFleet = true;
                FleetLog.Published(_logger, name, Fleet, "isolate");
            }
        }

        private async Task AskForLeaseAsync(CircuitBreaker breaker, FleetBreakerState tracked)
        {
            string name = breaker.Name;
            if (!_reachable)
            {
                breaker.ApplyDecision(CircuitBreakerDecision.ProbeLeaseGranted); // decide alone
                return;
            }

            (bool ok, RedisResult result) = await RunAsync("probe lease", () => Database.ScriptEvaluateAsync(FleetScripts.AcquireLease,
                new RedisKey[] { _keys.State(name), _keys.Lease(name) },
                new RedisValue[] { _leaseValue, Milliseconds(_lease) })).ConfigureAwait(false);
            if (!ok || !TryReadPair(result, out long outcome, out long value))
            {
                breaker.ApplyDecision(CircuitBreakerDecision.ProbeLeaseGranted); // Redis did not answer: decide alone
                return;
            }

            switch (outcome)
            {
                case 1:
                    bool wasHeld = tracked.LeaseHeld;
                    tracked.LeaseHeld = true;
                    if (breaker.ApplyDecision(CircuitBreakerDecision.ProbeLeaseGranted))
                    {
                        FleetLog.ProbeLease(_logger, name, "granted to this instance");
                    }
                    else if (!wasHeld && breaker.State != CircuitState.HalfOpen)
                    {
                        tracked.LeaseHeld = false;
                        await RunAsync("release lease", () => Database.ScriptEvaluateAsync(FleetScripts.ReleaseLease,
                            new RedisKey[] { _keys.Lease(name) }, new RedisValue[] { _leaseValue })).ConfigureAwait(false);
                    }

                    break;
                case 0:
                    Apply(breaker, CircuitBreakerDecision.OpenFor(TimeSpan.FromMilliseconds(value)), "open (the fleet's break is not over)");
                    break;
                case 3:
                    tracked.IsolatedKnownToFleet = true;
                    Apply(breaker, CircuitBreakerDecision.Isolate, "isolate");
                    break;
                default:
                    if (breaker.ApplyDecision(CircuitBreakerDecision.ProbeLeaseRefused(LeaseWait)))
                    {
                        FleetLog.ProbeLease(_logger, name, "refused (another instance probes)");
                    }

                    break;
            }
        }

        /// <summary>
        /// Reads every shared breaker's state key and repairs what messages missed: applies the fleet's open or
        /// isolate, learns a reset it missed, publishes its own open or isolate the fleet does not know (after an
        /// outage), asks for or renews probe leases.
        /// </summary>
        private async Task ReconcileAsync()
        {
            var breakers = new List<CircuitBreaker>();
            foreach (CircuitBreaker breaker in Resilience.Breakers.All)
            {
                if (Shares(breaker.Name))
                {
                    breakers.Add(breaker);
                }
            }

            // Counting fleet-wide, the same read also brings each breaker's fleet count or window (one script still).
            int perBreaker = CountsFleetWide ? 4 : 2;
            var keys = new RedisKey[CountsFleetWide ? 2 * breakers.Count : breakers.Count];
            var args = new RedisValue[CountsFleetWide ? breakers.Count + 1 : 0];
            for (int i = 0; i < breakers.Count; i++)
            {
                keys[i] = _keys.State(breakers[i].Name);
                if (CountsFleetWide)
                {
                    bool ratio = breakers[i].IsRatioMode;
                    keys[breakers.Count + i] = ratio ? _keys.Window(breakers[i].Name) : _keys.Count(breakers[i].Name);
                    args[i + 1] = ratio ? "r" : "c";
                }
            }

            if (CountsFleetWide)
            {
                args[0] = WindowValidityMs;
            }

            long clearsBeforeRead = ClearsApplied;
            (bool ok, RedisResult result) = await RunAsync("reconciliation read", () => CountsFleetWide
                ? Database.ScriptEvaluateAsync(FleetScripts.ReadStatesCounted, keys, args)
                : Database.ScriptEvaluateAsync(FleetScripts.ReadStates, keys)).ConfigureAwait(false);
            if (!ok)
            {
                return;
            }

            if (!_subscribed)
            {
                await SubscribeAsync().ConfigureAwait(false);
            }

            RedisResult[] values = (RedisResult[])result!;
            if (values.Length != perBreaker * breakers.Count)
            {
                return;
            }

            if (CountsFleetWide)
            {
                await ClearWhatWasClearedAwayAsync().ConfigureAwait(false);
            }

            for (int i = 0; i < breakers.Count; i++)
            {
                string? value = values[perBreaker * i].IsNull ? null : (string?)values[perBreaker * i];
                long ttl = (long)values[perBreaker * i + 1];
                await ReconcileOneAsync(breakers[i], value, ttl).ConfigureAwait(false);
                if (CountsFleetWide)
                {
                    await ReconcileCountAsync(breakers[i], (long)values[perBreaker * i + 3], clearsBeforeRead).ConfigureAwait(false);
                }
            }
        }

        private async Task ReconcileOneAsync(CircuitBreaker breaker, string? value, long ttlMs)
        {
            string name = breaker.Name;
            CircuitState local = breaker.State;
            FleetStateKind fleet = FleetStateValue.Parse(value, ttlMs);
            _tracked.TryGetValue(name, out FleetBreakerState? tracked);
            switch (fleet)
            {
                case FleetStateKind.Invalid:
                    tracked ??= Track(name);
                    if (!string.Equals(tracked.InvalidValueLogged, value, StringComparison.Ordinal))
                    {
                        tracked.InvalidValueLogged = value;
                        FleetLog.StateInvalid(_logger, Fleet, _keys.State(name));
                        FleetMetrics.CountInvalid(Fleet, "state");
                    }

                    return;
                case FleetStateKind.Isolated:
                    if (local != CircuitState.Isolated)
                    {
                        Apply(breaker, CircuitBreakerDecision.Isolate, "isolate");
                    }

                    Track(name).IsolatedKnownToFleet = true;
                    return;
                case FleetStateKind.Open:
                    TimeSpan remaining = TimeSpan.FromMilliseconds(ttlMs);
                    if (local == CircuitState.Closed || local == CircuitState.HalfOpen)
                    {
                        Apply(breaker, CircuitBreakerDecision.OpenFor(remaining), "open");
                    }
                    else if (local == CircuitState.Open && Math.Abs((breaker.RemainingBreak - remaining).TotalMilliseconds) > Math.Max(50, _syncInterval.TotalMilliseconds / 10))
                    {
                        breaker.ApplyDecision(CircuitBreakerDecision.OpenFor(remaining)); // the fleet's clock keeps the break
                    }

                    if (local != CircuitState.Isolated)
                    {
                        Track(name).OpenKnownToFleet = true;
                    }

                    return;
            }

            // Absent: the fleet has no open or isolate for this breaker.
            switch (local)
            {
                case CircuitState.Isolated:
                    if (tracked?.IsolatedKnownToFleet == true)
                    {
                        Apply(breaker, CircuitBreakerDecision.Reset, "reset"); // the fleet was reset; the message was missed
                    }
                    else
                    {
                        await IsolateAsync(name, Track(name)).ConfigureAwait(false); // isolated here while Redis was away
                    }

                    break;
                case CircuitState.Open:
                    if (tracked?.OpenKnownToFleet != true && breaker.RemainingBreak > TimeSpan.Zero)
                    {
                        // Opened here while Redis was away: publish it, for the rest of this instance's break.
                        await VoteOpenAsync(breaker, Track(name), breaker.BreakDuration, breaker.RemainingBreak, _options.Quorum).ConfigureAwait(false);
                    }

                    break;
                case CircuitState.HalfOpen:
                    if (breaker.IsAwaitingProbeLease || tracked?.LeaseHeld == true)
                    {
                        await AskForLeaseAsync(breaker, Track(name)).ConfigureAwait(false); // ask again, or renew
                    }

                    break;
                default:
                    if (tracked != null && !tracked.LeaseHeld)
                    {
                        _tracked.Remove(name);
                    }

                    break;
            }
        }

        private void Apply(CircuitBreaker breaker, CircuitBreakerDecision decision, string what)
        {
            if (breaker.ApplyDecision(decision))
            {
                FleetLog.DecisionApplied(_logger, breaker.Name, what, Fleet, "reconciliation");
            }
        }

        private async Task SubscribeAsync()
        {
            (bool ok, _) = await RunAsync("subscribe", async () =>
            {
                await _redis.GetSubscriber().SubscribeAsync(_channel, _onMessage).ConfigureAwait(false);
                return RedisResult.Create(RedisValue.EmptyString);
            }).ConfigureAwait(false);
            _subscribed |= ok;
        }

        /// <summary>
        /// Runs one Redis operation, bounded by the operation timeout; never throws. A failure marks Redis
        /// unreachable (logged once per outage); the next success marks it reachable again.
        /// </summary>
        private async Task<(bool Ok, RedisResult Result)> RunAsync(string operation, Func<Task<RedisResult>> run)
        {
            Task<RedisResult> task;
            try
            {
                task = run();
            }
            catch (Exception ex)
            {
                MarkUnreachable(operation, ex);
                return (false, RedisResult.Create(RedisValue.Null));
            }

            using (var timeoutCancel = new CancellationTokenSource())
            {
                Task timeout = Delay(_operationTimeout, timeoutCancel.Token);
                if (await Task.WhenAny(task, timeout).ConfigureAwait(false) != task)
                {
                    _ = task.ContinueWith(t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
                    MarkUnreachable(operation + " (no answer in " + (long)_operationTimeout.TotalMilliseconds + " ms)", null);
                    return (false, RedisResult.Create(RedisValue.Null));
                }

                timeoutCancel.Cancel();
            }

            try
            {
                RedisResult result = await task.ConfigureAwait(false);
                MarkReachable();
                return (true, result);
            }
            catch (Exception ex)
            {
                MarkUnreachable(operation, ex);
                return (false, RedisResult.Create(RedisValue.Null));
            }
        }

        private void MarkUnreachable(string operation, Exception? exception)
        {
            FleetLog.OperationFailed(_logger, Fleet, operation, exception);
            lock (_reachabilityGate) // the worker and the multiplexer's event may both notice: one log per outage
            {
                if (!_reachable)
                {
                    return;
                }

                _reachable = false;
                Interlocked.Exchange(ref _outageStartedTimestamp, _time.GetTimestamp());
            }

            FleetLog.Unreachable(_logger, Fleet, exception);

            // Breakers waiting for a lease would wait for Redis: tell them to decide alone now.
            foreach (CircuitBreaker breaker in Resilience.Breakers.All)
            {
                if (breaker.IsAwaitingProbeLease)
                {
                    breaker.ApplyDecision(CircuitBreakerDecision.ProbeLeaseGranted);
                }
            }
        }

        private void MarkReachable()
        {
            lock (_reachabilityGate)
            {
                if (_reachable)
                {
                    return;
                }

                _reachable = true;
            }

            long outageMs = (long)_time.GetElapsedTime(Interlocked.Read(ref _outageStartedTimestamp)).TotalMilliseconds;
            FleetLog.Reachable(_logger, Fleet, outageMs);
            Wake(); // the reconciliation that follows reads the fleet's state and publishes this instance's opens
        }

        private void OnConnectionFailed(object? sender, ConnectionFailedEventArgs e)
            => MarkUnreachable("connection " + e.ConnectionType + " " + e.FailureType, e.Exception);

        private void OnConnectionRestored(object? sender, ConnectionFailedEventArgs e) => Wake();

        private static bool TryReadPair(RedisResult result, out long first, out long second)
        {
            first = second = 0;
            if (result.IsNull || result.Length != 2)
            {
                return false;
            }

            RedisResult[] pair = (RedisResult[])result!;
            first = (long)pair[0];
            second = (long)pair[1];
            return true;
        }

        private Task Delay(TimeSpan delay, CancellationToken cancellationToken)
#if NET8_0_OR_GREATER
            => Task.Delay(delay, _time, cancellationToken);
#else
            => _time.Delay(delay, cancellationToken);
#endif

        private static long Milliseconds(TimeSpan value) => Math.Max(1, (long)Math.Ceiling(value.TotalMilliseconds));

        private long ToTimestampTicks(TimeSpan value) => (long)(value.TotalSeconds * _time.TimestampFrequency);

        private TimeSpan FromTimestampTicks(long ticks) => TimeSpan.FromSeconds((double)ticks / _time.TimestampFrequency);
    }
}
