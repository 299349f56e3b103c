using System;
using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using ResilienceGen.Telemetry;

namespace ResilienceGen.Internal
{
    /// <summary>
    /// The slow path shared by every entry point: finishes the first attempt (awaiting it, or judging its
    /// exception), then retries with backoff until success, a rule or filter says stop, or attempts run out.
    /// The generated hooks (OnRetry, RetryAfter, Fallback) are consulted here only, never on the happy path.
    /// </summary>
    internal static class RetryLoop
    {
        /// <summary>
        /// The first attempt is still running (the awaiting happy path): await it in a frame that holds only what
        /// a success needs, so a body that goes asynchronous and then succeeds pays for one small async frame
        /// instead of the whole retry loop's. A failure goes on to <see cref="RunAsync"/> as that attempt's failure.
        /// </summary>
        public static async Task<TResult> AwaitFirstAsync<TAttempt, TResult>(
            TAttempt attempt,
            ResilientMethod method,
            ILogger? logger,
            CircuitBreaker? breaker,
            long ticket,
            ValueTask<TResult> running,
            CancellationToken cancellationToken)
            where TAttempt : struct, IAttempt<TResult>
        {
            Exception failure;
            try
            {
                TResult result = await running.ConfigureAwait(false);
                breaker?.OnSuccess(ticket, method, logger);
                return result;
            }
            catch (Exception ex)
            {
                failure = ex;
            }

            return await RunAsync<TAttempt, TResult>(attempt, method, logger, breaker, ticket, default, failure, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>
        /// <see cref="AwaitFirstAsync{TAttempt, TResult}"/> for bodies returning a bare Task or ValueTask, awaited
        /// as they are (no extra frame to turn them into a result).
        /// </summary>
        public static async Task<VoidResult> AwaitFirstAsync<TAttempt>(
            TAttempt attempt,
            ResilientMethod method,
            ILogger? logger,
            CircuitBreaker? breaker,
            long ticket,
            ValueTask running,
            CancellationToken cancellationToken)
            where TAttempt : struct, IAttempt<VoidResult>
        {
            Exception failure;
            try
            {
                await running.ConfigureAwait(false);
                breaker?.OnSuccess(ticket, method, logger);
                return default;
            }
            catch (Exception ex)
            {
                failure = ex;
            }

            return await RunAsync<TAttempt, VoidResult>(attempt, method, logger, breaker, ticket, default, failure, cancellationToken).ConfigureAwait(false);
        }

        public static async Task<TResult> RunAsync<TAttempt, TResult>(
            TAttempt attempt,
            ResilientMethod method,
            ILogger? logger,
            CircuitBreaker? breaker,
            long ticket,
            ValueTask<TResult> pending,
            Exception? failure,
            CancellationToken cancellationToken)
            where TAttempt : struct, IAttempt<TResult>
        {
            // One read per call: a runtime override swapping the settings applies from the next call.
            RetrySettings? retry = method.Policy.Retry;
            int maxRetries = retry?.MaxRetries ?? 0;
            double previousDelayMs = 0;

            for (int attemptNumber = 1; ; attemptNumber++)
            {
                if (failure is null)
                {
                    try
                    {
                        TResult result = await pending.ConfigureAwait(false);
                        breaker?.OnSuccess(ticket, method, logger);
                        return result;
                    }
                    catch (Exception ex)
                    {
                        failure = ex;
                    }
                }

                bool cancelledByCaller = failure is OperationCanceledException && cancellationToken.IsCancellationRequested;
                if (breaker != null)
                {
                    bool countsAsFailure;
                    try
                    {
                        countsAsFailure = !cancelledByCaller && attempt.BreakerFilterAccepts(failure);
                    }
                    catch
                    {
                        // A throwing ShouldHandle must not leave a half-open probe slot taken forever.
                        breaker.OnFailure(ticket, method, logger);
                        throw;
                    }

                    ReportToBreaker(breaker, ticket, cancelledByCaller, countsAsFailure, method, logger);
                    if (retry is null && countsAsFailure && attempt.HasFallback)
                    {
                        // Breaker-only: a counted failure is the one the policy handles.
                        return await CallFallback<TAttempt, TResult>(attempt, method, logger, Fallbacks.Failed, failure).ConfigureAwait(false);
                    }
                }

                if (cancelledByCaller || retry is null)
                {
                    throw Rethrow(failure);
                }

                if (attemptNumber > maxRetries || failure is CircuitBreakerOpenException)
                {
                    // No retry is left (or the fixed rule forbids one): the fallback answers what the retry filter
                    // handles. Without a fallback the filter is not asked, as before hooks existed.
                    if (attempt.HasFallback && attempt.RetryFilterAccepts(failure))
                    {
                        return await CallFallback<TAttempt, TResult>(attempt, method, logger, Fallbacks.Exhausted, failure).ConfigureAwait(false);
                    }

                    throw Rethrow(failure);
                }

                if (!attempt.RetryFilterAccepts(failure))
                {
                    throw Rethrow(failure);
                }

                double delayMs = ChooseDelayMs(attempt.RetryAfter(failure), retry, attemptNumber, previousDelayMs);
                previousDelayMs = delayMs;

                // The user's OnRetry first: if it throws, the call ends and no retry was scheduled to count or log.
                attempt.OnRetry(attemptNumber, ToTimeSpan(delayMs), failure);
                OnRetry(method, logger, attemptNumber, delayMs, failure);
                if (delayMs > 0)
                {
                    await Delay(delayMs, cancellationToken).ConfigureAwait(false);
                }

                failure = null;
                if (breaker != null)
                {
                    ticket = breaker.TryEnter(method, logger, out TimeSpan retryAfter);
                    if (ticket == CircuitBreaker.RejectedTicket)
                    {
                        CircuitBreakerOpenException rejection = Reject(method, logger, breaker, retryAfter);
                        if (attempt.HasFallback)
                        {
                            return await CallFallback<TAttempt, TResult>(attempt, method, logger, Fallbacks.Rejected, rejection).ConfigureAwait(false);
                        }

                        throw rejection;
                    }
                }

                CountAttempt(method);
                try
                {
                    pending = attempt.Start();
                }
                catch (Exception ex)
                {
                    failure = ex;
                }
            }
        }

        /// <summary>
        /// The backoff's delay, or the generated RetryAfter's when it gives one: capped by MaxDelayMs, negative
        /// (or NaN) meaning zero.
        /// </summary>
        private static double ChooseDelayMs(TimeSpan? requested, RetrySettings retry, int attemptNumber, double previousDelayMs)
        {
            if (requested is { } delay)
            {
                double ms = delay.TotalMilliseconds;
                return ms > 0 ? Math.Min(ms, retry.MaxDelayMs) : 0;
            }

            return BackoffCalculator.DelayMs(retry, attemptNumber, previousDelayMs, ThreadSafeRandom.NextDouble());
        }

        /// <summary>Records the fallback and starts it; a synchronous throw ends the caller's task with it.</summary>
        private static ValueTask<TResult> CallFallback<TAttempt, TResult>(TAttempt attempt, ResilientMethod method, ILogger? logger, string reason, Exception failure)
            where TAttempt : struct, IAttempt<TResult>
        {
            Fallbacks.Record(method, logger, reason, failure);
            return attempt.Fallback(failure);
        }

        /// <summary>Counts a rejection everywhere and builds the exception the caller gets.</summary>
        public static CircuitBreakerOpenException Reject(ResilientMethod method, ILogger? logger, CircuitBreaker breaker, TimeSpan retryAfter)
        {
            breaker.OnRejected();
            if (ResilienceMetrics.Rejections.Enabled)
            {
                ResilienceMetrics.Rejections.Add(1, method.MethodTag, method.BreakerTag);
            }

            ILogger log = logger ?? method.FallbackLogger;
            if (log.IsEnabled(LogLevel.Debug))
            {
                ResilienceLog.CallRejected(log, method.MethodName, breaker.Name, retryAfter == TimeSpan.MaxValue ? double.PositiveInfinity : retryAfter.TotalMilliseconds);
            }

            return new CircuitBreakerOpenException(breaker.Name, retryAfter);
        }

        /// <summary>Counts one attempt on the meter; only the "anyone listening?" test is inlined into callers.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void CountAttempt(ResilientMethod method)
        {
            if (ResilienceMetrics.Attempts.Enabled)
            {
                AddAttempt(method);
            }
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        private static void AddAttempt(ResilientMethod method)
        {
            if (method.BreakerName is null)
            {
                ResilienceMetrics.Attempts.Add(1, method.MethodTag);
            }
            else
            {
                ResilienceMetrics.Attempts.Add(1, method.MethodTag, method.BreakerTag);
            }
        }

        private static void ReportToBreaker(
            CircuitBreaker breaker, long ticket, bool cancelledByCaller, bool countsAsFailure, ResilientMethod method, ILogger? logger)
        {
            if (cancelledByCaller)
            {
                breaker.OnCancelled(ticket);
            }
            else if (countsAsFailure)
            {
                breaker.OnFailure(ticket, method, logger);
            }
            else
            {
                // An exception the breaker's filter excludes means the dependency answered: it counts as a success.
                breaker.OnSuccess(ticket, method, logger);
            }
        }

        private static void OnRetry(ResilientMethod method, ILogger? logger, int attemptNumber, double delayMs, Exception failure)
        {
            if (ResilienceMetrics.Retries.Enabled)
            {
                if (method.BreakerName is null)
                {
                    ResilienceMetrics.Retries.Add(1, method.MethodTag);
                }
                else
                {
                    ResilienceMetrics.Retries.Add(1, method.MethodTag, method.BreakerTag);
                }
            }

            ResilienceLog.RetryScheduled(logger ?? method.FallbackLogger, method.MethodName, attemptNumber, Math.Round(delayMs, 1), failure);
        }

        private static TimeSpan ToTimeSpan(double delayMs) => TimeSpan.FromTicks((long)(delayMs * TimeSpan.TicksPerMillisecond));

        private static Task Delay(double delayMs, CancellationToken cancellationToken)
        {
            TimeSpan delay = ToTimeSpan(delayMs);
#if NET8_0_OR_GREATER
            return Task.Delay(delay, Resilience.TimeProvider, cancellationToken);
#else
            return Resilience.TimeProvider.Delay(delay, cancellationToken);
#endif
        }

        /// <summary>Throws <paramref name="exception"/> itself with its original stack; "returns" for <c>throw</c>.</summary>
        private static Exception Rethrow(Exception exception)
        {
            ExceptionDispatchInfo.Capture(exception).Throw();
            return exception;
        }
    }
}
