using System;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.Extensions.Logging;
using ResilienceGen.Internal;
using ResilienceGen.Telemetry;

namespace ResilienceGen
{
    /// <summary>
    /// A named circuit breaker, shared by every method that names it. Get one from
    /// <see cref="Resilience.Breakers"/>.
    /// </summary>
    /// <remarks>
    /// The Closed path reads the state without a lock and writes shared state only when it changes; every
    /// transition, and admission while HalfOpen, happens under one lock so that probe admission is exact. Open
    /// turns HalfOpen lazily: the first call after the break duration (read through
    /// <see cref="Resilience.TimeProvider"/>) makes the transition; no timer runs.
    /// </remarks>
    public sealed partial class CircuitBreaker
    {
        private readonly object _gate = new object();
        // Successes are counted on every happy-path call: the cells sit in the breaker, not behind _metrics.
        private readonly StripedCounter _successes = StripedCounter.Create();
        private readonly CircuitBreakerMetrics _metrics;
        private readonly CircuitBreakerOptions _declared;
        private volatile int _state;
        private volatile BreakerSettings _settings;
        private volatile bool _measuresSlowCalls; // _settings.MeasuresSlowCalls, one load closer for the fast path
        private volatile RatioWindow? _window;
        private long _epoch;
        private long _openedAtTicks;
        private int _consecutiveFailures;
        private int _probesInFlight;
        private int _probeSuccesses;
        private volatile bool _detached;

        internal CircuitBreaker(string name, CircuitBreakerOptions options)
        {
            Name = name ?? throw new ArgumentNullException(nameof(name));
            _declared = options.Clone();
            _metrics = new CircuitBreakerMetrics(_successes);
            _settings = new BreakerSettings(options);
            _measuresSlowCalls = _settings.MeasuresSlowCalls;
            if (_settings.IsRatioMode)
            {
                _window = new RatioWindow(_settings.SamplingDurationTicks);
            }
        }

        /// <summary>The breaker's name.</summary>
        public string Name { get; }

        /// <summary>
        /// The current state. Open becomes HalfOpen on the first call after the break duration, so an Open
        /// breaker whose break has passed still reads Open until then.
        /// </summary>
        public CircuitState State => (CircuitState)_state;

        /// <summary>Running totals of successes, failures and rejections.</summary>
        public CircuitBreakerMetrics Metrics => _metrics;

        /// <summary>
        /// Raised on every state change, under the breaker's lock (so in order): keep handlers short. A handler's
        /// exception is logged and does not disturb the call that caused the change.
        /// </summary>
        public event EventHandler<CircuitStateChangedEventArgs>? StateChanged;

        internal BreakerSettings Settings => _settings;

        /// <summary>The breaker counts slow successes as failures (its settings' <c>SlowCallDurationMs</c> is set).</summary>
        internal bool MeasuresSlowCalls
        {
            [MethodImpl(MethodImplOptions.AggressiveInlining)]
            get => _measuresSlowCalls;
        }

        /// <summary>Closed right now (one volatile read): the fast path's admission test.</summary>
        internal bool IsClosed
        {
            [MethodImpl(MethodImplOptions.AggressiveInlining)]
            get => _state == (int)CircuitState.Closed;
        }

        /// <summary>True once the registry dropped this breaker (tests); descriptors then look the name up again.</summary>
        internal bool IsDetached => _detached;

        /// <summary>
        /// For a keyed breaker (<c>KeyBy</c>), the name its keys hang off (<c>"inventory"</c> for
        /// <c>"inventory/eu.example.com"</c>): that name's overrides apply to it too. Null for a plain breaker.
        /// Set once, before the breaker is published.
        /// </summary>
        internal string? KeyedBaseName { get; set; }

        /// <summary>
        /// True when dropping the breaker loses nothing (a keyed group over its cap may): Closed, no failure in the
        /// current window, and no <see cref="StateChanged"/> handler that would miss its later changes.
        /// </summary>
        internal bool IsIndistinguishableFromNew
        {
            get
            {
                if (_state != (int)CircuitState.Closed || StateChanged != null)
                {
                    return false;
                }

                RatioWindow? window = _window;
                if (window is null)
                {
                    return Volatile.Read(ref _consecutiveFailures) == 0;
                }

                window.Read(Now(), out _, out long failures);
                return failures == 0;
            }
        }

        /// <summary>Holds the circuit open (<see cref="CircuitState.Isolated"/>) until <see cref="Reset"/>.</summary>
        public void Isolate()
        {
            lock (_gate)
            {
                if (_state != (int)CircuitState.Isolated)
                {
                    TransitionLocked(CircuitState.Isolated, null, null);
                }
            }
        }

