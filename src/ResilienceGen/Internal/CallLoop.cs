using System;
using System.Runtime.ExceptionServices;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using ResilienceGen.Telemetry;

namespace ResilienceGen.Internal
{
    /// <summary>
    /// The one loop every call that leaves the happy path runs, whatever its return kind (adapted by its
    /// <see cref="IReturnKind{TTask, TResult}"/>) and whatever its policy (retry, breaker, or both). The layers, outside in:
    /// retry (<see cref="RetryLayer"/>), then the breaker around each attempt (<see cref="BreakerLayer"/>), then
    /// the body; a total timeout outside the retry layer and an attempt timeout between breaker and body
    /// (<see cref="TimeoutLayer"/>).
    /// It finishes the first attempt (awaiting it, or judging its exception), then retries with backoff until a
    /// success, a rule or filter says stop, or the attempts run out. The generated hooks (OnRetry, RetryAfter,
    /// Fallback) are consulted here only, never on the happy path.
    /// </summary>
    internal static class CallLoop
    {
        /// <summary>
        /// The first attempt is still running (the awaiting happy path): awaits it in a frame that holds only what
        /// a success needs, so a body that goes asynchronous and then succeeds pays for one small async frame
        /// instead of the whole loop's. A failure goes on to <see cref="RunAsync"/> as that attempt's failure.
        /// </summary>
        public static async Task<TResult> AwaitFirstAsync<TState, TTask, TResult, TKind>(
            GeneratedCall<TState, TTask> call, ResilientMethod method, ILogger? logger, CircuitBreaker? breaker, BreakerTicket ticket,
            ValueTask<TResult> running, CancellationToken cancellationToken)
            where TKind : struct, IReturnKind<TTask, TResult>
        {
            Exception failure;
            try
            {
                TResult result = await running.ConfigureAwait(false);
                ReportSuccess(call.FirstClock, method, logger, breaker, ticket);
                return result;
            }
            catch (Exception ex)
            {
                failure = ex;
            }

            return await RunAsync<TState, TTask, TResult, TKind>(call, method, logger, breaker, ticket, default, failure, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>
        /// <see cref="AwaitFirstAsync{TState, TTask, TResult, TKind}"/> for bodies returning a bare Task or
        /// ValueTask, awaited as they are (no extra frame to turn them into a result).
        /// </summary>
        public static async Task<VoidResult> AwaitFirstVoidAsync<TState, TTask, TKind>(
            GeneratedCall<TState, TTask> call, ResilientMethod method, ILogger? logger, CircuitBreaker? breaker, BreakerTicket ticket,
            ValueTask running, CancellationToken cancellationToken)
            where TKind : struct, IReturnKind<TTask, VoidResult>
        {
            Exception failure;
            try
            {
                await running.ConfigureAwait(false);
                ReportSuccess(call.FirstClock, method, logger, breaker, ticket);
                return default;
            }
            catch (Exception ex)
            {
                failure = ex;
            }

            return await RunAsync<TState, TTask, VoidResult, TKind>(call, method, logger, breaker, ticket, default, failure, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>
        /// Runs the call from its first attempt on: <paramref name="pending"/> is that attempt's task, or
        /// <paramref name="failure"/> what it threw. <paramref name="breaker"/> (null without one in force) admitted
        /// it with <paramref name="ticket"/>.
        /// </summary>
        public static async Task<TResult> RunAsync<TState, TTask, TResult, TKind>(
            GeneratedCall<TState, TTask> call, ResilientMethod method, ILogger? logger, CircuitBreaker? breaker, BreakerTicket ticket,
            ValueTask<TResult> pending, Exception? failure, CancellationToken cancellationToken)
            where TKind : struct, IReturnKind<TTask, TResult>
        {
            // One read per call: a runtime override swapping the settings applies from the next call.
            MethodPolicy policy = method.Policy;
            RetrySettings? retry = policy.Retry;
            RetryBudget? budget = policy.Budget;
            var retries = new RetryLayer(retry);
            AttemptClock clock = call.FirstClock;

            for (int attemptNumber = 1; ; attemptNumber++)
            {
                // The body.
                if (failure is null)
                {
                    try
                    {
                        TResult result = await pending.ConfigureAwait(false);
                        ReportSuccess(clock, method, logger, breaker, ticket);
                        return result;
                    }
                    catch (Exception ex)
                    {
                        failure = ex;
                    }
                }

                // The attempt timeout layer: a failure after the attempt's timer fired is that timeout. A total
                // timeout ends the call here: never retried, not a breaker failure.
                ResilienceTimeoutException? timedOut = TimeoutLayer.EndFailed(ref clock, method, logger, failure);
                if (timedOut != null)
                {
                    failure = timedOut;
                    if (timedOut.Scope == TimeoutScope.Total)
                    {
                        breaker?.OnNotCounted(ticket);
                        if (call.HasFallback)
                        {
                            return await Fallbacks.Start<TState, TTask, TResult, TKind>(call, method, logger, Fallbacks.TimedOut, timedOut).ConfigureAwait(false);
                        }

                        throw timedOut;
                    }
                }

                // The breaker layer: how the attempt counts (an attempt timeout always as a failure).
                bool cancelledByCaller = FixedRules.IsCancelledByCaller(failure, cancellationToken);
                if (breaker != null)
                {
                    bool countedAsFailure = timedOut != null
                        ? BreakerLayer.ReportTimeout(method, logger, breaker, ticket)
                        : BreakerLayer.ReportFailure(call, method, logger, breaker, ticket, failure, cancelledByCaller);
                    if (retry is null && countedAsFailure && call.HasFallback)
                    {
                        // Breaker-only: a counted failure is the one the policy handles.
                        return await Fallbacks.Start<TState, TTask, TResult, TKind>(call, method, logger, Fallbacks.Failed, failure).ConfigureAwait(false);
                    }
                }

                // The retry layer: try again, answer with the fallback, or let the failure through.
                if (cancelledByCaller || retry is null || FixedRules.IsUnnamedArgumentError(failure, method.RetryArgumentTypes))
                {
                    throw Rethrow(failure);
                }

                if (attemptNumber > retry.MaxRetries || failure is CircuitBreakerOpenException)
                {
                    // No retry is left (or the fixed rule forbids one): the fallback answers what the retry filter
                    // handles. Without a fallback the filter is not asked, as before hooks existed.
                    if (call.HasFallback && call.RetryFilterAccepts(failure))
                    {
                        return await Fallbacks.Start<TState, TTask, TResult, TKind>(call, method, logger, Fallbacks.Exhausted, failure).ConfigureAwait(false);
                    }

                    throw Rethrow(failure);
                }

                if (!call.RetryFilterAccepts(failure))
                {
                    throw Rethrow(failure);
                }

                if (budget != null && !budget.TryWithdraw())
                {
                    // The budget refuses the retry: it is not made; the fallback (or the failure) answers now.
                    ResilienceTelemetry.BudgetExhausted(method, logger, budget, attemptNumber, failure);
                    if (call.HasFallback)
                    {
                        return await Fallbacks.Start<TState, TTask, TResult, TKind>(call, method, logger, Fallbacks.Budget, failure).ConfigureAwait(false);
                    }

                    throw Rethrow(failure);
                }

                TimeSpan delay = retries.NextDelay(call.RetryAfter(failure), attemptNumber);

                // The user's OnRetry first: if it throws, the call ends and no retry was scheduled to count or log.
                call.OnRetry(attemptNumber, delay, failure);
                ResilienceTelemetry.RetryScheduled(method, logger, attemptNumber, retries.LastDelayMs, failure);
                if (delay > TimeSpan.Zero)
                {
                    await RetryLayer.Delay(TimeoutLayer.CapDelay(delay, call.Timeouts, call.CallStart), cancellationToken).ConfigureAwait(false);
                }

                // The total timeout layer: a deadline that passed during the delay ends the call.
                if (call.Timeouts is { HasTotal: true } timeouts && TimeoutLayer.Remaining(timeouts, call.CallStart) <= TimeSpan.Zero)
                {
                    ResilienceTimeoutException total = TimeoutLayer.DeadlinePassed(timeouts, method, logger, failure);
                    if (call.HasFallback)
                    {
                        return await Fallbacks.Start<TState, TTask, TResult, TKind>(call, method, logger, Fallbacks.TimedOut, total).ConfigureAwait(false);
                    }

                    throw total;
                }

                // The next attempt, through the breaker layer again.
                failure = null;
                CircuitBreakerOpenException? rejection = BreakerLayer.Admit(method, breaker, logger, out ticket);
                if (rejection != null)
                {
                    if (call.HasFallback)
                    {
                        return await Fallbacks.Start<TState, TTask, TResult, TKind>(call, method, logger, Fallbacks.Rejected, rejection).ConfigureAwait(false);
                    }

                    throw rejection;
                }

                ResilienceTelemetry.AttemptStarted(method);
                clock = default;
                try
                {
                    // The attempt timeout layer, between the breaker and the body.
                    CancellationToken attemptToken = cancellationToken;
                    if (breaker != null)
                    {
                        clock.StartedAt = SlowCalls.Start(breaker);
                    }

                    if (call.Timeouts is { } attemptTimeouts)
                    {
                        attemptToken = TimeoutLayer.Arm(attemptTimeouts, call.CallStart, cancellationToken, ref clock);
                    }

                    pending = default(TKind).FromBody(call.CallBody(attemptToken));
                }
                catch (Exception ex)
                {
                    failure = ex;
                }
            }
        }

        /// <summary>An attempt succeeded: its timeout is given back and the breaker told (a slow success as a failure).</summary>
        private static void ReportSuccess(AttemptClock clock, ResilientMethod method, ILogger? logger, CircuitBreaker? breaker, BreakerTicket ticket)
        {
            clock.Timeout?.Release();
            if (breaker != null)
            {
                SlowCalls.ReportSuccess(breaker, ticket, clock.StartedAt, method, logger);
            }
        }

        /// <summary>Throws <paramref name="exception"/> itself with its original stack; "returns" for <c>throw</c>.</summary>
        internal static Exception Rethrow(Exception exception)
        {
            ExceptionDispatchInfo.Capture(exception).Throw();
            return exception;
        }
    }
}
