using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.ComponentModel;
using System.Linq;
using ResilienceGen.Internal;

namespace ResilienceGen
{
    /// <summary>
    /// The process-wide set of circuit breakers, by name (<see cref="Resilience.Breakers"/>). A breaker is added
    /// the first time any method naming it is called; the first registration's settings win.
    /// </summary>
    public sealed partial class CircuitBreakerRegistry
    {
        private readonly ConcurrentDictionary<string, CircuitBreaker> _breakers =
            new ConcurrentDictionary<string, CircuitBreaker>(StringComparer.Ordinal);

        // Base names of keyed breakers whose key cap was reached (BreakerKeysExhausted is logged once per name).
        private readonly ConcurrentDictionary<string, bool> _keysExhausted =
            new ConcurrentDictionary<string, bool>(StringComparer.Ordinal);

        internal CircuitBreakerRegistry()
        {
        }

        /// <summary>Every registered breaker, ordered by name (a snapshot).</summary>
        public IReadOnlyCollection<CircuitBreaker> All =>
            _breakers.Values.OrderBy(b => b.Name, StringComparer.Ordinal).ToArray();

        /// <summary>The breaker named <paramref name="name"/>.</summary>
        /// <exception cref="KeyNotFoundException">No such breaker; the message lists the known names.</exception>
        public CircuitBreaker this[string name]
        {
            get
            {
                if (name is null)
                {
                    throw new ArgumentNullException(nameof(name));
                }

                if (_breakers.TryGetValue(name, out CircuitBreaker? breaker))
                {
                    return breaker;
                }

                string known = _breakers.IsEmpty
                    ? "none (a breaker is registered when a method naming it is first called)"
                    : string.Join(", ", _breakers.Keys.OrderBy(k => k, StringComparer.Ordinal).Select(k => "'" + k + "'"));
                throw new KeyNotFoundException($"No circuit breaker named '{name}'. Known breakers: {known}.");
            }
        }

        /// <summary>Gets the breaker named <paramref name="name"/>, if it is registered.</summary>
        public bool TryGet(string name, out CircuitBreaker breaker)
        {
            if (name is null)
            {
                throw new ArgumentNullException(nameof(name));
            }

            if (_breakers.TryGetValue(name, out CircuitBreaker? found))
            {
                breaker = found;
                return true;
            }

            breaker = null!;
            return false;
        }

        /// <summary>
        /// The breaker named <paramref name="name"/>, created with <paramref name="options"/> if it does not exist
        /// yet. An existing breaker keeps its own settings (the first registration wins).
        /// </summary>
        public CircuitBreaker GetOrAdd(string name, CircuitBreakerOptions options)
        {
            if (name is null)
            {
                throw new ArgumentNullException(nameof(name));
            }

            if (options is null)
            {
                throw new ArgumentNullException(nameof(options));
            }

            if (_breakers.TryGetValue(name, out CircuitBreaker? existing))
            {
                return existing;
            }

            // Built outside GetOrAdd's factory so that a losing racer's breaker is simply dropped.
            var created = new CircuitBreaker(name, options);
            CircuitBreaker winner = _breakers.GetOrAdd(name, created);
            if (ReferenceEquals(winner, created) && RuntimeOverrides.BreakerOverrides.ContainsKey(name))
            {
                ApplyOverride(winner);
            }

            return winner;
        }

        /// <summary>
        /// The keyed breaker named <paramref name="name"/> (<c>"&lt;baseName&gt;/&lt;key&gt;"</c>), created with
        /// <paramref name="options"/> if it does not exist yet; the overrides of <paramref name="baseName"/> and of
        /// <paramref name="name"/> (which wins) apply to a new one.
        /// </summary>
        internal CircuitBreaker GetOrAddKeyed(string baseName, string name, CircuitBreakerOptions options)
        {
            if (_breakers.TryGetValue(name, out CircuitBreaker? existing))
            {
                return existing;
            }

            var created = new CircuitBreaker(name, options) { KeyedBaseName = baseName };
            CircuitBreaker winner = _breakers.GetOrAdd(name, created);
            if (ReferenceEquals(winner, created)
                && (RuntimeOverrides.BreakerOverrides.ContainsKey(name) || RuntimeOverrides.BreakerOverrides.ContainsKey(baseName)))
            {
                ApplyOverride(winner);
            }

            return winner;
        }

        /// <summary>Forgets a keyed breaker its group dropped (only that instance, if it is still the registered one).</summary>
        internal void RemoveDropped(CircuitBreaker breaker)
        {
            if (((ICollection<KeyValuePair<string, CircuitBreaker>>)_breakers).Remove(new KeyValuePair<string, CircuitBreaker>(breaker.Name, breaker)))
            {
                breaker.Detach();
            }
        }

        /// <summary>True the first time the key cap of <paramref name="baseName"/> is reached (since the last clear).</summary>
        internal bool FirstKeysExhausted(string baseName) => _keysExhausted.TryAdd(baseName, true);

