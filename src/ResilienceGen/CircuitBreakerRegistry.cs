using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.ComponentModel;
using System.Linq;

namespace ResilienceGen
{
    /// <summary>
    /// The process-wide set of circuit breakers, by name (<see cref="Resilience.Breakers"/>). A breaker is added
    /// the first time any method naming it is called; the first registration's settings win.
    /// </summary>
    public sealed class CircuitBreakerRegistry
    {
        private readonly ConcurrentDictionary<string, CircuitBreaker> _breakers =
            new ConcurrentDictionary<string, CircuitBreaker>(StringComparer.Ordinal);

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
            return _breakers.GetOrAdd(name, created);
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
        /// For tests: forgets every breaker, so the next call of each method creates a fresh one. Not for
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
        }
    }
}
