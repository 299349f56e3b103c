using Microsoft.Extensions.Time.Testing;

namespace ResilienceGen.Tests.Infrastructure;

/// <summary>
/// The library's <see cref="FakeTimeProvider"/>, also remembering the one-shot timers it creates (what
/// <c>Task.Delay(delay, timeProvider, token)</c> asks for). FakeTimeProvider keeps its timers private, and the retry
/// tests need them: they assert the delay each retry really waited for (not only the one OnRetry and the log were
/// told), and <see cref="RuntimeTestBase.Drive{T}"/> moves the clock to the next timer instead of guessing a step.
/// </summary>
/// <remarks>
/// Recording reads the clock (<see cref="FakeTimeProvider.GetUtcNow"/>), so with
/// <see cref="FakeTimeProvider.AutoAdvanceAmount"/> set each created timer and each <see cref="NextDueIn"/> read
/// moves it on too: tests that set AutoAdvanceAmount do not use these.
/// </remarks>
public sealed class TimerRecordingTimeProvider : FakeTimeProvider
{
    private readonly object _gate = new();
    private readonly List<(TimeSpan DueTime, DateTimeOffset? DueAt)> _timers = new();

    /// <summary>Due times of every timer created so far, in creation order.</summary>
    public IReadOnlyList<TimeSpan> ScheduledDueTimes
    {
        get
        {
            lock (_gate)
            {
                return _timers.Select(t => t.DueTime).ToArray();
            }
        }
    }

    /// <summary>
    /// Time until the earliest timer that has not fallen due yet, or null when there is none. FakeTimeProvider fires
    /// a timer as soon as the clock reaches it, so "not due yet" is "pending"; a timer disposed early (a cancelled
    /// delay) still counts until its due time, which only matters to a test that keeps driving after cancelling.
    /// </summary>
    public TimeSpan? NextDueIn
    {
        get
        {
            DateTimeOffset now = GetUtcNow();
            lock (_gate)
            {
                DateTimeOffset? next = _timers.Where(t => t.DueAt > now).Min(t => t.DueAt);
                return next - now;
            }
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ITimer timer = base.CreateTimer(callback, state, dueTime, period);

        // Recorded only once the base has scheduled it, so a test thread that moves the clock by these records (Drive)
        // cannot move it between the two: the clock read here is the one the timer was scheduled on.
        DateTimeOffset? dueAt = dueTime == Timeout.InfiniteTimeSpan ? null : GetUtcNow() + dueTime; // infinite: never due
        lock (_gate)
        {
            _timers.Add((dueTime, dueAt));
        }

        return timer;
    }
}
