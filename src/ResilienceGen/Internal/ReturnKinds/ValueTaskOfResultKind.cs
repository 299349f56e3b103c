using System;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace ResilienceGen.Internal
{
    /// <summary>Bodies returning <see cref="ValueTask{TResult}"/>.</summary>
    internal readonly struct ValueTaskOfResultKind<TResult> : IReturnKind<ValueTask<TResult>, TResult>
    {
        public bool IsNull(ValueTask<TResult> task) => false;

        // A default ValueTask reads as completed: only a body that did not throw has really returned one.
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public bool HasSucceeded(ValueTask<TResult> task, Exception? thrown) => thrown is null && task.IsCompletedSuccessfully;

        public bool IsRunning(ValueTask<TResult> task) => !task.IsCompleted;

        public ValueTask<TResult> FromBody(ValueTask<TResult> task) => task;

        public ValueTask<TResult> FromFallback(ValueTask<TResult> task) => task;

        public ValueTask<TResult> ToCaller(Task<TResult> task) => new ValueTask<TResult>(task);

        public ValueTask<TResult> Faulted(Exception exception) => new ValueTask<TResult>(Task.FromException<TResult>(exception));

        public ValueTask<TResult> AwaitFirst<TState>(GeneratedCall<TState, ValueTask<TResult>> call, ResilientMethod method, ILogger? logger, CircuitBreaker? breaker, BreakerTicket ticket, ValueTask<TResult> running, CancellationToken cancellationToken)
            => new ValueTask<TResult>(CallLoop.AwaitFirstAsync<TState, ValueTask<TResult>, TResult, ValueTaskOfResultKind<TResult>>(call, method, logger, breaker, ticket, running, cancellationToken));
    }
}
