using System;

namespace ResilienceGen
{
    // The process's one breaker observer (issue 19). Its own file so the registry's other concerns stay apart.
    public sealed partial class CircuitBreakerRegistry
    {
        private static volatile ICircuitBreakerObserver? s_observer;

        internal static ICircuitBreakerObserver? CurrentObserver => s_observer;

        /// <summary>
        /// Sets the process's breaker observer, told of every transition of every breaker (see
        /// <see cref="ICircuitBreakerObserver"/>); one at a time. Null removes it.
        /// </summary>
        /// <exception cref="InvalidOperationException">Another observer is attached; remove it first.</exception>
        public void SetObserver(ICircuitBreakerObserver? observer)
        {
            if (observer is null)
            {
                s_observer = null;
                return;
            }

#pragma warning disable CS0420 // a volatile field by reference: Interlocked gives the same guarantee
            if (System.Threading.Interlocked.CompareExchange(ref s_observer, observer, null) is { } existing && !ReferenceEquals(existing, observer))
#pragma warning restore CS0420
            {
                throw new InvalidOperationException("A circuit breaker observer is already attached (one per process, for example one fleet membership).");
            }
        }

        /// <summary>Removes <paramref name="observer"/> if it is the attached one.</summary>
        public bool RemoveObserver(ICircuitBreakerObserver observer)
        {
#pragma warning disable CS0420
            return ReferenceEquals(System.Threading.Interlocked.CompareExchange(ref s_observer, null, observer), observer);
#pragma warning restore CS0420
        }
    }
}
