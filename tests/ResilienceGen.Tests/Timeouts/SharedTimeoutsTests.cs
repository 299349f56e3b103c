using System.Collections.Concurrent;
using System.Diagnostics;
using ResilienceGen.Internal;
using ResilienceGen.Tests.Infrastructure;

namespace ResilienceGen.Tests.Timeouts;

/// <summary>
/// First attempts with nothing to link, on the system clock, share a token source per bucket (<see cref="SharedTimeouts"/>).
/// The promise checked here, on the real clock: an attempt is never cancelled before its limit, a bucket nobody
/// joined is never cancelled, and a call's total limit still holds. Upper bounds are loose (the CI machine is
/// busy); the lower bounds are the contract.
/// </summary>
public class SharedTimeoutsTests : RuntimeTestBase
{
    private static readonly TimeSpan s_waitLimit = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan s_timerSlack = TimeSpan.FromMilliseconds(5);

    public SharedTimeoutsTests() => Resilience.TimeProvider = TimeProvider.System;

    [Fact]
    public void A_bucket_is_one_sixteenth_of_the_limit_and_at_least_a_millisecond()
    {
        Assert.Equal(TimeSpan.FromMilliseconds(125), new SharedTimeouts(TimeSpan.FromSeconds(2), TimeoutScope.Attempt, TimeSpan.FromSeconds(2)).Width);
        Assert.Equal(TimeSpan.FromMilliseconds(1), new SharedTimeouts(TimeSpan.FromMilliseconds(5), TimeoutScope.Attempt, TimeSpan.FromMilliseconds(5)).Width);
    }

    [Fact]
    public async Task Attempts_joining_at_once_share_a_source_cancelled_no_sooner_than_the_limit()
    {
        var shared = new SharedTimeouts(TimeSpan.FromMilliseconds(200), TimeoutScope.Attempt, TimeSpan.FromMilliseconds(200));

        long joinedAt = Stopwatch.GetTimestamp();
        TimeoutSource first = shared.Join();
        TimeoutSource second = shared.Join();
        TimeSpan cancelledAfter = await CancellationTime(first.Token, joinedAt);

        Assert.Same(first, second);
        Assert.InRange(cancelledAfter, TimeSpan.FromMilliseconds(200) - s_timerSlack, TimeSpan.FromMilliseconds(200 + 12.5 + 2_000));
        Assert.True(first.HasFired);
        Assert.Equal((TimeoutScope.Attempt, TimeSpan.FromMilliseconds(200)), (first.Scope, first.Limit));
    }

    [Fact]
    public async Task A_bucket_nobody_joined_is_never_cancelled()
    {
        var shared = new SharedTimeouts(TimeSpan.FromMilliseconds(40), TimeoutScope.Attempt, TimeSpan.FromMilliseconds(40));
        TimeoutSource joined = shared.Join();
        await CancellationTime(joined.Token, Stopwatch.GetTimestamp());

        await Task.Delay(400); // ten limits with nobody joining: the retirement timer has stopped
        TimeoutSource idle = shared.Join();

        Assert.NotSame(joined, idle);
        Assert.False(idle.Token.IsCancellationRequested);
        TimeSpan cancelledAfter = await CancellationTime(idle.Token, Stopwatch.GetTimestamp());
        Assert.True(cancelledAfter >= TimeSpan.FromMilliseconds(40) - s_timerSlack, $"cancelled after {cancelledAfter.TotalMilliseconds} ms");
    }