        /// <summary>Closes the circuit and clears the failure counters of the current window.</summary>
        public void Reset()
        {
            lock (_gate)
            {
                if (_state != (int)CircuitState.Closed)
                {
                    TransitionLocked(CircuitState.Closed, null, null);
                }
                else
                {
                    ClearClosedCounters();
                }
            }
        }

        internal void Detach() => _detached = true;

        /// <summary>A copy of the settings the breaker was created with (before any override).</summary>
        internal CircuitBreakerOptions CopyOfDeclaredOptions() => _declared.Clone();

        /// <summary>
        /// Swaps the settings (a runtime override); the state, counters and an ongoing break are kept, and the new
        /// break duration already applies to the current break.
        /// </summary>
        internal void ApplySettings(BreakerSettings settings)
        {
            lock (_gate)
            {
                BreakerSettings previous = _settings;
                if (!settings.IsRatioMode)
                {
                    _window = null;
                }
                else if (_window is null || !previous.IsRatioMode || previous.SamplingDurationTicks != settings.SamplingDurationTicks)
                {
                    _window = new RatioWindow(settings.SamplingDurationTicks);
                }

                _settings = settings;
                _measuresSlowCalls = settings.MeasuresSlowCalls;
            }
        }

        /// <summary>
        /// Admits a call: returns a ticket to report its outcome with, or <see cref="BreakerTicket.Rejected"/> with
        /// the time until a probe is allowed.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        internal BreakerTicket TryEnter(ResilientMethod? caller, ILogger? logger, out TimeSpan retryAfter)
        {
            if (_state == (int)CircuitState.Closed)
            {
                retryAfter = default;
                return BreakerTicket.Normal;
            }

            return TryEnterNotClosed(caller, logger, out retryAfter);
        }

        /// <summary>The call succeeded, or failed with an exception the breaker's filter excludes.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        internal void OnSuccess(BreakerTicket ticket, ResilientMethod? caller, ILogger? logger)
        {
            _successes.Increment();
            if (!ticket.IsProbe)
            {
                RatioWindow? window = _window;
                if (window != null)
                {
                    window.Record(Now(), failed: false);
                }
                else if (Volatile.Read(ref _consecutiveFailures) != 0)
                {
                    // Written only when it changes: the happy path of a healthy breaker writes nothing shared here.
                    Volatile.Write(ref _consecutiveFailures, 0);
                    NotifyFailuresCleared(); // the first success after failures (fleet-wide counting, CircuitBreaker.FleetCounts.cs)
                }
            }
            else
            {
                OnProbeDone(ticket, ProbeOutcome.Success, caller, logger);
            }
        }

        /// <summary>The call failed with an exception that counts as a failure.</summary>
        internal void OnFailure(BreakerTicket ticket, ResilientMethod? caller, ILogger? logger)
        {
            _metrics.AddFailure();
            if (ticket.IsProbe)
            {
                OnProbeDone(ticket, ProbeOutcome.Failure, caller, logger);
                return;
            }

            NotifyFailureCounted(); // fleet-wide counting (CircuitBreaker.FleetCounts.cs): queued before the threshold's check

            BreakerSettings settings = _settings;
            RatioWindow? window = _window;
            if (window != null)
            {
                long now = Now();
                window.Record(now, failed: true);
                if (_state == (int)CircuitState.Closed)
                {
                    window.Read(now, out long calls, out long failures);
                    if (calls >= settings.MinimumThroughput && failures >= settings.FailureRatio * calls)
                    {
                        OpenIfClosed(caller, logger);
                    }
                }
            }
            else if (Interlocked.Increment(ref _consecutiveFailures) >= settings.FailureThreshold
                     && _state == (int)CircuitState.Closed)
            {
                OpenIfClosed(caller, logger);
            }
        }

        /// <summary>
        /// The attempt counts as nothing (the caller cancelled it, or it failed with an argument error), but a
        /// probe's slot is freed.
        /// </summary>
        internal void OnNotCounted(BreakerTicket ticket)
        {
            if (ticket.IsProbe)
            {
                OnProbeDone(ticket, ProbeOutcome.Neutral, null, null);
            }
        }

        /// <summary>Counts a rejection (the invoker calls this once per rejected call).</summary>
        internal void OnRejected() => _metrics.AddRejection();

