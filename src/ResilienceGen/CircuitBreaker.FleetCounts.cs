using System;
using System.Threading;
using ResilienceGen.Internal;
using ResilienceGen.Telemetry;

namespace ResilienceGen
{
    // Fleet-wide failure counting (issue 20): the breaker tells an ICircuitBreakerCountObserver of its failures (and of
    // the success ending a streak), and takes counts learnt from elsewhere. Only the failure path and the success that
    // clears a non-zero count reach this file; a Closed breaker's success with a zero count never does.
    public sealed partial class CircuitBreaker
    {
        /// <summary>True when the breaker opens on a failure ratio over a sampling window (else on consecutive failures).</summary>
        public bool IsRatioMode => _settings.IsRatioMode;

        /// <summary>
        /// The failures the breaker counts right now: consecutive mode, <paramref name="calls"/> = <paramref name="failures"/>
        /// = the consecutive-failure count; ratio mode, the calls and failures of the current sampling window.
        /// </summary>
        public void ReadCounts(out long calls, out long failures)
        {
            RatioWindow? window = _window;
            if (window != null)
            {
                window.Read(Now(), out calls, out failures);
                return;
            }

            calls = failures = Volatile.Read(ref _consecutiveFailures);
        }

        /// <summary>
        /// Consecutive mode: the fleet's count of failures since its last success. A positive count raises this
        /// breaker's consecutive-failure count to it (never lowers it), so this instance's next success clears the streak
        /// (and its observer hears <see cref="ICircuitBreakerCountObserver.OnFailuresCleared"/>); zero (the streak ended
        /// elsewhere) clears the count. When the count reaches <c>FailureThreshold</c> a Closed breaker opens (a local
        /// transition, told to the observer as any other).
        /// </summary>
        /// <returns>True when <paramref name="failures"/> reached <c>FailureThreshold</c>; false otherwise, and in ratio mode.</returns>
        public bool ApplyFleetFailures(long failures)
        {
            BreakerSettings settings = _settings;
            if (settings.IsRatioMode || _state != (int)CircuitState.Closed)
            {
                return !settings.IsRatioMode && failures >= settings.FailureThreshold;
            }

            int target = failures > int.MaxValue ? int.MaxValue : (int)Math.Max(0, failures);
            if (target == 0)
            {
                Volatile.Write(ref _consecutiveFailures, 0);
                return false;
            }

            int current;
            while ((current = Volatile.Read(ref _consecutiveFailures)) < target
                   && Interlocked.CompareExchange(ref _consecutiveFailures, target, current) != current)
            {
            }

            if (failures < settings.FailureThreshold)
            {
                return false;
            }

            OpenIfClosed(null, null);
            return true;
        }

        /// <summary>
        /// Ratio mode: the fleet's sampling window (every instance's calls and failures summed). A Closed breaker opens
        /// when it passes the breaker's own thresholds (<c>MinimumThroughput</c> calls, <c>FailureRatio</c>); this
        /// breaker's window is left as it is.
        /// </summary>
        /// <returns>True when the window passed the thresholds; false otherwise, and in consecutive mode.</returns>
        public bool ApplyFleetWindow(long calls, long failures)
        {
            BreakerSettings settings = _settings;
            if (!settings.IsRatioMode || calls < settings.MinimumThroughput || failures < settings.FailureRatio * calls || failures == 0)
            {
                return false;
            }

            OpenIfClosed(null, null);
            return true;
        }

        // The failure path (not a probe): tell a count observer while Closed.
        private void NotifyFailureCounted()
        {
            if (_state == (int)CircuitState.Closed && CircuitBreakerRegistry.CurrentObserver is ICircuitBreakerCountObserver observer)
            {
                try
                {
                    observer.OnFailureCounted(this);
                }
                catch (Exception ex)
                {
                    ResilienceTelemetry.BreakerObserverFailed(this, ex, null, null);
                }
            }
        }

        // A success just cleared a non-zero consecutive count.
        private void NotifyFailuresCleared()
        {
            if (CircuitBreakerRegistry.CurrentObserver is ICircuitBreakerCountObserver observer)
            {
                try
                {
                    observer.OnFailuresCleared(this);
                }
                catch (Exception ex)
                {
                    ResilienceTelemetry.BreakerObserverFailed(this, ex, null, null);
                }
            }
        }
    }
}
