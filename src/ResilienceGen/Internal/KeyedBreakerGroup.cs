using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using ResilienceGen.Telemetry;

// ConcurrentDictionary's TKey is notnull; null keys never reach it (they have their own slot).
#pragma warning disable CS8714

namespace ResilienceGen.Internal
{
    /// <summary>
    /// The keyed breakers of one method (<c>KeyBy</c>): one <see cref="CircuitBreaker"/> per distinct key value,
    /// registered as <c>"&lt;base&gt;/&lt;key&gt;"</c>. A key seen before costs one lock-free lookup by its value
    /// (<see cref="EqualityComparer{T}.Default"/>, no boxing, no string); a new key builds its name once, under a
    /// lock. At most <c>maxKeys</c> keys are kept: past that a breaker indistinguishable from a new one is dropped
    /// to make room, and when none is, the new key shares the overflow breaker <c>"&lt;base&gt;/*"</c>.
    /// </summary>
    /// <remarks>
    /// One group per breaker name (and key type), shared by every keyed method naming it, so the cap holds per
    /// name; like a breaker's settings, the first method to make the group decides its settings and cap.
    /// </remarks>
    /// <typeparam name="TKey">The type of the method's key expression.</typeparam>
    internal sealed class KeyedBreakerGroup<TKey>
    {
        private static readonly ConcurrentDictionary<string, KeyedBreakerGroup<TKey>> s_byName =
            new ConcurrentDictionary<string, KeyedBreakerGroup<TKey>>(System.StringComparer.Ordinal);

        /// <summary>The key of the overflow breaker.</summary>
        internal const string OverflowKey = "*";

        // True for reference types and Nullable<T>: only those keys can be null.
        private static readonly bool s_keyCanBeNull = default(TKey) is null;

        private readonly object _gate = new object();
        private readonly ConcurrentDictionary<TKey, CircuitBreaker> _breakers = new ConcurrentDictionary<TKey, CircuitBreaker>();
        private readonly ResilientMethod _method;
        private readonly string _baseName;
        private readonly CircuitBreakerOptions _options;
        private readonly int _maxKeys;
        private volatile CircuitBreaker? _nullKey;
        private CircuitBreaker? _overflow; // under _gate
        private int _count; // under _gate: keys kept, the null key included

        private KeyedBreakerGroup(ResilientMethod method, string baseName, CircuitBreakerOptions options, int maxKeys)
        {
            _method = method;
            _baseName = baseName;
            _options = options;
            _maxKeys = maxKeys;
        }

        /// <summary>The group of <paramref name="baseName"/>, made with this method's settings if it is the first.</summary>
        public static KeyedBreakerGroup<TKey> For(ResilientMethod method, string baseName, CircuitBreakerOptions options, int maxKeys)
            => s_byName.TryGetValue(baseName, out KeyedBreakerGroup<TKey>? group)
                ? group
                : s_byName.GetOrAdd(baseName, new KeyedBreakerGroup<TKey>(method, baseName, options, maxKeys));

        /// <summary>The breaker of <paramref name="key"/>: lock-free for a key seen before.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public CircuitBreaker Get(TKey key)
        {
            CircuitBreaker? breaker;
            if (IsNull(key))
            {
                breaker = _nullKey;
            }
            else
            {
                _breakers.TryGetValue(key, out breaker);
            }

            // Detached: the registry was cleared (tests) or another method's group dropped this name.
            return breaker != null && !breaker.IsDetached ? breaker : Add(key);
        }

        /// <summary>
        /// <c>key is null</c> without boxing a value-type key, even in code the JIT has not optimized yet (tier 0
        /// would box it for the test; a Nullable key with a value would even allocate).
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static bool IsNull(TKey key)
            => typeof(TKey).IsValueType ? s_keyCanBeNull && EqualityComparer<TKey>.Default.Equals(key, default!) : key is null;

        /// <summary>The name of <paramref name="key"/>'s breaker: <c>"&lt;base&gt;/&lt;key.ToString()&gt;"</c>, null as "".</summary>
        internal static string NameOf(string baseName, TKey key) => baseName + "/" + (IsNull(key) ? string.Empty : key!.ToString() ?? string.Empty);

        [MethodImpl(MethodImplOptions.NoInlining)]
        private CircuitBreaker Add(TKey key)
        {
            lock (_gate)
            {
                CircuitBreaker? existing = Find(key);
                if (existing != null)
                {
                    if (!existing.IsDetached)
                    {
                        return existing; // another thread added it meanwhile
                    }

                    Forget(key);
                }

                if (_count >= _maxKeys && !DropOne())
                {
                    return Overflow();
                }

                CircuitBreaker breaker = Resilience.Breakers.GetOrAddKeyed(_baseName, NameOf(_baseName, key), _options);
                if (IsNull(key))
                {
                    _nullKey = breaker;
                }
                else
                {
                    _breakers[key] = breaker;
                }

                _count++;
                return breaker;
            }
        }

        private CircuitBreaker? Find(TKey key)
        {
            if (IsNull(key))
            {
                return _nullKey;
            }

            return _breakers.TryGetValue(key, out CircuitBreaker? breaker) ? breaker : null;
        }

        private void Forget(TKey key)
        {
            if (IsNull(key))
            {
                _nullKey = null;
                _count--;
            }
            else if (_breakers.TryRemove(key, out _))
            {
                _count--;
            }
        }

        /// <summary>
        /// Makes room for one key: drops a breaker no one could tell from a new one (Closed, no failure in its
        /// window), or one already detached. False when every kept breaker holds state worth keeping.
        /// </summary>
        private bool DropOne()
        {
            CircuitBreaker? nullKey = _nullKey;
            if (nullKey != null && (nullKey.IsDetached || nullKey.IsIndistinguishableFromNew))
            {
                _nullKey = null;
                _count--;
                Resilience.Breakers.RemoveDropped(nullKey);
                return true;
            }

            foreach (KeyValuePair<TKey, CircuitBreaker> entry in _breakers)
            {
                CircuitBreaker candidate = entry.Value;
                if ((candidate.IsDetached || candidate.IsIndistinguishableFromNew) && _breakers.TryRemove(entry.Key, out _))
                {
                    _count--;
                    Resilience.Breakers.RemoveDropped(candidate);
                    return true;
                }
            }

            return false;
        }

        /// <summary>The breaker new keys share once the cap is reached; the first time per name, a warning says so.</summary>
        private CircuitBreaker Overflow()
        {
            CircuitBreaker? overflow = _overflow;
            if (overflow is null || overflow.IsDetached)
            {
                overflow = Resilience.Breakers.GetOrAddKeyed(_baseName, _baseName + "/" + OverflowKey, _options);
                _overflow = overflow;
            }

            if (Resilience.Breakers.FirstKeysExhausted(_baseName))
            {
                ResilienceTelemetry.BreakerKeysExhausted(_method, _baseName, _maxKeys, overflow.Name);
            }

            return overflow;
        }
    }
}
