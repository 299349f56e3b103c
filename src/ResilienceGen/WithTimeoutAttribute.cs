using System;

namespace ResilienceGen
{
    /// <summary>
    /// Bounds the time of the attributed partial method: each attempt (<see cref="AttemptMs"/>) and the whole call,
    /// attempts and retry delays together (<see cref="TotalMs"/>). The method needs a <c>CancellationToken</c>
    /// parameter: the body gets a token that the caller's token or the timeout cancels, whichever comes first.
    /// Cooperative: at the deadline the token is cancelled and the wrapper waits for the body to end. With the other
    /// attributes the layers are, outside in: total timeout, retry, breaker, attempt timeout, body.
    /// </summary>
    [AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
    public sealed class WithTimeoutAttribute : Attribute
    {
        /// <summary>
        /// Each attempt's limit, in milliseconds; 0 (the default) means none. An attempt cut short ends with
        /// <see cref="ResilienceTimeoutException"/> (<see cref="TimeoutScope.Attempt"/>): a breaker failure, and retried
        /// when the retry filters accept it.
        /// </summary>
        public int AttemptMs { get; set; } = TimeoutOptions.DefaultAttemptMs;

        /// <summary>
        /// The whole call's limit, in milliseconds; 0 (the default) means none. At the deadline the call ends with
        /// <see cref="ResilienceTimeoutException"/> (<see cref="TimeoutScope.Total"/>): never retried, and the attempt it
        /// cuts short is not a breaker failure.
        /// </summary>
        public int TotalMs { get; set; } = TimeoutOptions.DefaultTotalMs;
    }
}
