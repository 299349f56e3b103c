using System;
using System.Threading.Tasks;

namespace ResilienceGen.Internal
{
    internal readonly struct TaskOfAttempt<TState, TResult> : IAttempt<TResult>
    {
        private readonly AttemptCallbacks<TState> _callbacks;
        private readonly Func<TState, Task<TResult>> _body;
        private readonly Func<TState, Exception, Task<TResult>>? _fallback;

        public TaskOfAttempt(
            TState state, Func<TState, Task<TResult>> body, Func<TState, Exception, bool>? retryFilter, Func<TState, Exception, bool>? breakerFilter,
            Action<TState, int, TimeSpan, Exception>? onRetry, Func<TState, Exception, TimeSpan?>? retryAfter, Func<TState, Exception, Task<TResult>>? fallback)
        {
            _callbacks = new AttemptCallbacks<TState>(state, retryFilter, breakerFilter, onRetry, retryAfter);
            _body = body;
            _fallback = fallback;
        }

        public ValueTask<TResult> Start() => new ValueTask<TResult>(_body(_callbacks.State) ?? throw AttemptHelpers.NullTask());

        public bool RetryFilterAccepts(Exception exception) => _callbacks.RetryFilterAccepts(exception);

        public bool BreakerFilterAccepts(Exception exception) => _callbacks.BreakerFilterAccepts(exception);

        public TimeSpan? RetryAfter(Exception exception) => _callbacks.RetryAfter(exception);

        public void OnRetry(int attempt, TimeSpan delay, Exception exception) => _callbacks.OnRetry(attempt, delay, exception);

        public bool HasFallback => _fallback != null;

        public ValueTask<TResult> Fallback(Exception exception) => new ValueTask<TResult>(_fallback!(_callbacks.State, exception) ?? throw AttemptHelpers.NullFallbackTask());
    }

    internal readonly struct TaskAttempt<TState> : IAttempt<VoidResult>
    {
        private readonly AttemptCallbacks<TState> _callbacks;
        private readonly Func<TState, Task> _body;
        private readonly Func<TState, Exception, Task>? _fallback;

        public TaskAttempt(
            TState state, Func<TState, Task> body, Func<TState, Exception, bool>? retryFilter, Func<TState, Exception, bool>? breakerFilter,
            Action<TState, int, TimeSpan, Exception>? onRetry, Func<TState, Exception, TimeSpan?>? retryAfter, Func<TState, Exception, Task>? fallback)
        {
            _callbacks = new AttemptCallbacks<TState>(state, retryFilter, breakerFilter, onRetry, retryAfter);
            _body = body;
            _fallback = fallback;
        }

        public ValueTask<VoidResult> Start() => AttemptHelpers.AsVoid(_body(_callbacks.State) ?? throw AttemptHelpers.NullTask());

        public bool RetryFilterAccepts(Exception exception) => _callbacks.RetryFilterAccepts(exception);

        public bool BreakerFilterAccepts(Exception exception) => _callbacks.BreakerFilterAccepts(exception);

        public TimeSpan? RetryAfter(Exception exception) => _callbacks.RetryAfter(exception);

        public void OnRetry(int attempt, TimeSpan delay, Exception exception) => _callbacks.OnRetry(attempt, delay, exception);

        public bool HasFallback => _fallback != null;

        public ValueTask<VoidResult> Fallback(Exception exception) => AttemptHelpers.AsVoid(_fallback!(_callbacks.State, exception) ?? throw AttemptHelpers.NullFallbackTask());
    }

