using System;
using System.Threading.Tasks;

namespace ResilienceGen.Internal
{
    /// <summary>
    /// One way of starting a body and judging its exceptions, as a struct so the shared slow path is specialized
    /// per return kind with no delegate or interface dispatch.
    /// </summary>
    internal interface IAttempt<TResult>
    {
        /// <summary>Calls the body; may throw synchronously.</summary>
        ValueTask<TResult> Start();

        /// <summary>The generated retry filter (Handle/Ignore/ShouldHandle) says yes.</summary>
        bool RetryFilterAccepts(Exception exception);

        /// <summary>The generated breaker filter says the exception counts as a failure.</summary>
        bool BreakerFilterAccepts(Exception exception);

        /// <summary>The delay the generated <c>RetryAfter</c> lambda asks for; null without one or when it says null.</summary>
        TimeSpan? RetryAfter(Exception exception);

        /// <summary>Calls the generated <c>OnRetry</c> lambda, if any.</summary>
        void OnRetry(int attempt, TimeSpan delay, Exception exception);

        /// <summary>A generated fallback was passed.</summary>
        bool HasFallback { get; }

        /// <summary>Calls the generated fallback; may throw synchronously. Only when <see cref="HasFallback"/>.</summary>
        ValueTask<TResult> Fallback(Exception exception);
    }

    /// <summary>The result type of bodies that return a bare Task or ValueTask.</summary>
    internal readonly struct VoidResult
    {
    }
}
