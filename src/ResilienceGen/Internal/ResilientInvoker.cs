using System;
using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using ResilienceGen.Telemetry;

namespace ResilienceGen.Internal
{
    /// <summary>
    /// For generated code only: the entry points a generated wrapper calls, one per return kind. Each runs the
    /// first attempt inline; when the body's task already completed successfully it is returned as is, with no
    /// allocation. Anything else (awaiting, failures, retries, rejections) goes to <see cref="CallLoop"/>.
    /// Each return kind is adapted here, once, by its <see cref="IReturnKind{TTask, TResult}"/>; the four entry
    /// points differ only in the types they name.
    /// </summary>
    /// <remarks>
    /// Composition: retry is the outer layer and every attempt passes the breaker. Fixed rules, applied before the
    /// generated filters: an <see cref="OperationCanceledException"/> while <c>cancellationToken</c> is cancelled
    /// is never retried and never a breaker failure; <see cref="CircuitBreakerOpenException"/> is never retried; an
    /// <see cref="ArgumentException"/> is neither retried nor counted unless a Handle names it, and one the body
    /// throws synchronously is thrown synchronously by the entry point too (see <see cref="FixedRules"/>).
    /// The optional hooks (<c>onRetry</c>, <c>retryAfter</c>, <c>fallback</c>) are only looked at once a call has
    /// left the happy path: a rejection, a failure, or a body that has not completed yet. The optional
    /// <c>first</c> is set by the generated fast path (<see cref="FirstAttempt{TTask}"/>) when it already called
    /// the body and the call did not simply succeed: the call then carries on from that first attempt, already
    /// admitted, instead of starting again.
    /// </remarks>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static partial class ResilientInvoker
    {
        /// <summary>Runs a body returning <see cref="Task{TResult}"/> through the method's policy.</summary>
        // Kept out of the generated wrapper: inlined there, this one-line forward would bring the whole slow-path
        // set-up into the wrapper's frame, which every fast-path call then pays for.
        [MethodImpl(MethodImplOptions.NoInlining)]
        public static Task<TResult> RunTaskOf<TState, TResult>(
            ResilientMethod method, ILogger? logger, TState state,
            Func<TState, Task<TResult>> body,
            Func<TState, Exception, bool>? retryFilter,
            Func<TState, Exception, bool>? breakerFilter,
            CancellationToken cancellationToken,
            Action<TState, int, TimeSpan, Exception>? onRetry = null,
            Func<TState, Exception, TimeSpan?>? retryAfter = null,
            Func<TState, Exception, Task<TResult>>? fallback = null,
            FirstAttempt<Task<TResult>> first = default)
            => Run<TState, Task<TResult>, TResult, TaskOfResultKind<TResult>>(method, logger, state, body, retryFilter, breakerFilter, cancellationToken, onRetry, retryAfter, fallback, ref first, timedBody: null);

        /// <summary>Runs a body returning <see cref="Task"/> through the method's policy.</summary>
        // Kept out of the generated wrapper: inlined there, this one-line forward would bring the whole slow-path
        // set-up into the wrapper's frame, which every fast-path call then pays for.
        [MethodImpl(MethodImplOptions.NoInlining)]
        public static Task RunTask<TState>(
            ResilientMethod method, ILogger? logger, TState state,
            Func<TState, Task> body,
            Func<TState, Exception, bool>? retryFilter,
            Func<TState, Exception, bool>? breakerFilter,
            CancellationToken cancellationToken,
            Action<TState, int, TimeSpan, Exception>? onRetry = null,
            Func<TState, Exception, TimeSpan?>? retryAfter = null,
            Func<TState, Exception, Task>? fallback = null,
            FirstAttempt<Task> first = default)
            => Run<TState, Task, VoidResult, TaskKind>(method, logger, state, body, retryFilter, breakerFilter, cancellationToken, onRetry, retryAfter, fallback, ref first, timedBody: null);

        /// <summary>Runs a body returning <see cref="ValueTask{TResult}"/> through the method's policy.</summary>
        // Kept out of the generated wrapper: inlined there, this one-line forward would bring the whole slow-path
        // set-up into the wrapper's frame, which every fast-path call then pays for.
        [MethodImpl(MethodImplOptions.NoInlining)]
        public static ValueTask<TResult> RunValueTaskOf<TState, TResult>(
            ResilientMethod method, ILogger? logger, TState state,
            Func<TState, ValueTask<TResult>> body,
            Func<TState, Exception, bool>? retryFilter,
            Func<TState, Exception, bool>? breakerFilter,
            CancellationToken cancellationToken,
            Action<TState, int, TimeSpan, Exception>? onRetry = null,
            Func<TState, Exception, TimeSpan?>? retryAfter = null,
            Func<TState, Exception, ValueTask<TResult>>? fallback = null,
            FirstAttempt<ValueTask<TResult>> first = default)
            => Run<TState, ValueTask<TResult>, TResult, ValueTaskOfResultKind<TResult>>(method, logger, state, body, retryFilter, breakerFilter, cancellationToken, onRetry, retryAfter, fallback, ref first, timedBody: null);

        /// <summary>Runs a body returning <see cref="ValueTask"/> through the method's policy.</summary>
        // Kept out of the generated wrapper: inlined there, this one-line forward would bring the whole slow-path
        // set-up into the wrapper's frame, which every fast-path call then pays for.
        [MethodImpl(MethodImplOptions.NoInlining)]
        public static ValueTask RunValueTask<TState>(
            ResilientMethod method, ILogger? logger, TState state,
            Func<TState, ValueTask> body,
            Func<TState, Exception, bool>? retryFilter,
            Func<TState, Exception, bool>? breakerFilter,
            CancellationToken cancellationToken,
            Action<TState, int, TimeSpan, Exception>? onRetry = null,
            Func<TState, Exception, TimeSpan?>? retryAfter = null,
            Func<TState, Exception, ValueTask>? fallback = null,
            FirstAttempt<ValueTask> first = default)
            => Run<TState, ValueTask, VoidResult, ValueTaskKind>(method, logger, state, body, retryFilter, breakerFilter, cancellationToken, onRetry, retryAfter, fallback, ref first, timedBody: null);

        /// <summary>
        /// The one hand-off of a call, for every return kind: start the call unless the generated fast path did,
        /// return a first attempt that already succeeded as is, await one still running in a small frame, and give
        /// anything else to the call loop.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static TTask Run<TState, TTask, TResult, TKind>(
            ResilientMethod method, ILogger? logger, TState state,
            Func<TState, TTask>? body,
            Func<TState, Exception, bool>? retryFilter,
            Func<TState, Exception, bool>? breakerFilter,
            CancellationToken cancellationToken,
            Action<TState, int, TimeSpan, Exception>? onRetry,
            Func<TState, Exception, TimeSpan?>? retryAfter,
            Func<TState, Exception, TTask>? fallback,
            ref FirstAttempt<TTask> first,
            Func<TState, CancellationToken, TTask>? timedBody)
            where TKind : struct, IReturnKind<TTask, TResult>
        {
            switch (StartUnlessStarted(method, logger, state, body, timedBody, cancellationToken, ref first, out CircuitBreakerOpenException? rejection))
            {
                case StartResult.PassThrough:
                    return timedBody != null ? timedBody(state, cancellationToken) : body!(state); // kill switch: exactly what a direct call would do
                case StartResult.Rejected:
                    return fallback is null
                        ? default(TKind).Faulted(rejection!)
                        : Fallbacks.AnswerRejection<TState, TTask, TResult, TKind>(method, logger, state, fallback, rejection!);
            }

            if (default(TKind).HasSucceeded(first.Started, first.Failure))
            {
                first.Clock.Timeout?.Release();
                if (first.Breaker is { } breaker)
                {
                    SlowCalls.ReportSuccess(breaker, first.Ticket, first.Clock.StartedAt, method, logger);
                }

                return first.Started;
            }

            // A total limit whose start the first attempt did not take (it joined a shared source, or an override
            // switched the limit on in between) counts from the latest the call can have started.
            TimeoutSettings? timeouts = method.Policy.Timeout;
            long callStart = first.CallStart == 0 && timeouts is { HasTotal: true }
                ? first.Clock.Timeout?.LatestStart() ?? Resilience.TimeProvider.GetTimestamp()
                : first.CallStart;
            var call = new GeneratedCall<TState, TTask>(
                state, body!, retryFilter, breakerFilter, onRetry, retryAfter, fallback, timedBody, timeouts, callStart, first.Clock);
            if (first.Failure is null && default(TKind).IsRunning(first.Started))
            {
                return default(TKind).AwaitFirst(call, method, logger, first.Breaker, first.Ticket, first.Started, cancellationToken);
            }

            return AfterFailedStart<TState, TTask, TResult, TKind>(call, method, logger, first.Breaker, first.Ticket, first.Started, first.Failure, cancellationToken);
        }