    internal readonly struct ValueTaskOfAttempt<TState, TResult> : IAttempt<TResult>
    {
        private readonly AttemptCallbacks<TState> _callbacks;
        private readonly Func<TState, ValueTask<TResult>> _body;
        private readonly Func<TState, Exception, ValueTask<TResult>>? _fallback;

        public ValueTaskOfAttempt(
            TState state, Func<TState, ValueTask<TResult>> body, Func<TState, Exception, bool>? retryFilter, Func<TState, Exception, bool>? breakerFilter,
            Action<TState, int, TimeSpan, Exception>? onRetry, Func<TState, Exception, TimeSpan?>? retryAfter, Func<TState, Exception, ValueTask<TResult>>? fallback)
        {
            _callbacks = new AttemptCallbacks<TState>(state, retryFilter, breakerFilter, onRetry, retryAfter);
            _body = body;
            _fallback = fallback;
        }

        public ValueTask<TResult> Start() => _body(_callbacks.State);

        public bool RetryFilterAccepts(Exception exception) => _callbacks.RetryFilterAccepts(exception);

        public bool BreakerFilterAccepts(Exception exception) => _callbacks.BreakerFilterAccepts(exception);

        public TimeSpan? RetryAfter(Exception exception) => _callbacks.RetryAfter(exception);

        public void OnRetry(int attempt, TimeSpan delay, Exception exception) => _callbacks.OnRetry(attempt, delay, exception);

        public bool HasFallback => _fallback != null;

        public ValueTask<TResult> Fallback(Exception exception) => _fallback!(_callbacks.State, exception);
    }

    internal readonly struct ValueTaskAttempt<TState> : IAttempt<VoidResult>
    {
        private readonly AttemptCallbacks<TState> _callbacks;
        private readonly Func<TState, ValueTask> _body;
        private readonly Func<TState, Exception, ValueTask>? _fallback;

        public ValueTaskAttempt(
            TState state, Func<TState, ValueTask> body, Func<TState, Exception, bool>? retryFilter, Func<TState, Exception, bool>? breakerFilter,
            Action<TState, int, TimeSpan, Exception>? onRetry, Func<TState, Exception, TimeSpan?>? retryAfter, Func<TState, Exception, ValueTask>? fallback)
        {
            _callbacks = new AttemptCallbacks<TState>(state, retryFilter, breakerFilter, onRetry, retryAfter);
            _body = body;
            _fallback = fallback;
        }

        public ValueTask<VoidResult> Start() => AttemptHelpers.AsVoid(_body(_callbacks.State));

        public bool RetryFilterAccepts(Exception exception) => _callbacks.RetryFilterAccepts(exception);

        public bool BreakerFilterAccepts(Exception exception) => _callbacks.BreakerFilterAccepts(exception);

        public TimeSpan? RetryAfter(Exception exception) => _callbacks.RetryAfter(exception);

        public void OnRetry(int attempt, TimeSpan delay, Exception exception) => _callbacks.OnRetry(attempt, delay, exception);

        public bool HasFallback => _fallback != null;

        public ValueTask<VoidResult> Fallback(Exception exception) => AttemptHelpers.AsVoid(_fallback!(_callbacks.State, exception));
    }

    internal static class AttemptHelpers
    {
        public static bool IsCompletedSuccessfully(Task task)
        {
#if NETCOREAPP2_0_OR_GREATER
            return task.IsCompletedSuccessfully;
#else
            return task.Status == TaskStatus.RanToCompletion;
#endif
        }

        public static InvalidOperationException NullTask()
            => new InvalidOperationException("The method body returned a null Task; return a Task (for example Task.CompletedTask) instead.");

        public static InvalidOperationException NullFallbackTask()
            => new InvalidOperationException("The fallback method returned a null Task; return a Task (for example Task.CompletedTask) instead.");

        /// <summary>A bare Task as the loop's result type; nothing allocated when it already succeeded.</summary>
        public static ValueTask<VoidResult> AsVoid(Task task)
            => IsCompletedSuccessfully(task) ? default : new ValueTask<VoidResult>(AwaitVoid(task));

        /// <summary>A bare ValueTask as the loop's result type; nothing allocated when it already succeeded.</summary>
        public static ValueTask<VoidResult> AsVoid(ValueTask task)
        {
            if (task.IsCompletedSuccessfully)
            {
                task.GetAwaiter().GetResult(); // consumes a pooled IValueTaskSource, as awaiting would
                return default;
            }

            return new ValueTask<VoidResult>(AwaitVoid(task));
        }

        public static async Task<VoidResult> AwaitVoid(Task task)
        {
            await task.ConfigureAwait(false);
            return default;
        }

        public static async Task<VoidResult> AwaitVoid(ValueTask task)
        {
            await task.ConfigureAwait(false);
            return default;
        }
    }
}
