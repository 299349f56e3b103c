using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using ResilienceGen.Internal;
using ResilienceGen.Tests.Infrastructure;

namespace ResilienceGen.Tests;

/// <summary>
/// The generated fast path (<see cref="FirstAttempt{TTask}"/>): when it may run, when it must not, and that a first
/// attempt it started is carried on by the entry point exactly once. <see cref="CallLikeGenerated"/> is the shape
/// the generator writes (see the snapshots in the generator tests), written out by hand.
/// </summary>
public class FirstAttemptTests : RuntimeTestBase
{
    private const int Calls = 10_000;

    /// <summary>What a generated wrapper of <c>Task&lt;int&gt; M()</c> does, with <paramref name="body"/> as the Core method.</summary>
    private static Task<int> CallLikeGenerated(ResilientMethod method, Flaky body, Func<Flaky, Task<int>> core, out bool tookFastPath)
    {
        FirstAttempt<Task<int>> first = default;
        tookFastPath = first.TryAdmit(method);
        if (tookFastPath)
        {
            try
            {
                first.Started = core(body);
            }
            catch (Exception e)
            {
                first.Failure = e;
            }

            if (FirstAttempt.Succeeded(ref first))
            {
                return first.Started;
            }
        }

        return ResilientInvoker.RunTaskOf(method, null, body, core, null, null, default, first: first);
    }

    [Fact]
    public void A_completed_body_takes_the_fast_path_returns_its_own_task_and_counts_one_success()
    {
        ResilientMethod method = Method(Retry(), Breaker());
        Task<int> own = Task.FromResult(5);

        Task<int> result = CallLikeGenerated(method, Flaky.Succeeding(), _ => own, out bool fast);

        Assert.True(fast);
        Assert.Same(own, result);
        Assert.Equal(1, method.Breaker!.Metrics.SuccessCount);
        Assert.Equal(0, method.Breaker.Metrics.FailureCount);
    }

    [Fact]
    public async Task A_body_that_throws_synchronously_on_the_fast_path_is_retried_not_called_twice_per_attempt()
    {
        ResilientMethod method = Method(Retry(maxRetries: 3), Breaker(failureThreshold: 10));
        Flaky body = Flaky.FailingTimes(2);

        Task<int> call = CallLikeGenerated(method, body, static b => b.ThrowingAsync(), out bool fast);

        Assert.True(fast);
        Assert.Equal(3, await Drive(call)); // attempts 1 and 2 threw, the third returned its number
        Assert.Equal(3, body.Calls);
        Assert.Equal(2, method.Breaker!.Metrics.FailureCount);
        Assert.Equal(1, method.Breaker.Metrics.SuccessCount);
    }

    [Fact]
    public async Task A_faulted_task_from_the_fast_path_is_judged_by_the_entry_point()
    {
        ResilientMethod method = Method(Retry(maxRetries: 1), Breaker(failureThreshold: 10));
        Flaky body = Flaky.FailingTimes(1);

        Task<int> call = CallLikeGenerated(method, body, static b => b.CompletedAsync(), out _);

        Assert.Equal(2, await Drive(call));
        Assert.Equal(2, body.Calls);
        Assert.Equal(1, method.Breaker!.Metrics.FailureCount);
        Assert.Equal(1, method.Breaker.Metrics.SuccessCount);
    }

    [Fact]
    public async Task A_body_still_running_is_awaited_once_and_its_success_counted_once()
    {
        ResilientMethod method = Method(Retry(), Breaker());
        Flaky body = Flaky.Succeeding();

        Task<int> call = CallLikeGenerated(method, body, static b => b.YieldingAsync(), out bool fast);

        Assert.True(fast);
        Assert.Equal(1, await Drive(call));
        Assert.Equal(1, body.Calls);
        Assert.Equal(1, method.Breaker!.Metrics.SuccessCount);
    }

    [Fact]
    public async Task An_open_breaker_is_not_admitted_on_the_fast_path_and_the_entry_point_rejects()
    {
        ResilientMethod method = Method(null, Breaker());
        Assert.Equal(1, await Call(method, Flaky.Succeeding())); // joins the registry
        method.Breaker!.Isolate();
        Flaky body = Flaky.Succeeding();

        Task<int> call = CallLikeGenerated(method, body, static b => b.CompletedAsync(), out bool fast);

        Assert.False(fast);
        await Assert.ThrowsAsync<CircuitBreakerOpenException>(() => call);
        Assert.Equal(0, body.Calls);
        Assert.Equal(1, method.Breaker.Metrics.RejectedCount);
    }

