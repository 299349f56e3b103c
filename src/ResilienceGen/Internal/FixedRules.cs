using System;
using System.Collections.Generic;
using System.Threading;

namespace ResilienceGen.Internal
{
    /// <summary>
    /// The rules the runtime applies before any generated filter, the same for every method: what no
    /// Handle/Ignore/ShouldHandle can make transient.
    /// </summary>
    internal static class FixedRules
    {
        /// <summary>
        /// The caller's own token cancelled the call: never retried, never a breaker failure. An
        /// <see cref="OperationCanceledException"/> nobody asked for (an HttpClient timeout) is an ordinary failure.
        /// </summary>
        public static bool IsCancelledByCaller(Exception exception, CancellationToken cancellationToken)
            => exception is OperationCanceledException && cancellationToken.IsCancellationRequested;

        /// <summary>
        /// An <see cref="ArgumentException"/> (or subtype) says the call itself is wrong, so trying again cannot help:
        /// never retried and never a breaker failure, unless the layer's <c>Handle</c> names its type (or a base of
        /// it that is itself an argument exception) explicitly. <paramref name="handledArgumentTypes"/> are those
        /// named types (<see cref="ArgumentTypesAmong"/>).
        /// </summary>
        public static bool IsUnnamedArgumentError(Exception exception, Type[] handledArgumentTypes)
        {
            if (!(exception is ArgumentException))
            {
                return false;
            }

            foreach (Type handled in handledArgumentTypes)
            {
                if (handled.IsInstanceOfType(exception))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>The argument-exception types among a <c>Handle</c> list (usually none).</summary>
        public static Type[] ArgumentTypesAmong(Type[]? handle)
        {
            if (handle is null || handle.Length == 0)
            {
                return Array.Empty<Type>();
            }

            var argumentTypes = new List<Type>();
            foreach (Type type in handle)
            {
                if (type != null && typeof(ArgumentException).IsAssignableFrom(type))
                {
                    argumentTypes.Add(type);
                }
            }

            return argumentTypes.Count == 0 ? Array.Empty<Type>() : argumentTypes.ToArray();
        }
    }
}
