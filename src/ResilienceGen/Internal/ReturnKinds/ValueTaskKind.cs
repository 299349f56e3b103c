using System;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace ResilienceGen.Internal
{
    /// <summary>Bodies returning a bare <see cref="ValueTask"/>.</summary>
    internal readonly struct ValueTaskKind : IReturnKind<ValueTask, VoidResult>
    {
        public bool IsNull(ValueTask task) => false;

        // A default ValueTask reads as completed: only a body that did not throw has really returned one.
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public bool HasSucceeded(ValueTask task, Exception? thrown) => thrown is null && task.IsCompletedSuccessfully;

        public bool IsRunning(ValueTask task) => !task.IsCompleted;

        public ValueTask<VoidResult> FromBody(ValueTask task) => ReturnedTasks.AsVoid(task);

        public ValueTask<VoidResult> FromFallback(ValueTask task) => ReturnedTasks.AsVoid(task);

        public ValueTask ToCaller(Task<VoidResult> task) => new ValueTask(task);

        public ValueTask Faulted(Exception exception) => new ValueTask(Task.FromException(exception));

        public ValueTask AwaitFirst<TState>(GeneratedCall<TState, ValueTask> call, ResilientMethod method, ILogger? logger, CircuitBreaker? breaker, BreakerTicket ticket, ValueTask running, CancellationToken cancellationToken)
            => new ValueTask(CallLoop.AwaitFirstVoidAsync<TState, ValueTask, ValueTaskKind>(call, method, logger, breaker, ticket, running, cancellationToken));
    }
}