        /// <summary>
        /// The first attempt threw synchronously, or returned a task that failed (or null): an argument error no
        /// layer handles is thrown here and now, as the body threw it; anything else goes to the call loop.
        /// </summary>
        private static TTask AfterFailedStart<TState, TTask, TResult, TKind>(
            GeneratedCall<TState, TTask> call, ResilientMethod method, ILogger? logger, CircuitBreaker? breaker, BreakerTicket ticket,
            TTask started, Exception? thrown, CancellationToken cancellationToken)
            where TKind : struct, IReturnKind<TTask, TResult>
        {
            ValueTask<TResult> pending = default;
            if (thrown is null)
            {
                try
                {
                    pending = default(TKind).FromBody(started);
                }
                catch (Exception ex)
                {
                    thrown = ex; // a Task kind's body returned null
                }
            }
            else if (IsArgumentErrorNoLayerHandles(method, breaker, thrown))
            {
                call.FirstClock.Timeout?.Release();
                breaker?.OnNotCounted(ticket);
                throw CallLoop.Rethrow(thrown);
            }

            return default(TKind).ToCaller(CallLoop.RunAsync<TState, TTask, TResult, TKind>(call, method, logger, breaker, ticket, pending, thrown, cancellationToken));
        }

        /// <summary>Neither the retry (if any) nor the breaker (if any) names the argument error in its Handle.</summary>
        private static bool IsArgumentErrorNoLayerHandles(ResilientMethod method, CircuitBreaker? breaker, Exception thrown)
            => thrown is ArgumentException
               && (method.Policy.Retry is null || FixedRules.IsUnnamedArgumentError(thrown, method.RetryArgumentTypes))
               && (breaker is null || FixedRules.IsUnnamedArgumentError(thrown, method.BreakerArgumentTypes));

