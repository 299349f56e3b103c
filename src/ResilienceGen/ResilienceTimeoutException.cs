using System;
using System.Globalization;

namespace ResilienceGen
{
    /// <summary>
    /// A <see cref="WithTimeoutAttribute"/> limit ended an attempt (<see cref="TimeoutScope.Attempt"/>) or the whole call
    /// (<see cref="TimeoutScope.Total"/>). <see cref="Exception.InnerException"/> is what the body ended with (usually
    /// the <see cref="OperationCanceledException"/> of its token), or the last attempt's failure when the deadline came
    /// during a retry delay. The caller's own cancellation is never reported this way.
    /// </summary>
    public sealed class ResilienceTimeoutException : TimeoutException
    {
        /// <summary>Creates the exception for <paramref name="methodName"/>.</summary>
        public ResilienceTimeoutException(string methodName, TimeSpan timeout, TimeoutScope scope, Exception? innerException)
            : base(BuildMessage(methodName, timeout, scope), innerException)
        {
            MethodName = methodName;
            Timeout = timeout;
            Scope = scope;
        }

        /// <summary>The method that timed out, <c>Namespace.Type.Method</c>.</summary>
        public string MethodName { get; }

        /// <summary>The limit that was reached (the attempt's or the total one).</summary>
        public TimeSpan Timeout { get; }

        /// <summary>Which limit was reached.</summary>
        public TimeoutScope Scope { get; }

        private static string BuildMessage(string methodName, TimeSpan timeout, TimeoutScope scope)
            => scope == TimeoutScope.Attempt
                ? string.Format(CultureInfo.InvariantCulture, "An attempt of {0} timed out after {1:0} ms.", methodName, timeout.TotalMilliseconds)
                : string.Format(CultureInfo.InvariantCulture, "{0} timed out after {1:0} ms in total.", methodName, timeout.TotalMilliseconds);
    }
}
