using System;
using System.Collections.Concurrent;
using ResilienceGen.Internal;

namespace ResilienceGen
{
    /// <summary>
    /// Runtime control of resilient methods by name (<c>Namespace.Type.Method</c>, shared by overloads):
    /// retry overrides and a per-method kill switch (<see cref="Resilience.Methods"/>). Changes apply from the
    /// next call.
    /// </summary>
    public sealed class ResilientMethodRegistry
    {
        internal ResilientMethodRegistry()
        {
        }

        /// <summary>
        /// Overrides the retry settings of the method(s) named <paramref name="methodName"/>: the action gets a copy
        /// of the declared settings (the attribute's values) to change. Only methods with <c>[WithRetry]</c> are
        /// affected. The latest override of a name replaces the previous one.
        /// </summary>
        /// <exception cref="ArgumentOutOfRangeException">
        /// The action set a value out of range: checked against the method's declared settings once its descriptor
        /// exists; before that only each property's own range is checked, and a clash with the declared settings
        /// (<c>MaxDelayMs</c> below <c>BaseDelayMs</c>) is found on the method's next call, which then keeps its
        /// declared settings and logs <c>OverrideRejected</c>.
        /// </exception>
        public void ConfigureRetry(string methodName, Action<RetryOptions> configure)
            => StoreOverride(RuntimeOverrides.RetryOverrides, methodName, configure, () =>
            {
                if (RuntimeOverrides.DeclaredRetries.TryGetValue(methodName, out RetryOptions? declared))
                {
                    RetryOptions trial = declared.Clone();
                    configure(trial);
                    trial.Validate();
                }
                else
                {
                    var trial = new RetryOptions();
                    configure(trial);
                    trial.ValidateEachProperty();
                }
            });

        /// <summary>Drops the retry override of <paramref name="methodName"/>; the declared settings apply again.</summary>
        /// <returns>True if there was an override.</returns>
        public bool RemoveRetryOverride(string methodName) => RemoveOverride(RuntimeOverrides.RetryOverrides, methodName);

        /// <summary>
        /// Overrides the timeouts of the method(s) named <paramref name="methodName"/>: the action gets a copy of the
        /// declared settings (the <c>[WithTimeout]</c> values) to change; setting both limits to 0 switches the
        /// timeouts off. Only methods with <c>[WithTimeout]</c> are affected (only their bodies take the timeout's
        /// token). The latest override of a name replaces the previous one.
        /// </summary>
        /// <exception cref="ArgumentOutOfRangeException">
        /// The action set a value out of range (below 0, or AttemptMs above TotalMs with both set), checked against
        /// the method's declared settings once its descriptor exists, else against the defaults.
        /// </exception>
        public void ConfigureTimeout(string methodName, Action<TimeoutOptions> configure)
            => StoreOverride(RuntimeOverrides.TimeoutOverrides, methodName, configure, () =>
            {
                TimeoutOptions trial = RuntimeOverrides.DeclaredTimeouts.TryGetValue(methodName, out TimeoutOptions? declared)
                    ? declared.Clone()
                    : new TimeoutOptions();
                configure(trial);
                trial.Validate();
            });

        /// <summary>Drops the timeout override of <paramref name="methodName"/>; the declared settings apply again.</summary>
        /// <returns>True if there was an override.</returns>
        public bool RemoveTimeoutOverride(string methodName) => RemoveOverride(RuntimeOverrides.TimeoutOverrides, methodName);

        /// <summary>
        /// Kill switch of one method: while disabled, its wrapper calls the body directly and returns what it
        /// returns (no retry, no breaker, no counting).
        /// </summary>
        public void SetEnabled(string methodName, bool enabled)
        {
            if (methodName is null)
            {
                throw new ArgumentNullException(nameof(methodName));
            }

            if (enabled)
            {
                RuntimeOverrides.DisabledMethods.TryRemove(methodName, out _);
            }
            else
            {
                RuntimeOverrides.DisabledMethods[methodName] = true;
            }

            RuntimeOverrides.Changed();
        }

        /// <summary>False while <see cref="SetEnabled"/> has switched the method off.</summary>
        public bool IsEnabled(string methodName)
            => !RuntimeOverrides.DisabledMethods.ContainsKey(methodName ?? throw new ArgumentNullException(nameof(methodName)));

        /// <summary>
        /// Checks a method override with <paramref name="check"/> (which throws when a value is out of range; nothing
        /// is stored then), stores it, and makes every descriptor rebuild its policy.
        /// </summary>
        private static void StoreOverride<TOptions>(ConcurrentDictionary<string, Action<TOptions>> overrides, string methodName, Action<TOptions> configure, Action check)
        {
            if (methodName is null)
            {
                throw new ArgumentNullException(nameof(methodName));
            }

            if (configure is null)
            {
                throw new ArgumentNullException(nameof(configure));
            }

            check();
            overrides[methodName] = configure;
            RuntimeOverrides.Changed();
        }

        private static bool RemoveOverride<TOptions>(ConcurrentDictionary<string, Action<TOptions>> overrides, string methodName)
        {
            if (methodName is null)
            {
                throw new ArgumentNullException(nameof(methodName));
            }

            bool removed = overrides.TryRemove(methodName, out _);
            RuntimeOverrides.Changed();
            return removed;
        }
    }
}