        /// <summary>What <see cref="StartUnlessStarted"/> did with a call.</summary>
        private enum StartResult
        {
            /// <summary>The body was called (here or by the generated fast path); its outcome is in <c>first</c>.</summary>
            Running,

            /// <summary>Resilience is switched off for the method: call the body and return what it returns.</summary>
            PassThrough,

            /// <summary>The breaker rejected the call; the body was not called.</summary>
            Rejected,
        }

        /// <summary>
        /// The start of a call: unless the generated fast path already started the
        /// body, take the breaker's word, count the attempt and call the body, keeping what it returned or threw in
        /// <paramref name="first"/>.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static StartResult StartUnlessStarted<TState, TTask>(
            ResilientMethod method, ILogger? logger, TState state, Func<TState, TTask>? body, Func<TState, CancellationToken, TTask>? timedBody,
            CancellationToken cancellationToken, ref FirstAttempt<TTask> first, out CircuitBreakerOpenException? rejection)
        {
            rejection = null;
            if (first.Admitted)
            {
                return StartResult.Running;
            }

            MethodPolicy policy = method.Policy;
            if (policy.PassThrough)
            {
                return StartResult.PassThrough;
            }

            // A keyed breaker was found by the generated fast path, which had the call's key.
            first.Breaker = !policy.UseBreaker ? null : method.IsKeyed ? first.Breaker : method.Breaker;
            rejection = BreakerLayer.Admit(method, first.Breaker, logger, out first.Ticket);
            if (rejection != null)
            {
                return StartResult.Rejected;
            }

            policy.BudgetCalls?.CountCall();
            ResilienceTelemetry.AttemptStarted(method);
            if (first.Breaker != null)
            {
                first.Clock.StartedAt = SlowCalls.Start(first.Breaker);
            }

            try
            {
                CancellationToken attemptToken = cancellationToken;
                if (policy.Timeout is { } timeouts)
                {
                    attemptToken = TimeoutLayer.ArmFirst(timeouts, cancellationToken, ref first.Clock, out first.CallStart);
                }

                first.Started = timedBody != null ? timedBody(state, attemptToken) : body!(state);
            }
            catch (Exception ex)
            {
                first.Failure = ex;
            }

            return StartResult.Running;
        }
    }
}
