using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.Extensions.Logging;
using ResilienceGen.Telemetry;

namespace ResilienceGen.Internal
{
    /// <summary>
    /// For generated code only: the descriptor of one resilient method, built once per method in a static field.
    /// It holds the method's name and policy and caches its breaker and fallback logger.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public sealed class ResilientMethod
    {
        private readonly CircuitBreakerOptions? _breakerOptions;
        private readonly string? _breakerName;
        private readonly string _loggerCategory;
        private readonly RetryOptions? _declaredRetry;
        private readonly RetrySettings? _declaredRetrySettings;
        private readonly TimeoutOptions? _declaredTimeout;
        private readonly TimeoutSettings? _declaredTimeoutSettings;
        private readonly RetryBudgetOptions? _budgetOptions;
        private volatile MethodPolicy _policy;
        private volatile CircuitBreaker? _breaker;
        private LoggerCache? _loggerCache; // read and written through Volatile
        private readonly int _maxKeys;
        private object? _keyedBreakers; // a KeyedBreakerGroup<TKey>, made on the first keyed call

        /// <summary>
        /// Creates the descriptor. <paramref name="retry"/> is null without <c>[WithRetry]</c>,
        /// <paramref name="breaker"/> null without <c>[CircuitBreaker]</c>.
        /// </summary>
        /// <param name="methodName"><c>Namespace.Type.Method</c>; tags logs and metrics.</param>
        /// <param name="retry">The retry policy, or null.</param>
        /// <param name="breaker">The breaker's settings (its <c>Name</c> defaults to the method name), or null.</param>
        /// <param name="retryHandle">
        /// The <c>Handle</c> types of <c>[WithRetry]</c> as declared, or null. The generated filter already tests
        /// them; the runtime looks only for argument exceptions among them, which are retried only when named.
        /// </param>
        /// <param name="breakerHandle">The <c>Handle</c> types of <c>[CircuitBreaker]</c>, likewise.</param>
        /// <param name="timeout">The timeouts of <c>[WithTimeout]</c>, or null without it.</param>
        /// <param name="maxKeys">
        /// Above 0 the breaker is keyed (<c>KeyBy</c>): the generated code passes each call's key to
        /// <see cref="FirstAttempt{TTask}.TryAdmit{TKey}(ResilientMethod, TKey)"/>, and at most this many keyed breakers are kept.
        /// </param>
        /// <param name="budget">
        /// The retry budget (its <c>Name</c> defaults to the method name), or null: written by the generator only when
        /// <c>BudgetPercent</c> is above 0.
        /// </param>
        public ResilientMethod(string methodName, RetryOptions? retry, CircuitBreakerOptions? breaker, Type[]? retryHandle = null, Type[]? breakerHandle = null, TimeoutOptions? timeout = null, int maxKeys = 0, RetryBudgetOptions? budget = null)
        {
            if (maxKeys < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(maxKeys), maxKeys, "MaxKeys must be at least 1.");
            }

            _maxKeys = breaker is null ? 0 : maxKeys;
            MethodName = methodName ?? throw new ArgumentNullException(nameof(methodName));
            RetryArgumentTypes = FixedRules.ArgumentTypesAmong(retryHandle);
            BreakerArgumentTypes = FixedRules.ArgumentTypesAmong(breakerHandle);
            if (retry != null)
            {
                _declaredRetrySettings = new RetrySettings(retry);
                _declaredRetry = retry.Clone();
                RuntimeOverrides.DeclaredRetries.TryAdd(MethodName, _declaredRetry);
            }

            if (timeout != null)
            {
                _declaredTimeoutSettings = TimeoutSettings.From(timeout);
                _declaredTimeout = timeout.Clone();
                RuntimeOverrides.DeclaredTimeouts.TryAdd(MethodName, _declaredTimeout);
            }

            if (breaker != null)
            {
                breaker.Validate();
                _breakerOptions = breaker;
                _breakerName = string.IsNullOrEmpty(breaker.Name) ? methodName : breaker.Name;
                BreakerTag = ResilienceMetrics.Tag(ResilienceMetrics.BreakerTag, _breakerName!);
            }

            if (budget != null)
            {
                budget.Validate();
                _budgetOptions = budget.Clone();
                _budgetOptions.Name = string.IsNullOrEmpty(budget.Name) ? methodName : budget.Name;
            }

            int lastDot = methodName.LastIndexOf('.');
            _loggerCategory = lastDot > 0 ? methodName.Substring(0, lastDot) : methodName;
            MethodTag = ResilienceMetrics.Tag(ResilienceMetrics.MethodTag, methodName);
            _policy = BuildPolicy(RuntimeOverrides.Version);
        }

        /// <summary>The method's full name, <c>Namespace.Type.Method</c>.</summary>
        public string MethodName { get; }

        /// <summary>The name of the method's breaker, or null when it has none.</summary>
        public string? BreakerName => _breakerName;

