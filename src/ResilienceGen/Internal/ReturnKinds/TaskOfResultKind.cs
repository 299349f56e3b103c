using System;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace ResilienceGen.Internal
{
    /// <summary>Bodies returning <see cref="Task{TResult}"/>.</summary>
    internal readonly struct TaskOfResultKind<TResult> : IReturnKind<Task<TResult>, TResult>
    {
        public bool IsNull(Task<TResult> task) => task is null;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public bool HasSucceeded(Task<TResult> task, Exception? thrown) => task != null && ReturnedTasks.HasSucceeded(task);

        public bool IsRunning(Task<TResult> task) => task is { IsCompleted: false };

        public ValueTask<TResult> FromBody(Task<TResult> task) => new ValueTask<TResult>(task ?? throw ReturnedTasks.NullFromBody());

        public ValueTask<TResult> FromFallback(Task<TResult> task) => new ValueTask<TResult>(task ?? throw ReturnedTasks.NullFromFallback());

        public Task<TResult> ToCaller(Task<TResult> task) => task;

        public Task<TResult> Faulted(Exception exception) => Task.FromException<TResult>(exception);

        public Task<TResult> AwaitFirst<TState>(GeneratedCall<TState, Task<TResult>> call, ResilientMethod method, ILogger? logger, CircuitBreaker? breaker, BreakerTicket ticket, Task<TResult> running, CancellationToken cancellationToken)
            => CallLoop.AwaitFirstAsync<TState, Task<TResult>, TResult, TaskOfResultKind<TResult>>(call, method, logger, breaker, ticket, new ValueTask<TResult>(running), cancellationToken);
    }
}
