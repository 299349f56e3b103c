using System;
using System.Threading.Tasks;

namespace ResilienceGen.Internal
{
    internal readonly struct TaskOfAttempt<TState, TResult> : IAttempt<TResult>
    {
        private readonly TState _state;
        private readonly Func<TState, Task<TResult>> _body;
        private readonly Func<TState, Exception, bool>? _retryFilter;
        private readonly Func<TState, Exception, bool>? _breakerFilter;

        public TaskOfAttempt(TState state, Func<TState, Task<TResult>> body, Func<TState, Exception, bool>? retryFilter, Func<TState, Exception, bool>? breakerFilter)
        {
            _state = state;
            _body = body;
            _retryFilter = retryFilter;
            _breakerFilter = breakerFilter;
        }

        public ValueTask<TResult> Start() => new ValueTask<TResult>(_body(_state) ?? throw AttemptHelpers.NullTask());

        public bool RetryFilterAccepts(Exception exception) => _retryFilter is null || _retryFilter(_state, exception);

        public bool BreakerFilterAccepts(Exception exception) => _breakerFilter is null || _breakerFilter(_state, exception);
    }

    internal readonly struct TaskAttempt<TState> : IAttempt<VoidResult>
    {
        private readonly TState _state;
        private readonly Func<TState, Task> _body;
        private readonly Func<TState, Exception, bool>? _retryFilter;
        private readonly Func<TState, Exception, bool>? _breakerFilter;

        public TaskAttempt(TState state, Func<TState, Task> body, Func<TState, Exception, bool>? retryFilter, Func<TState, Exception, bool>? breakerFilter)
        {
            _state = state;
            _body = body;
            _retryFilter = retryFilter;
            _breakerFilter = breakerFilter;
        }

        public ValueTask<VoidResult> Start()
        {
            Task task = _body(_state) ?? throw AttemptHelpers.NullTask();
            return AttemptHelpers.IsCompletedSuccessfully(task) ? default : new ValueTask<VoidResult>(AttemptHelpers.AwaitVoid(task));
        }

        public bool RetryFilterAccepts(Exception exception) => _retryFilter is null || _retryFilter(_state, exception);

        public bool BreakerFilterAccepts(Exception exception) => _breakerFilter is null || _breakerFilter(_state, exception);
    }

    internal readonly struct ValueTaskOfAttempt<TState, TResult> : IAttempt<TResult>
    {
        private readonly TState _state;
        private readonly Func<TState, ValueTask<TResult>> _body;
        private readonly Func<TState, Exception, bool>? _retryFilter;
        private readonly Func<TState, Exception, bool>? _breakerFilter;

        public ValueTaskOfAttempt(TState state, Func<TState, ValueTask<TResult>> body, Func<TState, Exception, bool>? retryFilter, Func<TState, Exception, bool>? breakerFilter)
        {
            _state = state;
            _body = body;
            _retryFilter = retryFilter;
            _breakerFilter = breakerFilter;
        }

        public ValueTask<TResult> Start() => _body(_state);

        public bool RetryFilterAccepts(Exception exception) => _retryFilter is null || _retryFilter(_state, exception);

        public bool BreakerFilterAccepts(Exception exception) => _breakerFilter is null || _breakerFilter(_state, exception);
    }

    internal readonly struct ValueTaskAttempt<TState> : IAttempt<VoidResult>
    {
        private readonly TState _state;
        private readonly Func<TState, ValueTask> _body;
        private readonly Func<TState, Exception, bool>? _retryFilter;
        private readonly Func<TState, Exception, bool>? _breakerFilter;

        public ValueTaskAttempt(TState state, Func<TState, ValueTask> body, Func<TState, Exception, bool>? retryFilter, Func<TState, Exception, bool>? breakerFilter)
        {
            _state = state;
            _body = body;
            _retryFilter = retryFilter;
            _breakerFilter = breakerFilter;
        }

        public ValueTask<VoidResult> Start()
        {
            ValueTask task = _body(_state);
            if (task.IsCompletedSuccessfully)
            {
                task.GetAwaiter().GetResult(); // consumes a pooled IValueTaskSource, as awaiting would
                return default;
            }

            return new ValueTask<VoidResult>(AttemptHelpers.AwaitVoid(task));
        }

        public bool RetryFilterAccepts(Exception exception) => _retryFilter is null || _retryFilter(_state, exception);

        public bool BreakerFilterAccepts(Exception exception) => _breakerFilter is null || _breakerFilter(_state, exception);
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
