using System;
using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using ResilienceGen.Telemetry;

namespace ResilienceGen.Internal
{
    /// <summary>
    /// For generated code only: the first attempt of a call made on the fast path, where the generated wrapper
    /// calls the body itself, with no delegate and no call into the runtime around it. Used as a local of the
    /// generated method: <see cref="TryAdmit(ResilientMethod)"/>, then the body's task (or exception) goes in
    /// <see cref="Started"/> (or <see cref="Failure"/>), then <see cref="FirstAttempt.Succeeded{TResult}(ref FirstAttempt{Task{TResult}})"/>;
    /// anything but a success is handed to the <see cref="ResilientInvoker"/> entry point as its <c>first</c>
    /// argument, which carries on from there instead of starting the call again.
    /// </summary>
    /// <typeparam name="TTask">The body's return type: Task, Task&lt;T&gt;, ValueTask or ValueTask&lt;T&gt;.</typeparam>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public struct FirstAttempt<TTask>
    {
        /// <summary>What the body returned; set by the generated code after <see cref="TryAdmit(ResilientMethod)"/>.</summary>
        public TTask Started;

        /// <summary>What the body threw synchronously; set by the generated code after <see cref="TryAdmit(ResilientMethod)"/>.</summary>
        public Exception? Failure;

        /// <summary>
        /// The breaker that admitted the call while Closed, or null when the method has none in force. For a keyed
        /// breaker (<c>KeyBy</c>) it is the call's key's breaker even when that one did not admit the call, so the
        /// entry point goes on with it.
        /// </summary>
        internal CircuitBreaker? Breaker;

        /// <summary>
        /// How the breaker admitted the call (a normal call, or a half-open probe); the default,
        /// <see cref="BreakerTicket.Rejected"/>, means not admitted (yet).
        /// </summary>
        internal BreakerTicket Ticket;

        /// <summary>The attempt's timeout (only for <c>[WithTimeout]</c> methods) and its start time (only for slow calls).</summary>
        internal AttemptClock Clock;

        /// <summary>The timestamp the call's total timeout counts from; 0 without one.</summary>
        internal long CallStart;

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
            return !policy.PassThrough && Admit(method, policy, policy.UseBreaker ? method.Breaker : null);
        }

        /// <summary>
        /// <see cref="TryAdmit(ResilientMethod)"/> for a keyed breaker (<c>KeyBy</c>): the call goes through the
        /// breaker of <paramref name="key"/>, the value of the generated key expression. Looking up a key seen
        /// before takes no lock and allocates nothing.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public bool TryAdmit<TKey>(ResilientMethod method, TKey key)
        {
            MethodPolicy policy = method.Policy;
            return !policy.PassThrough
                && Admit(method, policy, !policy.UseBreaker ? null : method.IsKeyed ? method.KeyedBreaker(key) : method.Breaker);
        }

        /// <summary>
        /// <see cref="TryAdmit(ResilientMethod)"/> for a <c>[WithTimeout]</c> method: when admitted, the attempt's
        /// timeout is armed and <paramref name="attemptToken"/> is the token the body must get (the caller's
        /// <paramref name="cancellationToken"/> when no timeout is in force).
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public bool TryAdmit(ResilientMethod method, CancellationToken cancellationToken, out CancellationToken attemptToken)
        {
            attemptToken = cancellationToken;
            return TryAdmit(method) && ArmTimeouts(method, cancellationToken, ref attemptToken);
        }

        /// <summary>A keyed breaker and a <c>[WithTimeout]</c>: both of the overloads above.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public bool TryAdmit<TKey>(ResilientMethod method, TKey key, CancellationToken cancellationToken, out CancellationToken attemptToken)
        {
            attemptToken = cancellationToken;
            return TryAdmit(method, key) && ArmTimeouts(method, cancellationToken, ref attemptToken);
        }

        /// <summary>
        /// Lets the call in unless its breaker (if any) is not Closed; the attempt is then counted. The breaker is
        /// kept even when it does not admit the call: a keyed one is the call's key's, which the entry point goes on with.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private bool Admit(ResilientMethod method, MethodPolicy policy, CircuitBreaker? breaker)
        {
            if (policy.UseBreaker)
            {
                Breaker = breaker;
                if (breaker is null || !breaker.IsClosed)
                {
                    return false;
                }

                Clock.StartedAt = SlowCalls.Start(breaker);
            }

            policy.BudgetCalls?.CountCall(); // a retry budget counts every call made (API.md §6.3)
            ResilienceTelemetry.AttemptStarted(method);
            Ticket = BreakerTicket.Normal;
            return true;
        }

        /// <summary>Arms the first attempt's timeouts, if the policy has any; always true (it reads as a condition).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private bool ArmTimeouts(ResilientMethod method, CancellationToken cancellationToken, ref CancellationToken attemptToken)
        {
            if (method.Policy.Timeout is { } timeouts)
            {
                attemptToken = TimeoutLayer.ArmFirst(timeouts, cancellationToken, ref Clock, out CallStart);
            }

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
            => default(TaskOfResultKind<TResult>).HasSucceeded(first.Started, first.Failure) && CountSuccess(ref first);

        /// <summary>The body's <see cref="Task"/> completed successfully; the success is counted.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static bool Succeeded(ref FirstAttempt<Task> first)
            => default(TaskKind).HasSucceeded(first.Started, first.Failure) && CountSuccess(ref first);

        /// <summary>The body's <see cref="ValueTask{TResult}"/> completed successfully; the success is counted.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static bool Succeeded<TResult>(ref FirstAttempt<ValueTask<TResult>> first)
            => default(ValueTaskOfResultKind<TResult>).HasSucceeded(first.Started, first.Failure) && CountSuccess(ref first);

        /// <summary>The body's <see cref="ValueTask"/> completed successfully; the success is counted.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static bool Succeeded(ref FirstAttempt<ValueTask> first)
            => default(ValueTaskKind).HasSucceeded(first.Started, first.Failure) && CountSuccess(ref first);

        /// <summary>
        /// Reports a fast-path success to the breaker that admitted it (while Closed), if any, as a failure when it was
        /// slow; gives the attempt's timeout back first (a success beats a timeout that fired meanwhile).
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static bool CountSuccess<TTask>(ref FirstAttempt<TTask> first)
        {
            first.Clock.Timeout?.Release();
            if (first.Breaker is { } breaker)
            {
                SlowCalls.ReportSuccess(breaker, BreakerTicket.Normal, first.Clock.StartedAt, null, null);
            }

            return true;
        }
    }
}
