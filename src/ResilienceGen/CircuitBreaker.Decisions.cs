using System;
using System.Threading;
using Microsoft.Extensions.Logging;
using ResilienceGen.Internal;
using ResilienceGen.Telemetry;

namespace ResilienceGen
{
    // The seam a fleet of instances shares breaker decisions through (issue 19): transitions are reported to the
    // process's ICircuitBreakerObserver, and decisions made elsewhere come back through ApplyDecision. Nothing here
    // runs while the breaker is Closed, so the happy path stays one volatile read.
    public sealed partial class CircuitBreaker
    {
        // While HalfOpen: the UTC ticks until which the breaker waits for a probe lease instead of probing; 0 = none.
        // Read and written under _gate.
        private long _probeLeaseWaitUntil;

        /// <summary>
        /// Applies a decision made outside this process (by an <see cref="ICircuitBreakerObserver"/>, for example a
        /// fleet of instances). A change it makes is reported with <see cref="CircuitBreakerTransitionSource.Fleet"/>
        /// (log, metrics tag <c>source</c>, observer). An Isolated breaker takes only Isolate and Reset.
        /// </summary>
        /// <returns>True when the decision applied to the breaker's current state; false when it no longer fits
        /// (for example a lease granted to a breaker that is not waiting for one).</returns>
        public bool ApplyDecision(CircuitBreakerDecision decision)
        {
            lock (_gate)
            {
                var state = (CircuitState)_state;
                switch (decision.Kind)
                {
                    case CircuitBreakerDecisionKind.OpenFor:
                        if (state == CircuitState.Isolated)
                        {
                            return false;
                        }

                        if (state != CircuitState.Open)
                        {
                            TransitionLocked(CircuitState.Open, null, null, CircuitBreakerTransitionSource.Fleet);
                        }

                        // The break ends when the fleet's does: kept as the opening time that gives that end.
                        Volatile.Write(ref _openedAtTicks, Now() + decision.Duration.Ticks - _settings.BreakDurationTicks);
                        return true;

                    case CircuitBreakerDecisionKind.ProbeLeaseGranted:
                        if (state != CircuitState.HalfOpen || _probeLeaseWaitUntil == 0)
                        {
                            return false;
                        }

                        _probeLeaseWaitUntil = 0;
                        return true;

                    case CircuitBreakerDecisionKind.ProbeLeaseRefused:
                        if (state != CircuitState.HalfOpen || _probeLeaseWaitUntil == 0)
                        {
                            return false;
                        }

                        _probeLeaseWaitUntil = Now() + Math.Max(1, decision.Duration.Ticks);
                        return true;

                    case CircuitBreakerDecisionKind.Close:
                        if (state != CircuitState.Open && state != CircuitState.HalfOpen)
                        {
                            return false;
                        }

                        TransitionLocked(CircuitState.Closed, null, null, CircuitBreakerTransitionSource.Fleet);
                        return true;

                    case CircuitBreakerDecisionKind.Isolate:
                        if (state == CircuitState.Isolated)
                        {
                            return false;
                        }

                        TransitionLocked(CircuitState.Isolated, null, null, CircuitBreakerTransitionSource.Fleet);
                        return true;

                    case CircuitBreakerDecisionKind.Reset:
                        if (state != CircuitState.Closed)
                        {
                            TransitionLocked(CircuitState.Closed, null, null, CircuitBreakerTransitionSource.Fleet);
                        }
                        else
                        {
                            ClearClosedCounters();
                        }

                        return true;

                    default:
                        return false;
                }
            }
        }

        /// <summary>The break duration of the current settings (an override applies).</summary>
        public TimeSpan BreakDuration => new TimeSpan(_settings.BreakDurationTicks);

        /// <summary>
        /// The time left of the current break while Open (Zero once it has passed, or when not Open). Read without
        /// the lock.
        /// </summary>
        public TimeSpan RemainingBreak
        {
            get
            {
                if (_state != (int)CircuitState.Open)
                {
                    return TimeSpan.Zero;
                }

                long remaining = OpenUntil() - Now();
                return remaining > 0 ? new TimeSpan(remaining) : TimeSpan.Zero;
            }
        }

        /// <summary>True while HalfOpen and waiting for a probe lease (it rejects every call meanwhile).</summary>
        public bool IsAwaitingProbeLease
        {
            get
            {
                lock (_gate)
                {
                    return AwaitingProbeLeaseLocked();
                }
            }
        }

        // Under _gate, HalfOpen: waits for a lease while one is asked for and the wait has not run out; once it has,
        // the breaker decides alone (a silent observer never keeps it shut).
        private bool AwaitingProbeLeaseLocked()
        {
            if (_probeLeaseWaitUntil == 0)
            {
                return false;
            }

            if (Now() < _probeLeaseWaitUntil)
            {
                return true;
            }

            _probeLeaseWaitUntil = 0;
            return false;
        }

        // Under _gate, after every transition: tell the observer, and when the break ended here ask it whether to
        // wait for a probe lease.
        private void NotifyObserverLocked(CircuitState from, CircuitState to, CircuitBreakerTransitionSource source, ResilientMethod? caller, ILogger? logger)
        {
            _probeLeaseWaitUntil = 0;
            ICircuitBreakerObserver? observer = CircuitBreakerRegistry.CurrentObserver;
            if (observer is null)
            {
                return;
            }

            try
            {
                BreakerSettings settings = _settings;
                observer.OnTransition(this, new CircuitBreakerTransition(from, to, source, new TimeSpan(settings.BreakDurationTicks), settings.HalfOpenMaxCalls));
                if (to == CircuitState.HalfOpen && source == CircuitBreakerTransitionSource.Local)
                {
                    TimeSpan wait = observer.OnProbeLeaseNeeded(this);
                    if (wait > TimeSpan.Zero)
                    {
                        _probeLeaseWaitUntil = Now() + wait.Ticks;
                    }
                }
            }
            catch (Exception ex)
            {
                _probeLeaseWaitUntil = 0;
                ResilienceTelemetry.BreakerObserverFailed(this, ex, caller, logger);
            }
        }
    }
}
