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
    }

    /// <summary>The result type of bodies that return a bare Task or ValueTask.</summary>
    internal readonly struct VoidResult
    {
    }
}
