using System;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace ResilienceGen.Internal
{
    /// <summary>
    /// One of the four return kinds (Task&lt;T&gt;, Task, ValueTask&lt;T&gt;, ValueTask), adapted at the edge of a
    /// call so that everything between works on one shape: the call loop sees every body as a
    /// <see cref="ValueTask{TResult}"/> (<see cref="VoidResult"/> for the bare kinds) and hands back a
    /// <see cref="Task{TResult}"/>. Implemented by empty structs, so calls through <c>default(TKind)</c> are
    /// specialized and inlined by the JIT: no dispatch, no allocation.
    /// </summary>
    /// <typeparam name="TTask">What the body and the fallback return.</typeparam>
    /// <typeparam name="TResult">What the call loop works with.</typeparam>
    internal interface IReturnKind<TTask, TResult>
    {
        /// <summary>A Task kind's null (a body or fallback that returned no task); never true for the ValueTask kinds.</summary>
        bool IsNull(TTask task);

        /// <summary>The body returned this task and it already completed successfully (a body that threw never did).</summary>
        bool HasSucceeded(TTask task, Exception? thrown);

        /// <summary>The task is there and still running.</summary>
        bool IsRunning(TTask task);

        /// <summary>
        /// The body's task in the loop's shape; throws (for the loop to judge) when a Task kind's body returned null.
        /// A completed ValueTask is consumed here, as awaiting it would.
        /// </summary>
        ValueTask<TResult> FromBody(TTask task);

        /// <summary>The fallback's task in the loop's shape; throws when a Task kind's fallback returned null.</summary>
        ValueTask<TResult> FromFallback(TTask task);

        /// <summary>The loop's task as what the caller gets.</summary>
        TTask ToCaller(Task<TResult> task);

        /// <summary>A task faulted with <paramref name="exception"/>, as what the caller gets.</summary>
        TTask Faulted(Exception exception);

        /// <summary>
        /// The first attempt is still running: awaits it in the smallest frame that fits the kind (a bare Task is
        /// awaited as it is, with no extra frame to turn it into a result).
        /// </summary>
        TTask AwaitFirst<TState>(GeneratedCall<TState, TTask> call, ResilientMethod method, ILogger? logger, CircuitBreaker? breaker, BreakerTicket ticket, TTask running, CancellationToken cancellationToken);
    }
}