        /// <summary>
        /// The policy in force: declared settings plus runtime overrides. One volatile and one static read when
        /// nothing changed; rebuilt (off the happy path) after any override or kill-switch change.
        /// </summary>
        internal MethodPolicy Policy
        {
            [MethodImpl(MethodImplOptions.AggressiveInlining)]
            get
            {
                MethodPolicy policy = _policy;
                int version = RuntimeOverrides.Version;
                return policy.Version == version ? policy : RefreshPolicy(version);
            }
        }

        internal KeyValuePair<string, object?> MethodTag { get; }

        /// <summary>The argument-exception types <c>[WithRetry]</c>'s Handle names (see <see cref="FixedRules"/>).</summary>
        internal Type[] RetryArgumentTypes { get; }

        /// <summary>The argument-exception types <c>[CircuitBreaker]</c>'s Handle names.</summary>
        internal Type[] BreakerArgumentTypes { get; }

        internal KeyValuePair<string, object?> BreakerTag { get; }

        /// <summary>
        /// The method's breaker, taken from <see cref="Resilience.Breakers"/> on first use and cached; looked up
        /// again if the registry was cleared. Null for a keyed breaker: each call's comes from <see cref="KeyedBreaker{TKey}"/>.
        /// </summary>
        internal CircuitBreaker? Breaker
        {
            [MethodImpl(MethodImplOptions.AggressiveInlining)]
            get
            {
                CircuitBreaker? breaker = _breaker;
                if (breaker != null && !breaker.IsDetached)
                {
                    return breaker;
                }

                return _breakerName is null || IsKeyed ? null : ResolveBreaker();
            }
        }

        /// <summary>The breaker is one per key (<c>KeyBy</c>).</summary>
        internal bool IsKeyed => _maxKeys > 0;

        /// <summary>The keyed breaker of <paramref name="key"/> (only when <see cref="IsKeyed"/>); lock-free for a key seen before.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        internal CircuitBreaker KeyedBreaker<TKey>(TKey key)
            => (_keyedBreakers as KeyedBreakerGroup<TKey> ?? CreateKeyedBreakers<TKey>()).Get(key);

        /// <summary>The logger used when the type has none: category = the containing type's full name.</summary>
        internal ILogger FallbackLogger => LoggerCache.Get(ref _loggerCache, _loggerCategory);

        private MethodPolicy RefreshPolicy(int version)
        {
            MethodPolicy policy = BuildPolicy(version);
            _policy = policy;
            return policy;
        }

        private MethodPolicy BuildPolicy(int version)
        {
            bool passThrough = RuntimeOverrides.GloballyDisabled || RuntimeOverrides.DisabledMethods.ContainsKey(MethodName);
            bool useBreaker = _breakerName != null && !RuntimeOverrides.DisabledBreakers.ContainsKey(_breakerName);
            RetryBudget? budget = _budgetOptions is null ? null : Resilience.Budgets.GetOrAdd(_budgetOptions.Name!, _budgetOptions);
            return new MethodPolicy(version, passThrough, EffectiveRetry(), useBreaker, EffectiveTimeout(), budget);
        }

        private RetrySettings? EffectiveRetry()
            => Effective(_declaredRetry, _declaredRetrySettings, RuntimeOverrides.RetryOverrides, o => o.Clone(), o => new RetrySettings(o));

        private TimeoutSettings? EffectiveTimeout()
            => Effective(_declaredTimeout, _declaredTimeoutSettings, RuntimeOverrides.TimeoutOverrides, o => o.Clone(), TimeoutSettings.From);

        /// <summary>
        /// The settings in force for one layer: the declared ones, or, with an override for this method, a copy of
        /// the declared options changed by it. Off the call path (a policy is rebuilt only when an override changes).
        /// </summary>
        private TSettings? Effective<TOptions, TSettings>(
            TOptions? declared, TSettings? declaredSettings, ConcurrentDictionary<string, Action<TOptions>> overrides,
            Func<TOptions, TOptions> copy, Func<TOptions, TSettings?> settle)
            where TOptions : class
            where TSettings : class
        {
            if (declared is null || !overrides.TryGetValue(MethodName, out Action<TOptions>? configure))
            {
                return declaredSettings;
            }

            TOptions options = copy(declared);
            try
            {
                configure(options);
                return settle(options);
            }
            catch (Exception ex)
            {
                // Checked when configured; an override that still fails here (it depends on the declared values)
                // must not break calls: keep the declared settings and say why.
                ResilienceTelemetry.MethodOverrideRejected(this, ex);
                return declaredSettings;
            }
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        private KeyedBreakerGroup<TKey> CreateKeyedBreakers<TKey>()
        {
            // One key type per method (the generated key expression's); the group is shared by the methods naming it.
            KeyedBreakerGroup<TKey> group = KeyedBreakerGroup<TKey>.For(this, _breakerName!, _breakerOptions!, _maxKeys);
            _keyedBreakers = group;
            return group;
        }

        private CircuitBreaker ResolveBreaker()
        {
            CircuitBreaker breaker = Resilience.Breakers.GetOrAdd(_breakerName!, _breakerOptions!);
            _breaker = breaker;
            return breaker;
        }
    }
}
