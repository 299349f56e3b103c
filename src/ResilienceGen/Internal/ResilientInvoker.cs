using System;
using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace ResilienceGen.Internal
{
    /// <summary>
    /// For generated code only: the entry points a generated wrapper calls, one per return kind. Each runs the
    /// first attempt inline; when the body's task already completed successfully it is returned as is, with no
    /// allocation. Anything else (awaiting, failures, retries, rejections) goes to <see cref="RetryLoop"/>.
    /// </summary>
    /// <remarks>
    /// Composition: retry is the outer layer and every attempt passes the breaker. Fixed rules, applied before the
    /// generated filters: an <see cref="OperationCanceledException"/> while <c>cancellationToken</c> is cancelled
    /// is never retried and never a breaker failure; <see cref="CircuitBreakerOpenException"/> is never retried.
    /// The optional hooks (<c>onRetry</c>, <c>retryAfter</c>, <c>fallback</c>) are only looked at once a call has
    /// left the happy path: a rejection, a failure, or a body that has not completed yet. The optional
    /// <c>first</c> is set by the generated fast path (<see cref="FirstAttempt{TTask}"/>) when it already called
    /// the body and the call did not simply succeed: the call then carries on from that first attempt, already
    /// admitted, instead of starting again.
    /// </remarks>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static class ResilientInvoker
    {
        /// <summary>Runs a body returning <see cref="Task{TResult}"/> through the method's policy.</summary>
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
        {
            switch (StartUnlessStarted(method, logger, state, body, ref first, out CircuitBreakerOpenException? rejection))
            {
                case StartResult.PassThrough:
                    return body(state); // kill switch: exactly what a direct call would do
                case StartResult.Rejected:
                    return fallback is null ? Task.FromException<TResult>(rejection!) : Fallbacks.OnRejection(method, logger, state, fallback, rejection!);
            }

            CircuitBreaker? breaker = first.Breaker;
            long ticket = first.Ticket;
            Task<TResult>? task = first.Started;
            Exception? failure = first.Failure;
            if (failure is null && task != null && AttemptHelpers.IsCompletedSuccessfully(task))
            {
                breaker?.OnSuccess(ticket, method, logger);
                return task;
            }

            var attempt = new TaskOfAttempt<TState, TResult>(state, body, retryFilter, breakerFilter, onRetry, retryAfter, fallback);
            if (failure is null && task is { IsCompleted: false })
            {
                return RetryLoop.AwaitFirstAsync<TaskOfAttempt<TState, TResult>, TResult>(attempt, method, logger, breaker, ticket, new ValueTask<TResult>(task), cancellationToken);
            }

            if (failure != null)
            {
                // The body threw synchronously: that is the first attempt's failure.
                return RetryLoop.RunAsync<TaskOfAttempt<TState, TResult>, TResult>(attempt, method, logger, breaker, ticket, default, failure, cancellationToken);
            }

            // A faulted, cancelled or null task: the loop judges it.
            return RetryLoop.RunAsync<TaskOfAttempt<TState, TResult>, TResult>(attempt, method, logger, breaker, ticket, task is null ? default : new ValueTask<TResult>(task), task is null ? AttemptHelpers.NullTask() : null, cancellationToken);
        }

        /// <summary>Runs a body returning <see cref="Task"/> through the method's policy.</summary>
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
        {
            switch (StartUnlessStarted(method, logger, state, body, ref first, out CircuitBreakerOpenException? rejection))
            {
                case StartResult.PassThrough:
                    return body(state); // kill switch: exactly what a direct call would do
                case StartResult.Rejected:
                    return fallback is null ? Task.FromException(rejection!) : Fallbacks.OnRejection(method, logger, state, fallback, rejection!);
            }

            CircuitBreaker? breaker = first.Breaker;
            long ticket = first.Ticket;
            Task? task = first.Started;
            Exception? failure = first.Failure;
            if (failure is null && task != null && AttemptHelpers.IsCompletedSuccessfully(task))
            {
                breaker?.OnSuccess(ticket, method, logger);
                return task;
            }

            var attempt = new TaskAttempt<TState>(state, body, retryFilter, breakerFilter, onRetry, retryAfter, fallback);
            if (failure is null && task is { IsCompleted: false })
            {
                return RetryLoop.AwaitFirstAsync<TaskAttempt<TState>>(attempt, method, logger, breaker, ticket, new ValueTask(task), cancellationToken);
            }

            if (failure != null)
            {
                // The body threw synchronously: that is the first attempt's failure.
                return RetryLoop.RunAsync<TaskAttempt<TState>, VoidResult>(attempt, method, logger, breaker, ticket, default, failure, cancellationToken);
            }

            // A faulted, cancelled or null task: the loop judges it.
            return RetryLoop.RunAsync<TaskAttempt<TState>, VoidResult>(attempt, method, logger, breaker, ticket, task is null ? default : new ValueTask<VoidResult>(AttemptHelpers.AwaitVoid(task)), task is null ? AttemptHelpers.NullTask() : null, cancellationToken);
        }

        /// <summary>Runs a body returning <see cref="ValueTask{TResult}"/> through the method's policy.</summary>
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
        {
            switch (StartUnlessStarted(method, logger, state, body, ref first, out CircuitBreakerOpenException? rejection))
            {
                case StartResult.PassThrough:
                    return body(state); // kill switch: exactly what a direct call would do
                case StartResult.Rejected:
                    return fallback is null ? new ValueTask<TResult>(Task.FromException<TResult>(rejection!)) : Fallbacks.OnRejection(method, logger, state, fallback, rejection!);
            }

            CircuitBreaker? breaker = first.Breaker;
            long ticket = first.Ticket;
            ValueTask<TResult> task = first.Started;
            Exception? failure = first.Failure;
            if (failure is null && task.IsCompletedSuccessfully)
            {
                breaker?.OnSuccess(ticket, method, logger);
                return task;
            }

            var attempt = new ValueTaskOfAttempt<TState, TResult>(state, body, retryFilter, breakerFilter, onRetry, retryAfter, fallback);
            if (failure is null && !task.IsCompleted)
            {
                return new ValueTask<TResult>(RetryLoop.AwaitFirstAsync<ValueTaskOfAttempt<TState, TResult>, TResult>(attempt, method, logger, breaker, ticket, task, cancellationToken));
            }

            if (failure != null)
            {
                // The body threw synchronously: that is the first attempt's failure.
                return new ValueTask<TResult>(RetryLoop.RunAsync<ValueTaskOfAttempt<TState, TResult>, TResult>(attempt, method, logger, breaker, ticket, default, failure, cancellationToken));
            }

            // A faulted or cancelled task: the loop judges it.
            return new ValueTask<TResult>(RetryLoop.RunAsync<ValueTaskOfAttempt<TState, TResult>, TResult>(attempt, method, logger, breaker, ticket, task, null, cancellationToken));
        }

        /// <summary>Runs a body returning <see cref="ValueTask"/> through the method's policy.</summary>
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
        {
            switch (StartUnlessStarted(method, logger, state, body, ref first, out CircuitBreakerOpenException? rejection))
            {
                case StartResult.PassThrough:
                    return body(state); // kill switch: exactly what a direct call would do
                case StartResult.Rejected:
                    return fallback is null ? new ValueTask(Task.FromException(rejection!)) : Fallbacks.OnRejection(method, logger, state, fallback, rejection!);
            }

            CircuitBreaker? breaker = first.Breaker;
            long ticket = first.Ticket;
            ValueTask task = first.Started;
            Exception? failure = first.Failure;
            if (failure is null && task.IsCompletedSuccessfully)
            {
                breaker?.OnSuccess(ticket, method, logger);
                return task;
            }

            var attempt = new ValueTaskAttempt<TState>(state, body, retryFilter, breakerFilter, onRetry, retryAfter, fallback);
            if (failure is null && !task.IsCompleted)
            {
                return new ValueTask(RetryLoop.AwaitFirstAsync<ValueTaskAttempt<TState>>(attempt, method, logger, breaker, ticket, task, cancellationToken));
            }

            if (failure != null)
            {
                // The body threw synchronously: that is the first attempt's failure.
                return new ValueTask(RetryLoop.RunAsync<ValueTaskAttempt<TState>, VoidResult>(attempt, method, logger, breaker, ticket, default, failure, cancellationToken));
            }

            // A faulted or cancelled task: the loop judges it.
            return new ValueTask(RetryLoop.RunAsync<ValueTaskAttempt<TState>, VoidResult>(attempt, method, logger, breaker, ticket, new ValueTask<VoidResult>(AttemptHelpers.AwaitVoid(task)), null, cancellationToken));
        }

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
        /// The start of a call, shared by the four entry points: unless the generated fast path already started the
        /// body, take the breaker's word, count the attempt and call the body, keeping what it returned or threw in
        /// <paramref name="first"/>. What differs per return kind stays with the entry points.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static StartResult StartUnlessStarted<TState, TTask>(
            ResilientMethod method, ILogger? logger, TState state, Func<TState, TTask> body, ref FirstAttempt<TTask> first, out CircuitBreakerOpenException? rejection)
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

            rejection = Admit(method, policy, logger, out first.Breaker, out first.Ticket);
            if (rejection != null)
            {
                return StartResult.Rejected;
            }

            RetryLoop.CountAttempt(method); // admitted: Admit gave a ticket

            try
            {
                first.Started = body(state);
            }
            catch (Exception ex)
            {
                first.Failure = ex;
            }

            return StartResult.Running;
        }

        /// <summary>
        /// The breaker's word on one call, shared by the four entry points: null when the call may go ahead (with
        /// the breaker, if any, and its ticket), else the rejection to hand to the caller or the fallback.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static CircuitBreakerOpenException? Admit(ResilientMethod method, MethodPolicy policy, ILogger? logger, out CircuitBreaker? breaker, out long ticket)
        {
            breaker = policy.UseBreaker ? method.Breaker : null;
            ticket = CircuitBreaker.NormalTicket;
            if (breaker is null)
            {
                return null;
            }

            ticket = breaker.TryEnter(method, logger, out TimeSpan openFor);
            return ticket == CircuitBreaker.RejectedTicket ? RetryLoop.Reject(method, logger, breaker, openFor) : null;
        }
    }
}
