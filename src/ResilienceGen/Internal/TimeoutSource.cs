using System;
using System.Threading;
#if !NET8_0_OR_GREATER
using System.Threading.Tasks;
#endif

namespace ResilienceGen.Internal
{
    /// <summary>
    /// The token one attempt runs with when a timeout applies: cancelled when its timer (on
    /// <see cref="Resilience.TimeProvider"/>) fires or when the caller's token is cancelled, whichever comes first.
    /// </summary>
    /// <remarks>
    /// Cost. With <see cref="TimeProvider.System"/> on .NET 8+, the source is pooled (one spare per thread): an attempt
    /// that ends before its timer fires gives it back with <c>CancellationTokenSource.TryReset</c>, so the
    /// happy path allocates nothing (the source's timer is created once and re-armed with CancelAfter). A cancellable
    /// caller token is linked by registering on it (<c>UnsafeRegister</c>): the caller's source recycles its
    /// registration nodes, so after its first registration that costs no allocation either; no linked source is
    /// made. A source that was cancelled (the attempt timed out, or the caller cancelled) cannot be reset and is
    /// disposed. With any other TimeProvider (a test's fake clock), and on netstandard2.0 (no TryReset), each armed
    /// attempt creates its own source and timer (about 200 bytes), as Polly's timeout strategy does.
    /// As with any pooled source (Polly's too), a body must not keep using the token after its task has completed.
    /// A first attempt whose caller token cannot be cancelled, on the system clock, needs no source of its own: it
    /// joins a shared one (<see cref="SharedTimeouts"/>), whose <see cref="Release"/> does nothing.
    /// </remarks>
    internal sealed class TimeoutSource
    {
        private static readonly Action<object?> s_cancel = static state => ((CancellationTokenSource)state!).Cancel();
#if NET8_0_OR_GREATER
        [ThreadStatic]
        private static TimeoutSource? t_spare;
#endif

        private readonly CancellationTokenSource _source;
        private readonly bool _poolable;
        private readonly bool _shared;
        private long _retiredAt;
        private CancellationToken _caller;
        private CancellationTokenRegistration _callerLink;

        private TimeoutSource(CancellationTokenSource source, bool poolable, bool shared = false)
        {
            _source = source;
            _poolable = poolable;
            _shared = shared;
        }

        /// <summary>A shared source has had its first attempt (see <see cref="SharedTimeouts"/>).</summary>
        internal bool IsJoined { get; set; }

        /// <summary>Which limit this attempt's timer stands for.</summary>
        public TimeoutScope Scope { get; private set; }

        /// <summary>The limit as configured (what <see cref="ResilienceTimeoutException.Timeout"/> reports).</summary>
        public TimeSpan Limit { get; private set; }

        /// <summary>The token the body gets.</summary>
        public CancellationToken Token => _source.Token;

        /// <summary>The timer, not the caller, cancelled the token. Read before <see cref="Release"/>.</summary>
        public bool HasFired => _source.IsCancellationRequested && !_caller.IsCancellationRequested;

        /// <summary>A source whose timer fires after <paramref name="dueIn"/> (at least 1 ms), linked to <paramref name="caller"/>.</summary>
        public static TimeoutSource Start(TimeSpan dueIn, TimeoutScope scope, TimeSpan limit, CancellationToken caller)
        {
            if (dueIn < TimeSpan.FromMilliseconds(1))
            {
                dueIn = TimeSpan.FromMilliseconds(1);
            }

            TimeProvider clock = Resilience.TimeProvider;
            TimeoutSource source;
#if NET8_0_OR_GREATER
            if (ReferenceEquals(clock, TimeProvider.System))
            {
                source = t_spare ?? new TimeoutSource(new CancellationTokenSource(), poolable: true);
                t_spare = null;
                source._source.CancelAfter(dueIn);
            }
            else
            {
                source = new TimeoutSource(new CancellationTokenSource(dueIn, clock), poolable: false);
            }
#else
            source = new TimeoutSource(clock.CreateCancellationTokenSource(dueIn), poolable: false);
#endif
            source.Scope = scope;
            source.Limit = limit;
            if (caller.CanBeCanceled)
            {
                source._caller = caller;
#if NET8_0_OR_GREATER
                source._callerLink = caller.UnsafeRegister(s_cancel, source._source);
#else
                source._callerLink = caller.Register(s_cancel, source._source);
#endif
            }

            return source;
        }

        /// <summary>A bucket of <see cref="SharedTimeouts"/>: no timer until it is retired, no caller to link.</summary>
        public static TimeoutSource StartShared(TimeoutScope scope, TimeSpan limit)
            => new TimeoutSource(new CancellationTokenSource(), poolable: false, shared: true) { Scope = scope, Limit = limit };

        /// <summary>A shared source takes no more attempts: its token is cancelled <paramref name="due"/> from now.</summary>
        public void RetireShared(TimeSpan due)
        {
            Volatile.Write(ref _retiredAt, Resilience.TimeProvider.GetTimestamp());
            _source.CancelAfter(due);
        }

        /// <summary>
        /// The latest time the attempt can have started: what its call's total limit counts from, when no start was
        /// taken on the fast path (a shared source's attempt: the time it was retired, if it was, else now). Never
        /// earlier than the real start, so the total limit is never cut short; later by at most one bucket's width.
        /// </summary>
        public long LatestStart()
        {
            long now = Resilience.TimeProvider.GetTimestamp();
            long retiredAt = Volatile.Read(ref _retiredAt);
            return _shared && retiredAt != 0 && retiredAt < now ? retiredAt : now;
        }

        /// <summary>The attempt has ended: unlinks from the caller and returns the source to the pool, or disposes it.</summary>
        public void Release()
        {
            if (_shared)
            {
                return; // other attempts share it; its retirement cancels it, and the GC collects it
            }

            // Dispose waits for a caller's callback already running, so nothing cancels the source after this line.
            _callerLink.Dispose();
            _callerLink = default;
            _caller = default;
#if NET8_0_OR_GREATER
            if (_poolable && _source.TryReset())
            {
                t_spare = this;
                return;
            }
#endif
            _source.Dispose();
        }
    }
}
