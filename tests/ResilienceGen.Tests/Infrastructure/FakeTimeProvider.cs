namespace ResilienceGen.Tests.Infrastructure;

/// <summary>
/// A clock that moves only when told to. <see cref="Advance"/> fires every timer that falls due, in due-time
/// order, so <c>Task.Delay(delay, timeProvider, token)</c> (which creates a timer) completes on the advance.
/// Thread-safe; callbacks run outside the lock.
/// </summary>
public sealed class FakeTimeProvider : TimeProvider
{
    private readonly object _gate = new();
    private readonly List<FakeTimer> _timers = new();
    private readonly List<TimeSpan> _scheduledDueTimes = new();
    private DateTimeOffset _now;

    public FakeTimeProvider()
        : this(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero))
    {
    }

    public FakeTimeProvider(DateTimeOffset start) => _now = start;

    /// <summary>Due times of every timer created so far, in creation order (what Task.Delay asked for).</summary>
    public IReadOnlyList<TimeSpan> ScheduledDueTimes
    {
        get
        {
            lock (_gate)
            {
                return _scheduledDueTimes.ToArray();
            }
        }
    }

    /// <summary>Timers created and not yet fired or disposed.</summary>
    public int PendingTimerCount
    {
        get
        {
            lock (_gate)
            {
                return _timers.Count(t => t.DueAt is not null);
            }
        }
    }

    /// <summary>Time until the earliest pending timer is due, or null when none is pending.</summary>
    public TimeSpan? NextDueIn
    {
        get
        {
            lock (_gate)
            {
                DateTimeOffset? next = _timers.Where(t => t.DueAt is not null).Select(t => t.DueAt).Min();
                return next is null ? null : (next.Value > _now ? next.Value - _now : TimeSpan.Zero);
            }
        }
    }

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
        {
            return _now;
        }
    }

    public override long GetTimestamp() => GetUtcNow().UtcTicks;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new FakeTimer(this, callback, state);
        lock (_gate)
        {
            _scheduledDueTimes.Add(dueTime);
            _timers.Add(timer);
            timer.ChangeLocked(dueTime, period);
        }

        return timer;
    }

    /// <summary>Moves the clock forward, firing every timer that falls due on the way.</summary>
    public void Advance(TimeSpan by)
    {
        if (by < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(by), "Time only moves forward.");
        }

        DateTimeOffset target;
        lock (_gate)
        {
            target = _now + by;
        }

        while (true)
        {
            FakeTimer? due;
            lock (_gate)
            {
                due = _timers
                    .Where(t => t.DueAt is not null && t.DueAt <= target)
                    .OrderBy(t => t.DueAt)
                    .FirstOrDefault();
                if (due is null)
                {
                    if (_now < target)
                    {
                        _now = target;
                    }

                    return;
                }

                if (due.DueAt > _now)
                {
                    _now = due.DueAt!.Value;
                }

                due.DueAt = due.Period is { } period && period > TimeSpan.Zero ? _now + period : null;
            }

            due.Fire();
        }
    }

    private sealed class FakeTimer : ITimer
    {
        private readonly FakeTimeProvider _owner;
        private readonly TimerCallback _callback;
        private readonly object? _state;

        public FakeTimer(FakeTimeProvider owner, TimerCallback callback, object? state)
        {
            _owner = owner;
            _callback = callback;
            _state = state;
        }

        public DateTimeOffset? DueAt { get; set; }

        public TimeSpan? Period { get; private set; }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            lock (_owner._gate)
            {
                ChangeLocked(dueTime, period);
            }

            return true;
        }

        public void ChangeLocked(TimeSpan dueTime, TimeSpan period)
        {
            DueAt = dueTime == Timeout.InfiniteTimeSpan ? null : _owner._now + dueTime;
            Period = period == Timeout.InfiniteTimeSpan ? null : period;
        }

        public void Fire() => _callback(_state);

        public void Dispose()
        {
            lock (_owner._gate)
            {
                DueAt = null;
                _owner._timers.Remove(this);
            }
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return default;
        }
    }
}