        /// <summary>
        /// Overrides the settings of the breaker named <paramref name="name"/> while the process runs: the action
        /// gets a copy of the breaker's declared settings (its first registration's) to change. Applies from the
        /// next call; the breaker keeps its state and counters, and a new <c>BreakDurationMs</c> applies to an
        /// ongoing break too. If the breaker does not exist yet, the override waits for it. The latest override of
        /// a name replaces the previous one. <c>Name</c> cannot be changed.
        /// </summary>
        /// <exception cref="ArgumentOutOfRangeException">The action set a value out of range; nothing changed.</exception>
        public void Configure(string name, Action<CircuitBreakerOptions> configure)
        {
            if (name is null)
            {
                throw new ArgumentNullException(nameof(name));
            }

            if (configure is null)
            {
                throw new ArgumentNullException(nameof(configure));
            }

            // Check the override before storing it: against the real breaker's settings when it exists.
            CircuitBreakerOptions trial = _breakers.TryGetValue(name, out CircuitBreaker? existing)
                ? existing.CopyOfDeclaredOptions()
                : new CircuitBreakerOptions();
            configure(trial);
            trial.Validate();

            RuntimeOverrides.BreakerOverrides[name] = configure;
            ApplyOverridesOf(name);
        }

        /// <summary>Drops the override of <paramref name="name"/>; its breaker returns to its declared settings.</summary>
        /// <returns>True if there was an override.</returns>
        public bool RemoveOverride(string name)
        {
            if (name is null)
            {
                throw new ArgumentNullException(nameof(name));
            }

            bool removed = RuntimeOverrides.BreakerOverrides.TryRemove(name, out _);
            ApplyOverridesOf(name);
            return removed;
        }

        /// <summary>
        /// Kill switch of one breaker: while disabled, methods naming it call their body without it (no admission,
        /// no counting); their retry, if any, still applies. Takes effect on the next call.
        /// </summary>
        public void SetEnabled(string name, bool enabled)
        {
            if (name is null)
            {
                throw new ArgumentNullException(nameof(name));
            }

            if (enabled)
            {
                RuntimeOverrides.DisabledBreakers.TryRemove(name, out _);
            }
            else
            {
                RuntimeOverrides.DisabledBreakers[name] = true;
            }

            RuntimeOverrides.Changed();
        }

        /// <summary>False while <see cref="SetEnabled"/> has switched the breaker named <paramref name="name"/> off.</summary>
        public bool IsEnabled(string name) => !RuntimeOverrides.DisabledBreakers.ContainsKey(name ?? throw new ArgumentNullException(nameof(name)));

        /// <summary>Re-applies the current overrides (or the declared settings) to every breaker.</summary>
        internal void ReapplyOverrides()
        {
            foreach (CircuitBreaker breaker in _breakers.Values)
            {
                ApplyOverride(breaker);
            }
        }

        /// <summary>
        /// Re-applies the settings of the breaker named <paramref name="name"/> and, when it is the base name of
        /// keyed breakers, of each of them.
        /// </summary>
        private void ApplyOverridesOf(string name)
        {
            if (_breakers.TryGetValue(name, out CircuitBreaker? breaker))
            {
                ApplyOverride(breaker);
            }

            foreach (CircuitBreaker keyed in _breakers.Values)
            {
                if (keyed.KeyedBaseName == name)
                {
                    ApplyOverride(keyed);
                }
            }
        }

        private static void ApplyOverride(CircuitBreaker breaker)
        {
            CircuitBreakerOptions options = breaker.CopyOfDeclaredOptions();
            // A keyed breaker takes its base name's override first, then its own on top (the single key's wins).
            Action<CircuitBreakerOptions>? baseConfigure = null;
            bool hasBase = breaker.KeyedBaseName is { } baseName
                           && RuntimeOverrides.BreakerOverrides.TryGetValue(baseName, out baseConfigure);
            bool hasOwn = RuntimeOverrides.BreakerOverrides.TryGetValue(breaker.Name, out Action<CircuitBreakerOptions>? configure);
            if (hasBase || hasOwn)
            {
                try
                {
                    baseConfigure?.Invoke(options);
                    configure?.Invoke(options);
                    options.Validate();
                }
                catch (Exception ex)
                {
                    Telemetry.ResilienceTelemetry.BreakerOverrideRejected(breaker, ex);
                    options = breaker.CopyOfDeclaredOptions();
                }
            }

            breaker.ApplySettings(new BreakerSettings(options));
        }

        /// <summary>Resets every registered breaker to Closed.</summary>
        public void ResetAll()
        {
            foreach (CircuitBreaker breaker in _breakers.Values)
            {
                breaker.Reset();
            }
        }

        /// <summary>
        /// For tests: forgets every breaker, override and kill switch, so the next call of each method creates a
        /// fresh breaker with its declared settings. Not for
        /// production code: breakers in use keep working but are no longer shared with new lookups.
        /// </summary>
        [EditorBrowsable(EditorBrowsableState.Never)]
        public void ClearForTesting()
        {
            foreach (string name in _breakers.Keys)
            {
                if (_breakers.TryRemove(name, out CircuitBreaker? removed))
                {
                    removed.Detach();
                }
            }

            _keysExhausted.Clear();
            RuntimeOverrides.Clear();
        }
    }
}
