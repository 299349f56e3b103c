using System;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace ResilienceGen.Internal
{
    /// <summary>Bodies returning a bare <see cref="Task"/>.</summary>
    internal readonly struct TaskKind : IReturnKind<Task, VoidResult>
    {
        public bool IsNull(Task task) => task is null;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public bool HasSucceeded(Task task, Exception? thrown) => task != null && ReturnedTasks.HasSucceeded(task);

        public bool IsRunning(Task task) => task is { IsCompleted: false };

        public ValueTask<VoidResult> FromBody(Task task) => ReturnedTasks.AsVoid(task ?? throw ReturnedTasks.NullFromBody());

        public ValueTask<VoidResult> FromFallback(Task task) => ReturnedTasks.AsVoid(task ?? throw ReturnedTasks.NullFromFallback());

        public Task ToCaller(Task<VoidResult> task) => task;

        public Task Faulted(Exception exception) => Task.FromException(exception);

        public Task AwaitFirst<TState>(GeneratedCall<TState, Task> call, ResilientMethod method, ILogger? logger, CircuitBreaker? breaker, BreakerTicket ticket, Task running, CancellationToken cancellationToken)
            => CallLoop.AwaitFirstVoidAsync<TState, Task, TaskKind>(call, method, logger, breaker, ticket, new ValueTask(running), cancellationToken);
    }
}