    [Fact]
    public void A_switched_off_method_is_not_admitted_and_the_entry_point_passes_the_body_through()
    {
        ResilientMethod method = Method(Retry(), Breaker());
        Resilience.Methods.SetEnabled(method.MethodName, false);
        Task<int> own = Task.FromResult(9);

        Task<int> result = CallLikeGenerated(method, Flaky.Succeeding(), _ => own, out bool fast);

        Assert.False(fast);
        Assert.Same(own, result);
    }

    [Fact]
    public async Task With_a_listener_on_the_attempts_counter_the_fast_path_counts_every_attempt()
    {
        ResilientMethod method = Method(Retry(maxRetries: 2), null);
        using MetricCollector<long> attempts = CollectInstrument("resiliencegen.attempts");

        Assert.Equal(1, await CallLikeGenerated(method, Flaky.Succeeding(), static b => b.CompletedAsync(), out bool fast));
        Assert.Equal(2, await Drive(CallLikeGenerated(method, Flaky.FailingTimes(1), static b => b.CompletedAsync(), out _)));

        Assert.True(fast);
        // One attempt for the first call; two (the failure and its retry) for the second.
        Assert.Equal(3, attempts.GetMeasurementSnapshot().Count(m => Equals(m.Tags["method"], method.MethodName)));
    }

    [Fact]
    public async Task A_default_first_attempt_is_not_admitted_so_the_entry_point_starts_the_call_itself()
    {
        ResilientMethod method = Method(Retry(), Breaker());
        Flaky body = Flaky.Succeeding();

        Task<int> result = ResilientInvoker.RunTaskOf(method, null, body, static b => b.CompletedAsync(), null, null, default, first: default);

        Assert.Equal(1, await result);
        Assert.Equal(1, body.Calls);
    }

    [Theory]
    [InlineData("retry")]
    [InlineData("breaker")]
    [InlineData("both")]
    [InlineData("ratio breaker")]
    public async Task The_fast_path_allocates_nothing_for_any_return_kind(string policy)
    {
        ResilientMethod method = policy switch
        {
            "retry" => Method(Retry(), null),
            "breaker" => Method(null, Breaker()),
            "both" => Method(Retry(), Breaker()),
            _ => Method(Retry(), new CircuitBreakerOptions { Name = UniqueName("ratio"), FailureRatio = 0.5 }),
        };
        Task<int> completedOf = Task.FromResult(1);
        Task completed = Task.CompletedTask;

        bool RunAll()
        {
            bool allFast = true;
            FirstAttempt<Task<int>> a = default;
            allFast &= a.TryAdmit(method);
            a.Started = completedOf;
            allFast &= FirstAttempt.Succeeded(ref a);

            FirstAttempt<Task> b = default;
            allFast &= b.TryAdmit(method);
            b.Started = completed;
            allFast &= FirstAttempt.Succeeded(ref b);

            FirstAttempt<ValueTask<int>> c = default;
            allFast &= c.TryAdmit(method);
            c.Started = new ValueTask<int>(3);
            allFast &= FirstAttempt.Succeeded(ref c);

            FirstAttempt<ValueTask> d = default;
            allFast &= d.TryAdmit(method);
            d.Started = default;
            allFast &= FirstAttempt.Succeeded(ref d);
            return allFast;
        }

        // The breaker joins the registry on its first full call; after that every call is admitted fast.
        Assert.Equal(1, await Call(method, Flaky.Succeeding()));
        for (int i = 0; i < 1_000; i++)
        {
            Assert.True(RunAll());
        }

        Assert.Equal(0, Allocations.Measure(() => RunAll(), Calls, warmUp: 0));
        if (method.Breaker is { } breaker)
        {
            Assert.Equal(1 + (1_000 + Calls) * 4, breaker.Metrics.SuccessCount);
        }
    }

    [Fact]
    public void A_value_task_body_that_threw_is_not_read_as_a_success()
    {
        ResilientMethod method = Method(Retry(), null);
        FirstAttempt<ValueTask<int>> first = default;
        Assert.True(first.TryAdmit(method));
        first.Failure = new InvalidOperationException("thrown before a ValueTask was returned");

        Assert.False(FirstAttempt.Succeeded(ref first)); // a default ValueTask reads as completed
    }
}
