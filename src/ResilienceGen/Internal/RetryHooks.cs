using System;

namespace ResilienceGen.Internal
{
    /// <summary>
    /// The generated <c>OnRetry</c> and <c>RetryAfter</c> lambdas of one call, with its state. Both may be null;
    /// only the retry loop's slow path asks them anything.
    /// </summary>
    internal readonly struct RetryHooks<TState>
    {
        private readonly TState _state;
        private readonly Action<TState, int, TimeSpan, Exception>? _onRetry;
        private readonly Func<TState, Exception, TimeSpan?>? _retryAfter;

        public RetryHooks(TState state, Action<TState, int, TimeSpan, Exception>? onRetry, Func<TState, Exception, TimeSpan?>? retryAfter)
        {
            _state = state;
            _onRetry = onRetry;
            _retryAfter = retryAfter;
        }

        /// <summary>The delay the user's <c>RetryAfter</c> method asks for, or null (no method, or it said null).</summary>
        public TimeSpan? RetryAfter(Exception exception) => _retryAfter?.Invoke(_state, exception);

        public void OnRetry(int attempt, TimeSpan delay, Exception exception) => _onRetry?.Invoke(_state, attempt, delay, exception);
    }
}
