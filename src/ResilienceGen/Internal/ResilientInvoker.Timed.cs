using System;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace ResilienceGen.Internal
{
    // The entry points of [WithTimeout] methods: the same four, with a body that takes the attempt's token (the
    // caller's token linked to the attempt's timeout) instead of reading the caller's token from its state.
    // Methods without [WithTimeout] never call these, so their generated code is what it was before timeouts.
    public static partial class ResilientInvoker
    {
        /// <summary>Runs a <c>[WithTimeout]</c> body returning <see cref="Task{TResult}"/> through the method's policy.</summary>
        [MethodImpl(MethodImplOptions.NoInlining)]
        public static Task<TResult> RunTaskOf<TState, TResult>(
            ResilientMethod method, ILogger? logger, TState state,
            Func<TState, CancellationToken, Task<TResult>> body,
            Func<TState, Exception, bool>? retryFilter,
            Func<TState, Exception, bool>? breakerFilter,
            CancellationToken cancellationToken,
            Action<TState, int, TimeSpan, Exception>? onRetry = null,
            Func<TState, Exception, TimeSpan?>? retryAfter = null,
            Func<TState, Exception, Task<TResult>>? fallback = null,
            FirstAttempt<Task<TResult>> first = default)
            => Run<TState, Task<TResult>, TResult, TaskOfResultKind<TResult>>(method, logger, state, null, retryFilter, breakerFilter, cancellationToken, onRetry, retryAfter, fallback, ref first, timedBody: body);

        /// <summary>Runs a <c>[WithTimeout]</c> body returning <see cref="Task"/> through the method's policy.</summary>
        [MethodImpl(MethodImplOptions.NoInlining)]
        public static Task RunTask<TState>(
            ResilientMethod method, ILogger? logger, TState state,
            Func<TState, CancellationToken, Task> body,
            Func<TState, Exception, bool>? retryFilter,
            Func<TState, Exception, bool>? breakerFilter,
            CancellationToken cancellationToken,
            Action<TState, int, TimeSpan, Exception>? onRetry = null,
            Func<TState, Exception, TimeSpan?>? retryAfter = null,
            Func<TState, Exception, Task>? fallback = null,
            FirstAttempt<Task> first = default)
            => Run<TState, Task, VoidResult, TaskKind>(method, logger, state, null, retryFilter, breakerFilter, cancellationToken, onRetry, retryAfter, fallback, ref first, timedBody: body);

        /// <summary>Runs a <c>[WithTimeout]</c> body returning <see cref="ValueTask{TResult}"/> through the method's policy.</summary>
        [MethodImpl(MethodImplOptions.NoInlining)]
        public static ValueTask<TResult> RunValueTaskOf<TState, TResult>(
            ResilientMethod method, ILogger? logger, TState state,
            Func<TState, CancellationToken, ValueTask<TResult>> body,
            Func<TState, Exception, bool>? retryFilter,
            Func<TState, Exception, bool>? breakerFilter,
            CancellationToken cancellationToken,
            Action<TState, int, TimeSpan, Exception>? onRetry = null,
            Func<TState, Exception, TimeSpan?>? retryAfter = null,
            Func<TState, Exception, ValueTask<TResult>>? fallback = null,
            FirstAttempt<ValueTask<TResult>> first = default)
            => Run<TState, ValueTask<TResult>, TResult, ValueTaskOfResultKind<TResult>>(method, logger, state, null, retryFilter, breakerFilter, cancellationToken, onRetry, retryAfter, fallback, ref first, timedBody: body);

        /// <summary>Runs a <c>[WithTimeout]</c> body returning <see cref="ValueTask"/> through the method's policy.</summary>
        [MethodImpl(MethodImplOptions.NoInlining)]
        public static ValueTask RunValueTask<TState>(
            ResilientMethod method, ILogger? logger, TState state,
            Func<TState, CancellationToken, ValueTask> body,
            Func<TState, Exception, bool>? retryFilter,
            Func<TState, Exception, bool>? breakerFilter,
            CancellationToken cancellationToken,
            Action<TState, int, TimeSpan, Exception>? onRetry = null,
            Func<TState, Exception, TimeSpan?>? retryAfter = null,
            Func<TState, Exception, ValueTask>? fallback = null,
            FirstAttempt<ValueTask> first = default)
            => Run<TState, ValueTask, VoidResult, ValueTaskKind>(method, logger, state, null, retryFilter, breakerFilter, cancellationToken, onRetry, retryAfter, fallback, ref first, timedBody: body);
    }
}