    [Fact]
    public async Task Attempts_joining_from_four_threads_over_many_buckets_all_get_their_limit()
    {
        var limit = TimeSpan.FromMilliseconds(60);
        var shared = new SharedTimeouts(limit, TimeoutScope.Attempt, limit);
        var waits = new ConcurrentBag<Task<TimeSpan>>();
        var sources = new ConcurrentDictionary<TimeoutSource, bool>();

        // Threads of their own, not pool threads: sleeping pool threads would starve the pool the timers run on.
        Thread[] threads = Enumerable.Range(0, 4).Select(_ => new Thread(() =>
        {
            // For 600 ms, not a number of joins: retirements run on the thread pool's timers, which a busy CI machine
            // delays, so the joins must span far more than a few bucket widths to see several buckets.
            var spread = Stopwatch.StartNew();
            while (spread.ElapsedMilliseconds < 600)
            {
                long joining = Stopwatch.GetTimestamp(); // before: the promise is about when the attempt asked
                TimeoutSource source = shared.Join();
                waits.Add(CancellationTime(source.Token, joining));
                sources.TryAdd(source, true);
                Thread.Sleep(2); // spread the joins over many buckets (one is 3.75 ms)
            }
        })).ToArray();
        Array.ForEach(threads, thread => thread.Start());
        Array.ForEach(threads, thread => thread.Join());
        TimeSpan[] cancelledAfter = await Task.WhenAll(waits);

        Assert.True(sources.Count > 4, $"only {sources.Count} buckets were used");
        // Less TimerSlack: .NET timers run on Environment.TickCount64, a coarse clock (4 ms steps on Linux), so any
        // timer, a per-attempt CancelAfter too, can fire that much before its due time measured on the Stopwatch.
        TimeSpan shortest = cancelledAfter.Min();
        Assert.True(shortest >= limit - s_timerSlack, $"an attempt was cancelled after {shortest.TotalMilliseconds} ms");
    }

    [Fact]
    public async Task A_generated_call_with_no_caller_token_times_out_after_its_attempt_limit()
    {
        ResilientMethod method = new(UniqueName("Tests.Shared.Attempt"), null, null, timeout: new TimeoutOptions { AttemptMs = 150 });
        long start = Stopwatch.GetTimestamp();

        var timedOut = await Assert.ThrowsAsync<ResilienceTimeoutException>(() => TimedFastPath.Call(method, CancellationToken.None, HangsUntilCancelled));

        TimeSpan elapsed = Stopwatch.GetElapsedTime(start);
        Assert.Equal(TimeoutScope.Attempt, timedOut.Scope);
        Assert.InRange(elapsed, TimeSpan.FromMilliseconds(150) - s_timerSlack, TimeSpan.FromMilliseconds(150 + 10 + 2_000));
    }

    [Fact]
    public async Task The_total_limit_counts_from_no_later_than_the_call_start_when_the_first_attempt_shared_its_source()
    {
        // The first attempt fails at once (on the shared source), two retries 50 ms apart fail too, the third hangs:
        // the call's 400 ms must count from its start, not from a later moment.
        int attempts = 0;
        Task<int> Body(CancellationToken token)
            => Interlocked.Increment(ref attempts) <= 3 ? Task.FromException<int>(new InvalidOperationException("down")) : HangsUntilCancelled(token);
        ResilientMethod method = new(UniqueName("Tests.Shared.Total"), Retry(maxRetries: 5, baseDelayMs: 50), null, timeout: new TimeoutOptions { TotalMs = 400 });
        long start = Stopwatch.GetTimestamp();

        var timedOut = await Assert.ThrowsAsync<ResilienceTimeoutException>(() => TimedFastPath.Call(method, CancellationToken.None, Body));

        TimeSpan elapsed = Stopwatch.GetElapsedTime(start);
        Assert.Equal(TimeoutScope.Total, timedOut.Scope);
        Assert.Equal(4, attempts);
        Assert.InRange(elapsed, TimeSpan.FromMilliseconds(400) - s_timerSlack, TimeSpan.FromMilliseconds(400 + 25 + 2_000));
    }

    private static async Task<int> HangsUntilCancelled(CancellationToken token)
    {
        await Task.Delay(Timeout.Infinite, token);
        return 0;
    }

    /// <summary>How long after <paramref name="since"/> the token was cancelled (fails the test after 10 s).</summary>
    private static async Task<TimeSpan> CancellationTime(CancellationToken token, long since)
    {
        var cancelled = new TaskCompletionSource<TimeSpan>(TaskCreationOptions.RunContinuationsAsynchronously);
        token.Register(() => cancelled.TrySetResult(Stopwatch.GetElapsedTime(since)));
        return await cancelled.Task.WaitAsync(s_waitLimit);
    }
}
