using System;
using System.Collections.Generic;
using System.ComponentModel;
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
        private volatile RetrySettings? _retry;
        private volatile CircuitBreaker? _breaker;
        private LoggerCache? _loggerCache; // read and written through Volatile

        /// <summary>
        /// Creates the descriptor. <paramref name="retry"/> is null without <c>[WithRetry]</c>,
        /// <paramref name="breaker"/> null without <c>[CircuitBreaker]</c>.
        /// </summary>
        /// <param name="methodName"><c>Namespace.Type.Method</c>; tags logs and metrics.</param>
        /// <param name="retry">The retry policy, or null.</param>
        /// <param name="breaker">The breaker's settings (its <c>Name</c> defaults to the method name), or null.</param>
        public ResilientMethod(string methodName, RetryOptions? retry, CircuitBreakerOptions? breaker)
        {
            MethodName = methodName ?? throw new ArgumentNullException(nameof(methodName));
            _retry = retry is null ? null : new RetrySettings(retry);
            if (breaker != null)
            {
                breaker.Validate();
                _breakerOptions = breaker;
                _breakerName = string.IsNullOrEmpty(breaker.Name) ? methodName : breaker.Name;
                BreakerTag = ResilienceMetrics.Tag(ResilienceMetrics.BreakerTag, _breakerName!);
            }

            int lastDot = methodName.LastIndexOf('.');
            _loggerCategory = lastDot > 0 ? methodName.Substring(0, lastDot) : methodName;
            MethodTag = ResilienceMetrics.Tag(ResilienceMetrics.MethodTag, methodName);
        }

        /// <summary>The method's full name, <c>Namespace.Type.Method</c>.</summary>
        public string MethodName { get; }

        /// <summary>The name of the method's breaker, or null when it has none.</summary>
        public string? BreakerName => _breakerName;

        internal RetrySettings? Retry => _retry;

        internal KeyValuePair<string, object?> MethodTag { get; }

        internal KeyValuePair<string, object?> BreakerTag { get; }

        /// <summary>
        /// The method's breaker, taken from <see cref="Resilience.Breakers"/> on first use and cached; looked up
        /// again if the registry was cleared.
        /// </summary>
        internal CircuitBreaker? Breaker
        {
            get
            {
                CircuitBreaker? breaker = _breaker;
                if (breaker != null && !breaker.IsDetached)
                {
                    return breaker;
                }

                return _breakerName is null ? null : ResolveBreaker();
            }
        }

        /// <summary>The logger used when the type has none: category = the containing type's full name.</summary>
        internal ILogger FallbackLogger => LoggerCache.Get(ref _loggerCache, _loggerCategory);

        private CircuitBreaker ResolveBreaker()
        {
            CircuitBreaker breaker = Resilience.Breakers.GetOrAdd(_breakerName!, _breakerOptions!);
            _breaker = breaker;
            return breaker;
        }
    }
}
