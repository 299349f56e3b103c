using System;
using System.Runtime.CompilerServices;
using System.Threading;

namespace ResilienceGen.Internal
{
    /// <summary>
    /// A validated, immutable snapshot of <see cref="TimeoutOptions"/>; null in a <see cref="MethodPolicy"/> when the
    /// method has no timeout in force (no <c>[WithTimeout]</c>, or an override set both limits to 0).
    /// </summary>
    internal sealed class TimeoutSettings
    {
        private SharedTimeouts? _sharedFirst;

        private TimeoutSettings(TimeoutOptions options)
        {
            Attempt = TimeSpan.FromMilliseconds(options.AttemptMs);
            Total = TimeSpan.FromMilliseconds(options.TotalMs);
        }

        /// <summary>Each attempt's limit; <see cref="TimeSpan.Zero"/> means none.</summary>
        public TimeSpan Attempt { get; }

        /// <summary>The whole call's limit; <see cref="TimeSpan.Zero"/> means none.</summary>
        public TimeSpan Total { get; }

        public bool HasAttempt => Attempt > TimeSpan.Zero;

        public bool HasTotal => Total > TimeSpan.Zero;

        /// <summary>
        /// The first attempt's limit: the attempt limit, or the total one when it comes first (or is the only one).
        /// </summary>
        public bool FirstAttemptIsTotal => HasTotal && !(HasAttempt && Attempt < Total);

        /// <summary>The token sources first attempts share when they need none of their own (created on first use).</summary>
        public SharedTimeouts SharedFirst
        {
            [MethodImpl(MethodImplOptions.AggressiveInlining)]
            get => _sharedFirst ?? CreateSharedFirst();
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        private SharedTimeouts CreateSharedFirst()
        {
            SharedTimeouts shared = FirstAttemptIsTotal
                ? new SharedTimeouts(Total, TimeoutScope.Total, Total)
                : new SharedTimeouts(Attempt, TimeoutScope.Attempt, Attempt);
            return Interlocked.CompareExchange(ref _sharedFirst, shared, null) ?? shared;
        }

        /// <summary>The settings, or null when neither limit is set. Throws when <paramref name="options"/> is out of range.</summary>
        public static TimeoutSettings? From(TimeoutOptions? options)
        {
            if (options is null)
            {
                return null;
            }

            options.Validate();
            return options.AttemptMs == 0 && options.TotalMs == 0 ? null : new TimeoutSettings(options);
        }
    }
}
