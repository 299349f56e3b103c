using System;
using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Threading.Tasks;
using ResilienceGen.Telemetry;

namespace ResilienceGen.Internal
{
    /// <summary>
    /// For generated code only: the first attempt of a call made on the fast path, where the generated wrapper
    /// calls the body itself, with no delegate and no call into the runtime around it. Used as a local of the
    /// generated method: <see cref="TryAdmit"/>, then the body's task (or exception) goes in
    /// <see cref="Started"/> (or <see cref="Failure"/>), then <see cref="FirstAttempt.Succeeded{TResult}(ref FirstAttempt{Task{TResult}})"/>;
    /// anything but a success is handed to the <see cref="ResilientInvoker"/> entry point as its <c>first</c>
    /// argument, which carries on from there instead of starting the call again.
    /// </summary>
    /// <typeparam name="TTask">The body's return type: Task, Task&lt;T&gt;, ValueTask or ValueTask&lt;T&gt;.</typeparam>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public struct FirstAttempt<TTask>
    {
        /// <summary>What the body returned; set by the generated code after <see cref="TryAdmit"/>.</summary>
        public TTask Started;

        /// <summary>What the body threw synchronously; set by the generated code after <see cref="TryAdmit"/>.</summary>
        public Exception? Failure;

        /// <summary>The breaker that admitted the call while Closed, or null when the method has none in force.</summary>
        internal CircuitBreaker? Breaker;

        /// <summary>
        /// How the breaker admitted the call (a normal call, or a half-open probe); the default,
        /// <see cref="BreakerTicket.Rejected"/>, means not admitted (yet).
        /// </summary>
        internal BreakerTicket Ticket;

        /// <summary>True once the call was let in: the body was (or is being) called.</summary>
        internal bool Admitted => Ticket.IsAdmitted;

        /// <summary>
        /// True when the call may take the fast path: the policy has not changed since it was last read, resilience
        /// is not switched off, and the breaker (if any) is Closed. The attempt is then counted (when someone
        /// listens to the attempts counter) and the caller calls the body. Everything else goes the full way
        /// through the entry point.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public bool TryAdmit(ResilientMethod method)
        {
            MethodPolicy policy = method.Policy;
            if (policy.PassThrough)
            {
                return false;
            }

            if (policy.UseBreaker)
            {
                CircuitBreaker? breaker = method.Breaker;
                if (breaker is null || !breaker.IsClosed)
                {
                    return false;
                }

                Breaker = breaker;
            }

            policy.Budget?.CountCall(); // a retry budget counts every call made (API.md §6.3)
            ResilienceTelemetry.AttemptStarted(method);
            Ticket = BreakerTicket.Normal;
            return true;
        }
    }

    /// <summary>
    /// For generated code only: whether a fast-path first attempt already succeeded. If it did, the success is
    /// reported to the breaker and the generated wrapper returns the body's task as is.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static class FirstAttempt
    {
        // Each overload names its return kind's test with exact types, so it inlines into the generated wrapper.

        /// <summary>The body's <see cref="Task{TResult}"/> completed successfully; the success is counted.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static bool Succeeded<TResult>(ref FirstAttempt<Task<TResult>> first)
            => default(TaskOfResultKind<TResult>).HasSucceeded(first.Started, first.Failure) && CountSuccess(first.Breaker);

        /// <summary>The body's <see cref="Task"/> completed successfully; the success is counted.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static bool Succeeded(ref FirstAttempt<Task> first)
            => default(TaskKind).HasSucceeded(first.Started, first.Failure) && CountSuccess(first.Breaker);

        /// <summary>The body's <see cref="ValueTask{TResult}"/> completed successfully; the success is counted.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static bool Succeeded<TResult>(ref FirstAttempt<ValueTask<TResult>> first)
            => default(ValueTaskOfResultKind<TResult>).HasSucceeded(first.Started, first.Failure) && CountSuccess(first.Breaker);

        /// <summary>The body's <see cref="ValueTask"/> completed successfully; the success is counted.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static bool Succeeded(ref FirstAttempt<ValueTask> first)
            => default(ValueTaskKind).HasSucceeded(first.Started, first.Failure) && CountSuccess(first.Breaker);

        /// <summary>Reports a fast-path success to the breaker that admitted it (while Closed), if any.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static bool CountSuccess(CircuitBreaker? breaker)
        {
            breaker?.OnSuccess(BreakerTicket.Normal, null, null);
            return true;
        }
    }
}