        private BreakerTicket TryEnterNotClosed(ResilientMethod? caller, ILogger? logger, out TimeSpan retryAfter)
        {
            int state = _state;
            if (state == (int)CircuitState.Isolated)
            {
                retryAfter = TimeSpan.MaxValue;
                return BreakerTicket.Rejected;
            }

            if (state == (int)CircuitState.Open)
            {
                // Lock-free while the break lasts: rejections only read.
                long remaining = OpenUntil() - Now();
                if (remaining > 0)
                {
                    retryAfter = new TimeSpan(remaining);
                    return BreakerTicket.Rejected;
                }
            }

            lock (_gate)
            {
                switch ((CircuitState)_state)
                {
                    case CircuitState.Closed:
                        retryAfter = default;
                        return BreakerTicket.Normal;
                    case CircuitState.Isolated:
                        retryAfter = TimeSpan.MaxValue;
                        return BreakerTicket.Rejected;
                    case CircuitState.Open:
                        long remaining = OpenUntil() - Now();
                        if (remaining > 0)
                        {
                            retryAfter = new TimeSpan(remaining);
                            return BreakerTicket.Rejected;
                        }

                        TransitionLocked(CircuitState.HalfOpen, caller, logger);
                        break;
                }

                // HalfOpen: admission is exact because it happens under the lock. While an observer gets a probe
                // lease from elsewhere (a fleet), this breaker waits for it without probing (CircuitBreaker.Decisions.cs).
                if (_probesInFlight >= _settings.HalfOpenMaxCalls || AwaitingProbeLeaseLocked())
                {
                    retryAfter = TimeSpan.Zero;
                    return BreakerTicket.Rejected;
                }

                _probesInFlight++;
                retryAfter = default;
                return BreakerTicket.Probe(_epoch);
            }
        }

        private void OnProbeDone(BreakerTicket ticket, ProbeOutcome outcome, ResilientMethod? caller, ILogger? logger)
        {
            lock (_gate)
            {
                if (ticket.Epoch != _epoch || _state != (int)CircuitState.HalfOpen)
                {
                    return; // The HalfOpen period this probe belonged to is over (Reset, Isolate, or another probe).
                }

                _probesInFlight--;
                switch (outcome)
                {
                    case ProbeOutcome.Failure:
                        TransitionLocked(CircuitState.Open, caller, logger);
                        break;
                    case ProbeOutcome.Success when ++_probeSuccesses >= _settings.SuccessThreshold:
                        TransitionLocked(CircuitState.Closed, caller, logger);
                        break;
                }
            }
        }

        private void OpenIfClosed(ResilientMethod? caller, ILogger? logger)
        {
            lock (_gate)
            {
                if (_state == (int)CircuitState.Closed)
                {
                    TransitionLocked(CircuitState.Open, caller, logger);
                }
            }
        }

        private void TransitionLocked(CircuitState to, ResilientMethod? caller, ILogger? logger,
            CircuitBreakerTransitionSource source = CircuitBreakerTransitionSource.Local)
        {
            var from = (CircuitState)_state;
            _epoch++;
            _probesInFlight = 0;
            _probeSuccesses = 0;
            switch (to)
            {
                case CircuitState.Open:
                    Volatile.Write(ref _openedAtTicks, Now());
                    break;
                case CircuitState.Closed:
                    ClearClosedCounters();
                    break;
            }

            _state = (int)to;

            ResilienceTelemetry.BreakerStateChanged(this, from, to, caller, logger, source);
            NotifyObserverLocked(from, to, source, caller, logger);

            EventHandler<CircuitStateChangedEventArgs>? handlers = StateChanged;
            if (handlers != null)
            {
                try
                {
                    handlers(this, new CircuitStateChangedEventArgs(Name, from, to));
                }
                catch (Exception ex)
                {
                    ResilienceTelemetry.StateChangedHandlerFailed(this, ex, caller, logger);
                }
            }
        }

        private void ClearClosedCounters()
        {
            Volatile.Write(ref _consecutiveFailures, 0);
            _window?.Clear();
        }

        // Computed from the settings of the moment, so an override of BreakDurationMs applies to an ongoing break.
        private long OpenUntil() => Volatile.Read(ref _openedAtTicks) + _settings.BreakDurationTicks;

        private static long Now() => Resilience.TimeProvider.GetUtcNow().UtcTicks;

        internal static string StateName(CircuitState state) => state switch
        {
            CircuitState.Closed => "Closed",
            CircuitState.Open => "Open",
            CircuitState.HalfOpen => "HalfOpen",
            CircuitState.Isolated => "Isolated",
            _ => "Unknown",
        };

        private enum ProbeOutcome
        {
            Success,
            Failure,
            Neutral,
        }
    }
}
