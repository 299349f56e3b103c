using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;
using StackExchange.Redis;

namespace ResilienceGen.Redis
{
    // Fleet-wide failure counting (issue 20, BreakerFleetOptions.CountFailuresFleetWide). Redis is written on failures
    // and on the first success after them only:
    // - consecutive mode: a failure is one INCR of <Fleet>:count:<breaker> (its reply, the fleet's count, raises this
    //   breaker's own count; the script publishes it and the others raise theirs), the first success after failures
    //   one DEL (published as count 0: the others clear theirs). A breaker whose count reaches FailureThreshold opens
    //   and that open is the fleet's at once (no quorum: the count already is the fleet's).
    // - ratio mode: a failure writes this instance's window (calls, failures) into <Fleet>:window:<breaker> and reads
    //   the fleet's sum back; the successes count through the same write, sent once per SyncIntervalMs while this
    //   instance's or the fleet's window holds failures (and at once when the fleet's first failure asks every instance).
    // While Redis is unreachable nothing is queued: each instance counts alone, and those failures are never added to
    // the fleet's count later (no double counting); a success meanwhile is remembered and clears the fleet's count on
    // reconnect. Runs on the worker, except the observer's enqueueing and the messages' ApplyCount.
    public sealed partial class BreakerFleet
    {
        // Breakers whose streak a success ended while Redis was unreachable: cleared in Redis on reconnect.
        private readonly ConcurrentDictionary<string, CircuitBreaker> _clearedWhileAway = new ConcurrentDictionary<string, CircuitBreaker>();

        // How many clears (count 0) this instance has applied: a count read before a clear and applied after it would
        // bring a cleared streak back, so a reply or a reconciliation read that raced a clear is not applied (the count
        // may then be low by that race, never high: the breaker opens later, never earlier). Written and compared
        // under _countGate, with the count itself: a check that passed just before a clear landed must not apply after
        // it (a thread preempted between the check and the raise would bring the cleared streak back; the likely cause
        // of a CI run in which FleetCountTests saw a breaker open one streak early).
        private long _clearsApplied;
        private readonly object _countGate = new object();

        private bool CountsFleetWide => _options.CountFailuresFleetWide;

        // A window entry older than this is no instance's any more (each writes its own at least once a sync while it matters).
        private long WindowValidityMs => 3L * _options.SyncIntervalMs;

        private void OnFailureCounted(CircuitBreaker breaker)
        {
            if (CountsFleetWide && _reachable && Shares(breaker.Name))
            {
                Enqueue(FleetWork.ForCount(breaker, FleetWorkKind.Failure));
            }
        }

        private void OnFailuresCleared(CircuitBreaker breaker)
        {
            if (!CountsFleetWide || !Shares(breaker.Name))
            {
                return;
            }

            if (_reachable)
            {
                Enqueue(FleetWork.ForCount(breaker, FleetWorkKind.Cleared));
            }
            else
            {
                _clearedWhileAway[breaker.Name] = breaker;
            }
        }

        private async Task ProcessCountAsync(FleetWork work)
        {
            CircuitBreaker breaker = work.Breaker;
            if (!_reachable)
            {
                if (work.Kind == FleetWorkKind.Cleared)
                {
                    _clearedWhileAway[breaker.Name] = breaker;
                }

                return; // counted alone (the failure is already in the breaker's own count)
            }

            switch (work.Kind)
            {
                case FleetWorkKind.Failure when !breaker.IsRatioMode:
                    await CountFailureAsync(breaker).ConfigureAwait(false);
                    break;
                case FleetWorkKind.Failure:
                case FleetWorkKind.WriteWindow:
                    if (breaker.State == CircuitState.Closed)
                    {
                        await WriteWindowAsync(breaker).ConfigureAwait(false);
                    }

                    break;
                case FleetWorkKind.Cleared:
                    await ClearCountAsync(breaker).ConfigureAwait(false);
                    break;
            }
        }

        private async Task CountFailureAsync(CircuitBreaker breaker)
        {
            string name = breaker.Name;
            long clears = ClearsApplied;
            (bool ok, RedisResult result) = await RunAsync("count a failure", () => Database.ScriptEvaluateAsync(FleetScripts.CountFailure,
                new RedisKey[] { _keys.Count(name) },
                new RedisValue[] { _keys.Channel, FleetMessage.Version + "|count|" + InstanceId + "|", "|" + name })).ConfigureAwait(false);
            if (ok)
            {
                ApplyCount(breaker, (long)result, ownIncrement: true, clearsWhenSent: clears);
            }
        }

