using System;
using System.Threading;

namespace ResilienceGen.Internal
{
    /// <summary>
    /// What the generated wrapper handed in for one call, whatever its return kind: the state, the body, the
    /// exception filters, the retry hooks and the fallback. Kept together only once a call has left the happy path.
    /// </summary>
    internal readonly struct GeneratedCall<TState, TTask>
    {
        private readonly Func<TState, TTask>? _body;
        private readonly Func<TState, CancellationToken, TTask>? _timedBody;
        private readonly Func<TState, Exception, bool>? _retryFilter;
        private readonly Func<TState, Exception, bool>? _breakerFilter;
        private readonly Action<TState, int, TimeSpan, Exception>? _onRetry;
        private readonly Func<TState, Exception, TimeSpan?>? _retryAfter;
        private readonly Func<TState, Exception, TTask>? _fallback;

        public GeneratedCall(
            TState state, Func<TState, TTask> body, Func<TState, Exception, bool>? retryFilter, Func<TState, Exception, bool>? breakerFilter,
            Action<TState, int, TimeSpan, Exception>? onRetry, Func<TState, Exception, TimeSpan?>? retryAfter, Func<TState, Exception, TTask>? fallback,
            Func<TState, CancellationToken, TTask>? timedBody = null, TimeoutSettings? timeouts = null, long callStart = 0, AttemptClock firstClock = default)
        {
            _timedBody = timedBody;
            Timeouts = timeouts;
            CallStart = callStart;
            FirstClock = firstClock;
            State = state;
            _body = body;
            _retryFilter = retryFilter;
            _breakerFilter = breakerFilter;
            _onRetry = onRetry;
            _retryAfter = retryAfter;
            _fallback = fallback;
        }

        public TState State { get; }

        /// <summary>The timeouts the call started with (null without), read once per call like the retry settings.</summary>
        public TimeoutSettings? Timeouts { get; }

        /// <summary>The timestamp the total timeout counts from (0 without one).</summary>
        public long CallStart { get; }

        /// <summary>The first attempt's timeout and start time.</summary>
        public AttemptClock FirstClock { get; }

        /// <summary>
        /// Calls the body; may throw synchronously. A body of a <c>[WithTimeout]</c> method takes the attempt's token
        /// (<paramref name="attemptToken"/>); any other takes the caller's token from its state.
        /// </summary>
        public TTask CallBody(CancellationToken attemptToken) => _timedBody != null ? _timedBody(State, attemptToken) : _body!(State);

        /// <summary>The generated retry filter (Handle/Ignore/ShouldHandle) says yes; no filter means every exception.</summary>
        public bool RetryFilterAccepts(Exception exception) => _retryFilter is null || _retryFilter(State, exception);

        /// <summary>The generated breaker filter counts the exception as a failure; no filter means every exception.</summary>
        public bool BreakerFilterAccepts(Exception exception) => _breakerFilter is null || _breakerFilter(State, exception);

        /// <summary>The delay the user's <c>RetryAfter</c> method asks for, or null (no method, or it said null).</summary>
        public TimeSpan? RetryAfter(Exception exception) => _retryAfter?.Invoke(State, exception);

        /// <summary>Calls the user's <c>OnRetry</c> method, if any.</summary>
        public void OnRetry(int attempt, TimeSpan delay, Exception exception) => _onRetry?.Invoke(State, attempt, delay, exception);

        public bool HasFallback => _fallback != null;

        /// <summary>Calls the user's fallback; may throw synchronously. Only when <see cref="HasFallback"/>.</summary>
        public TTask CallFallback(Exception exception) => _fallback!(State, exception);
    }
}
