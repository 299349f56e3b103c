using System;

namespace ResilienceGen.Internal
{
    /// <summary>
    /// What every kind of attempt asks the generated code the same way, whatever its return type: the call's state,
    /// the exception filters and the retry hooks. Each attempt struct adds only its own body and fallback.
    /// </summary>
    internal readonly struct AttemptCallbacks<TState>
    {
        private readonly Func<TState, Exception, bool>? _retryFilter;
        private readonly Func<TState, Exception, bool>? _breakerFilter;
        private readonly Action<TState, int, TimeSpan, Exception>? _onRetry;
        private readonly Func<TState, Exception, TimeSpan?>? _retryAfter;

        public AttemptCallbacks(
            TState state, Func<TState, Exception, bool>? retryFilter, Func<TState, Exception, bool>? breakerFilter,
            Action<TState, int, TimeSpan, Exception>? onRetry, Func<TState, Exception, TimeSpan?>? retryAfter)
        {
            State = state;
            _retryFilter = retryFilter;
            _breakerFilter = breakerFilter;
            _onRetry = onRetry;
            _retryAfter = retryAfter;
        }

        public TState State { get; }

        /// <summary>No filter means every exception is retried.</summary>
        public bool RetryFilterAccepts(Exception exception) => _retryFilter is null || _retryFilter(State, exception);

        /// <summary>No filter means every exception counts as a breaker failure.</summary>
        public bool BreakerFilterAccepts(Exception exception) => _breakerFilter is null || _breakerFilter(State, exception);

        /// <summary>The delay the user's <c>RetryAfter</c> method asks for, or null (no method, or it said null).</summary>
        public TimeSpan? RetryAfter(Exception exception) => _retryAfter?.Invoke(State, exception);

        public void OnRetry(int attempt, TimeSpan delay, Exception exception) => _onRetry?.Invoke(State, attempt, delay, exception);
    }
}