        private async Task ClearCountAsync(CircuitBreaker breaker)
        {
            string name = breaker.Name;
            (bool ok, RedisResult result) = await RunAsync("clear the count", () => Database.ScriptEvaluateAsync(FleetScripts.ClearCount,
                new RedisKey[] { _keys.Count(name) },
                new RedisValue[] { _keys.Channel, new FleetMessage(FleetMessageKind.Count, InstanceId, 0, name).Format() })).ConfigureAwait(false);
            if (!ok)
            {
                _clearedWhileAway[name] = breaker; // Redis went away meanwhile: cleared on reconnect
                return;
            }

            _clearedWhileAway.TryRemove(name, out _);
            if ((long)result == 1)
            {
                FleetLog.CountCleared(_logger, name, Fleet);
            }
        }

        private async Task WriteWindowAsync(CircuitBreaker breaker)
        {
            string name = breaker.Name;
            breaker.ReadCounts(out long calls, out long failures);
            (bool ok, RedisResult result) = await RunAsync("write the window", () => Database.ScriptEvaluateAsync(FleetScripts.WriteWindow,
                new RedisKey[] { _keys.Window(name) },
                new RedisValue[] { InstanceId, calls, failures, WindowValidityMs, _keys.Channel,
                    new FleetMessage(FleetMessageKind.Window, InstanceId, 0, name).Format() })).ConfigureAwait(false);
            if (ok && TryReadPair(result, out long fleetCalls, out long fleetFailures))
            {
                ApplyWindow(breaker, fleetCalls, fleetFailures);
            }
        }

        // Consecutive mode: the fleet's count, from this instance's increment, a message (any thread) or the
        // reconciliation. The instance whose increment reached the threshold logs it (once for the fleet); it may
        // already be Open, its own count having got there first.
        // A count read from Redis (a reply, a reconciliation) passes the clears seen when it was asked for: it is
        // dropped if a clear was applied since. Messages pass null: each is the fleet's count when it was published.
        private void ApplyCount(CircuitBreaker breaker, long failures, bool ownIncrement, long? clearsWhenSent = null)
        {
            bool reached;
            lock (_countGate)
            {
                if (clearsWhenSent is long sent && sent != _clearsApplied)
                {
                    return;
                }

                if (failures == 0)
                {
                    _clearsApplied++;
                }

                reached = breaker.ApplyFleetFailures(failures);
            }

            if (reached && ownIncrement)
            {
                FleetLog.CountReached(_logger, breaker.Name, Fleet, failures, failures);
            }
        }

        /// <summary>How many clears this instance has applied (see <see cref="_clearsApplied"/>).</summary>
        private long ClearsApplied
        {
            get
            {
                lock (_countGate)
                {
                    return _clearsApplied;
                }
            }
        }

        // Ratio mode: the fleet's window, read back by this instance's own write (the worker only).
        private void ApplyWindow(CircuitBreaker breaker, long calls, long failures)
        {
            bool wasClosed = breaker.State == CircuitState.Closed;
            if (breaker.ApplyFleetWindow(calls, failures) && wasClosed)
            {
                FleetLog.CountReached(_logger, breaker.Name, Fleet, failures, calls);
            }
        }

        // Reconciliation, after the state: raise to the fleet's count, or share the window while it holds failures.
        private async Task ReconcileCountAsync(CircuitBreaker breaker, long fleetFailures, long clearsBeforeRead)
        {
            if (breaker.State != CircuitState.Closed)
            {
                return;
            }

            if (!breaker.IsRatioMode)
            {
                if (fleetFailures > 0 && !_clearedWhileAway.ContainsKey(breaker.Name))
                {
                    ApplyCount(breaker, fleetFailures, ownIncrement: false, clearsWhenSent: clearsBeforeRead);
                }

                return;
            }

            breaker.ReadCounts(out _, out long failures);
            if (fleetFailures > 0 || failures > 0)
            {
                await WriteWindowAsync(breaker).ConfigureAwait(false);
            }
        }

        // Reconciliation, first: the streaks a success ended while Redis was away.
        private async Task ClearWhatWasClearedAwayAsync()
        {
            foreach (CircuitBreaker breaker in _clearedWhileAway.Values)
            {
                await ClearCountAsync(breaker).ConfigureAwait(false);
                if (!_reachable)
                {
                    return;
                }
            }
        }
    }
}
