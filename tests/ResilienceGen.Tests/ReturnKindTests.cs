using ResilienceGen.Internal;
using ResilienceGen.Tests.Infrastructure;

namespace ResilienceGen.Tests;

/// <summary>The four entry points: happy path identity, and the retry path for each return kind.</summary>
public class ReturnKindTests : RuntimeTestBase
{
    private sealed class Counter
    {
        public int Calls;
        public int FailFirst;

        public bool ShouldFail() => Interlocked.Increment(ref Calls) <= FailFirst;
    }

    [Fact]
    public void RunTask_returns_the_bodys_completed_task()
    {
        Task completed = Task.CompletedTask;
        Assert.Same(completed, ResilientInvoker.RunTask(Method(Retry(), Breaker()), null, completed, static t => t, null, null, default));
    }

    [Fact]
    public async Task RunTask_retries_a_failing_body()
    {
        var counter = new Counter { FailFirst = 2 };
        Task call = ResilientInvoker.RunTask(
            Method(Retry(3), Breaker()), null, counter,
            static c => c.ShouldFail() ? Task.FromException(new InvalidOperationException()) : Task.CompletedTask,
            null, null, default);
        await Drive(call);
        Assert.Equal(3, counter.Calls);
    }

    [Fact]
    public async Task RunTask_awaits_a_pending_body_and_rethrows_its_exception()
    {
        var expected = new InvalidOperationException();
        Task call = ResilientInvoker.RunTask(
            Method(Retry(0), Breaker()), null, expected,
            static async e => { await Task.Yield(); throw e; },
            null, null, default);
        Assert.Same(expected, await Assert.ThrowsAsync<InvalidOperationException>(() => call));
    }

    [Fact]
    public async Task RunValueTaskOf_returns_a_completed_ValueTask_over_the_result()
    {
        ValueTask<int> result = ResilientInvoker.RunValueTaskOf(Method(Retry(), Breaker()), null, 7, static n => new ValueTask<int>(n), null, null, default);
        Assert.True(result.IsCompletedSuccessfully);
        Assert.Equal(7, await result);
    }

    [Fact]
    public async Task RunValueTaskOf_retries_a_failing_body()
    {
        var counter = new Counter { FailFirst = 2 };
        ValueTask<int> call = ResilientInvoker.RunValueTaskOf(
            Method(Retry(3), Breaker()), null, counter,
            static c => c.ShouldFail() ? new ValueTask<int>(Task.FromException<int>(new InvalidOperationException())) : new ValueTask<int>(c.Calls),
            null, null, default);
        Assert.Equal(3, await Drive(call.AsTask()));
    }

    [Fact]
    public async Task RunValueTaskOf_handles_synchronous_throws()
    {
        var counter = new Counter { FailFirst = 1 };
        ValueTask<int> call = ResilientInvoker.RunValueTaskOf<Counter, int>(
            Method(Retry(3), null), null, counter,
            static c => c.ShouldFail() ? throw new InvalidOperationException() : new ValueTask<int>(c.Calls),
            null, null, default);
        Assert.Equal(2, await Drive(call.AsTask()));
    }

    [Fact]
    public void RunValueTask_returns_a_completed_ValueTask()
    {
        ValueTask result = ResilientInvoker.RunValueTask(Method(Retry(), Breaker()), null, 0, static _ => default, null, null, default);
        Assert.True(result.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task RunValueTask_retries_a_failing_body()
    {
        var counter = new Counter { FailFirst = 3 };
        ValueTask call = ResilientInvoker.RunValueTask(
            Method(Retry(3), Breaker()), null, counter,
            static c => c.ShouldFail() ? new ValueTask(Task.FromException(new InvalidOperationException())) : default,
            null, null, default);
        await Drive(call.AsTask());
        Assert.Equal(4, counter.Calls);
    }

    [Fact]
    public async Task RunValueTask_rejects_through_an_open_breaker()
    {
        ResilientMethod method = Method(null, Breaker(failureThreshold: 1));
        Resilience.Breakers.GetOrAdd(method.BreakerName!, new CircuitBreakerOptions()).Isolate();
        ValueTask call = ResilientInvoker.RunValueTask(method, null, 0, static _ => default, null, null, default);
        await Assert.ThrowsAsync<CircuitBreakerOpenException>(() => call.AsTask());
    }

    [Fact]
    public async Task Entry_points_work_with_only_a_breaker_and_with_neither()
    {
        Assert.Equal(1, await Call(Method(null, Breaker()), Flaky.Succeeding()));
        Assert.Equal(1, await Call(Method(null, null), Flaky.Succeeding()));
        var error = new InvalidOperationException();
        Assert.Same(error, await Assert.ThrowsAsync<InvalidOperationException>(() => Call(Method(null, null), Flaky.Always(() => error))));
    }

    public static TheoryData<string> Kinds => new() { "Task<T>", "Task", "ValueTask<T>", "ValueTask" };

    /// <summary>
    /// Every kind's awaiting path (a body that has not finished when it returns): the first attempt fails after a
    /// yield and is retried, the second succeeds after a yield; the breaker counts one of each.
    /// </summary>
    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task Bodies_still_running_are_awaited_retried_and_counted_once_for_every_return_kind(string kind)
    {
        ResilientMethod method = Method(Retry(3), Breaker());
        var counter = new Counter { FailFirst = 1 };
        static async Task<int> Later(Counter c)
        {
            await Task.Yield();
            return c.ShouldFail() ? throw new InvalidOperationException("after a yield") : c.Calls;
        }

        Task call = kind switch
        {
            "Task<T>" => ResilientInvoker.RunTaskOf(method, null, counter, static c => Later(c), null, null, default),
            "Task" => ResilientInvoker.RunTask(method, null, counter, static c => (Task)Later(c), null, null, default),
            "ValueTask<T>" => ResilientInvoker.RunValueTaskOf(method, null, counter, static c => new ValueTask<int>(Later(c)), null, null, default).AsTask(),
            _ => ResilientInvoker.RunValueTask(method, null, counter, static c => new ValueTask(Later(c)), null, null, default).AsTask(),
        };

        await Drive(call);
        Assert.Equal(2, counter.Calls);
        Assert.Equal(1, method.Breaker!.Metrics.FailureCount);
        Assert.Equal(1, method.Breaker.Metrics.SuccessCount);
        if (call is Task<int> withResult)
        {
            Assert.Equal(2, await withResult);
        }
    }
}
