using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using ResilienceGen.Internal;
using ResilienceGen.Tests.Infrastructure;

namespace ResilienceGen.Tests;

/// <summary>
/// Retry budgets (API.md §6.3) on the fake clock: retries may add at most Percent % to the calls of the last 10 s,
/// plus MinPerSecond retries per second of that window; a refused retry is not made.
/// </summary>
public class BudgetTests : RuntimeTestBase
{
    public BudgetTests() => Resilience.Budgets.ClearForTesting();

    public override void Dispose()
    {
        Resilience.Budgets.ClearForTesting();
        base.Dispose();
    }

    /// <summary>A method with one immediate retry (no delay, so no timer) and a budget.</summary>
    private static ResilientMethod Budgeted(double percent, int minPerSecond, string? budget = null, int maxRetries = 1, string? methodName = null)
        => new(
            methodName ?? UniqueName("Tests.Budget.Method"), Retry(maxRetries, baseDelayMs: 0), null,
            budget: new RetryBudgetOptions { Name = budget, Percent = percent, MinPerSecond = minPerSecond });

    /// <summary>Makes one call whose first attempt fails; returns the attempts its body saw (2 = retried).</summary>
    private static int CallFailingOnce(ResilientMethod method)
    {
        Flaky body = Flaky.FailingTimes(1);
        Task<int> call = Call(method, body);
        Assert.True(call.IsCompleted); // no delay: the call ends synchronously either way
        return body.Calls;
    }

    private static int Successes(ResilientMethod method, int calls)
    {
        Flaky body = Flaky.Succeeding();
        for (int i = 0; i < calls; i++)
        {
            Assert.True(Call(method, body).IsCompletedSuccessfully);
        }

        return body.Calls;
    }

    private static RetryBudget BudgetOf(ResilientMethod method)
        => method.Policy.Budget ?? throw new InvalidOperationException("the method has no budget");

    [Fact]
    public void A_thousand_calls_that_all_fail_once_retry_at_most_the_percentage_plus_the_floor()
    {
        ResilientMethod method = Budgeted(percent: 20, minPerSecond: 10);

        int retries = 0;
        int refused = 0;
        for (int i = 0; i < 1000; i++)
        {
            if (CallFailingOnce(method) == 2)
            {
                retries++;
            }
            else
            {
                refused++;
            }
        }

        int floor = 10 * BudgetWindow.Seconds;
        Assert.InRange(retries, 1, (1000 * 20 / 100) + floor); // at most 20 % of 1,000 + the floor ...
        Assert.True(retries >= (1000 * 20 / 100) + floor - 1, $"only {retries} retries: the budget was not used"); // ... and used
        Assert.Equal(1000 - retries, refused);
        RetryBudget budget = BudgetOf(method);
        Assert.Equal(retries, budget.Spent);
        Assert.Equal(1000, budget.Calls);
        Assert.Equal(0, budget.Available);
    }

    [Fact]
    public void Without_a_budget_the_same_calls_are_all_retried()
    {
        ResilientMethod method = Method(Retry(1, baseDelayMs: 0), null);

        int retried = Enumerable.Range(0, 1000).Count(_ => CallFailingOnce(method) == 2);

        Assert.Equal(1000, retried);
        Assert.Null(method.Policy.Budget);
    }

    [Fact]
    public void A_quiet_method_still_retries_thanks_to_the_floor()
    {
        // 3 calls: 20 % of 3 allows no retry; the floor (2 per second = 20 in the window) allows all three.
        ResilientMethod quiet = Budgeted(percent: 20, minPerSecond: 2);
        ResilientMethod noFloor = Budgeted(percent: 20, minPerSecond: 0);

        Assert.All(Enumerable.Range(0, 3), _ => Assert.Equal(2, CallFailingOnce(quiet)));
        Assert.All(Enumerable.Range(0, 3), _ => Assert.Equal(1, CallFailingOnce(noFloor)));
        Assert.Equal(17, BudgetOf(quiet).Available);
    }

    [Fact]
    public void The_floor_is_spent_too()
    {
        ResilientMethod method = Budgeted(percent: 1, minPerSecond: 1); // 10 retries per window, 1 % of a few calls adds none

        int retried = Enumerable.Range(0, 30).Count(_ => CallFailingOnce(method) == 2);

        Assert.Equal(10, retried);
    }

    [Theory]
    [InlineData(9, true)] // the calls of 9 s ago still count
    [InlineData(10, false)] // after 10 s they do not
    public void Old_calls_stop_counting_after_ten_seconds(int secondsLater, bool stillRetried)
    {
        ResilientMethod method = Budgeted(percent: 20, minPerSecond: 0);
        Successes(method, 100); // 20 % of 100 = 20 retries of room

        Time.Advance(TimeSpan.FromSeconds(secondsLater));

        Assert.Equal(stillRetried ? 2 : 1, CallFailingOnce(method));
    }

    [Fact]
    public void Spent_retries_stop_counting_after_ten_seconds()
    {
        ResilientMethod method = Budgeted(percent: 20, minPerSecond: 0);
        Successes(method, 100);
        int first = Enumerable.Range(0, 30).Count(_ => CallFailingOnce(method) == 2);
        Assert.Equal(26, first); // 20 % of the 130 calls
        Assert.Equal(26, BudgetOf(method).Spent);

        Time.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(26, BudgetOf(method).Spent);
        Assert.Equal(1, CallFailingOnce(method)); // still spent

        Time.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(0, BudgetOf(method).Spent);
        Assert.Equal(1, BudgetOf(method).Calls); // the call made at 5 s
        Successes(method, 50);
        int second = Enumerable.Range(0, 30).Count(_ => CallFailingOnce(method) == 2);
        Assert.Equal(16, second); // 20 % of the 81 calls of the new window
    }

    [Fact]
    public void The_window_slides_second_by_second()
    {
        // A second's calls count from the budget's first look at that second (every 64th call of a thread, and
        // every retry decision, looks): the budget is read here, as a failing call would, before the calls.
        ResilientMethod method = Budgeted(percent: 50, minPerSecond: 0);
        Successes(method, 20); // at 0 s
        Time.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(10, BudgetOf(method).Available);
        Successes(method, 40); // at 5 s
        Assert.Equal(30, BudgetOf(method).Available);

        Time.Advance(TimeSpan.FromSeconds(5)); // 10 s: the first 20 calls left the window
        Assert.Equal(40, BudgetOf(method).Calls);
        Assert.Equal(20, BudgetOf(method).Available);

        Time.Advance(TimeSpan.FromSeconds(5)); // 15 s: all left
        Assert.Equal(0, BudgetOf(method).Available);
    }

    [Fact]
    public void Methods_naming_one_budget_share_it()
    {
        string shared = UniqueName("shared-budget");
        ResilientMethod busy = Budgeted(percent: 20, minPerSecond: 0, budget: shared);
        ResilientMethod failing = Budgeted(percent: 20, minPerSecond: 0, budget: shared);
        ResilientMethod alone = Budgeted(percent: 20, minPerSecond: 0);

        Assert.True(Resilience.Budgets.TryGet(shared, out RetryBudget budget));
        Assert.Same(budget, BudgetOf(busy));
        Assert.Same(budget, BudgetOf(failing));

        Successes(busy, 100);
        // The failing method's 10 calls retry on the room the busy one's calls made: 20 % of 110 = 22.
        Assert.All(Enumerable.Range(0, 10), _ => Assert.Equal(2, CallFailingOnce(failing)));
        // The same calls on a budget of their own: 20 % of 10 = 2.
        Assert.Equal(2, Enumerable.Range(0, 10).Count(_ => CallFailingOnce(alone) == 2));
        Assert.Equal(10, budget.Spent);
        Assert.Equal(110, budget.Calls);
    }

    [Fact]
    public void The_default_budget_name_is_the_method_name_and_the_first_registration_wins()
    {
        string name = UniqueName("Tests.Budget.Named");
        ResilientMethod method = Budgeted(percent: 20, minPerSecond: 3, methodName: name);
        string shared = UniqueName("first-wins");
        Budgeted(percent: 30, minPerSecond: 4, budget: shared);
        ResilientMethod second = Budgeted(percent: 90, minPerSecond: 9, budget: shared);

        Assert.True(Resilience.Budgets.TryGet(name, out RetryBudget budget));
        Assert.Equal(name, budget.Name);
        Assert.Same(budget, BudgetOf(method));
        Assert.Equal(30, BudgetOf(second).Percent);
        Assert.Equal(4, BudgetOf(second).MinPerSecond);
        Assert.False(Resilience.Budgets.TryGet("no such budget", out _));
    }

    [Theory]
    [InlineData(EntryPoint.RunTaskOf)]
    [InlineData(EntryPoint.RunTask)]
    [InlineData(EntryPoint.RunValueTaskOf)]
    [InlineData(EntryPoint.RunValueTask)]
    public async Task A_refused_retry_is_answered_by_the_fallback_with_reason_budget(EntryPoint kind)
    {
        FakeLogCollector logs = UseFakeLoggerFactory();
        using var fallbacks = CollectInstrument("resiliencegen.fallbacks");
        using var exhausted = CollectInstrument("resiliencegen.budget.exhausted");
        string budgetName = UniqueName("fallback-budget");
        ResilientMethod method = Budgeted(percent: 20, minPerSecond: 0, budget: budgetName, maxRetries: 3);
        var failure = new InvalidOperationException("overloaded");
        var call = new Hooked(Flaky.Always(() => failure)) { FallbackValue = 99 };

        Assert.Equal(99, await call.Run(kind, method));

        Assert.Equal(1, call.Body.Calls); // no retry was made
        Assert.Empty(call.Retries); // and OnRetry was not told of one
        Assert.Same(failure, Assert.Single(call.FallbackCalls));
        var reason = Assert.Single(fallbacks.GetMeasurementSnapshot());
        Assert.Equal("budget", reason.Tags["reason"]);
        var refusal = Assert.Single(exhausted.GetMeasurementSnapshot());
        Assert.Equal(method.MethodName, refusal.Tags["method"]);
        Assert.Equal(budgetName, refusal.Tags["budget"]);
        FakeLogRecord record = Assert.Single(logs.GetSnapshot(), r => r.Id.Name == "RetryBudgetExhausted");
        Assert.Equal(1120, record.Id.Id);
        Assert.Equal(LogLevel.Warning, record.Level);
        Assert.Same(failure, record.Exception);
    }

    [Fact]
    public async Task Without_a_fallback_the_caller_gets_that_attempts_exception_at_once()
    {
        ResilientMethod method = new(
            UniqueName("Tests.Budget.Method"), Retry(3, baseDelayMs: 100), null,
            budget: new RetryBudgetOptions { Percent = 10, MinPerSecond = 1 }); // 10 % of 5 calls adds none
        var failures = new List<Exception>();
        Flaky body = new(n =>
        {
            var ex = new InvalidOperationException("attempt " + n);
            failures.Add(ex);
            return ex;
        });

        // The floor (10 per window) is spent first: three calls take 3 retries each, the fourth gets 1 more.
        for (int i = 0; i < 3; i++)
        {
            await Assert.ThrowsAsync<InvalidOperationException>(() => Drive(Call(method, body)));
        }

        Assert.Equal(12, body.Calls);
        Task<int> fourth = Call(method, body);
        await Assert.ThrowsAsync<InvalidOperationException>(() => Drive(fourth));
        Assert.Equal(14, body.Calls);

        Task<int> fifth = Call(method, body);
        Assert.True(fifth.IsFaulted); // refused at once: no delay was waited for
        Assert.Same(failures[^1], fifth.Exception!.InnerException);
        Assert.Equal(15, body.Calls);
    }

    [Fact]
    public void A_refusal_adds_a_trace_event_to_the_current_activity()
    {
        using var source = new ActivitySource(UniqueName("Tests.Budget.Source"));
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == source.Name,
            Sample = static (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(listener);
        string budgetName = UniqueName("traced");
        ResilientMethod method = Budgeted(percent: 20, minPerSecond: 0, budget: budgetName);

        using Activity activity = source.StartActivity("call")!;
        CallFailingOnce(method);

        ActivityEvent refused = Assert.Single(activity.Events, e => e.Name == "resiliencegen.budget_exhausted");
        var tags = refused.Tags.ToDictionary(t => t.Key, t => t.Value);
        Assert.Equal(method.MethodName, tags["method"]);
        Assert.Equal(budgetName, tags["budget"]);
        Assert.Equal(1, tags["attempt"]);
        Assert.Equal(typeof(InvalidOperationException).FullName, tags["exception.type"]);
    }

    [Fact]
    public void The_generated_fast_path_counts_its_first_attempt_into_the_budget()
    {
        ResilientMethod method = Budgeted(percent: 10, minPerSecond: 0);
        Task<int> done = Task.FromResult(1);
        for (int i = 0; i < 50; i++)
        {
            FirstAttempt<Task<int>> first = default;
            Assert.True(first.TryAdmit(method));
            first.Started = done;
            Assert.True(FirstAttempt.Succeeded(ref first));
        }

        Assert.Equal(50, BudgetOf(method).Calls);
        Assert.Equal(5, BudgetOf(method).Available);
    }

    [Fact]
    public void Overrides_change_the_settings_from_the_next_retry_and_can_be_removed()
    {
        string name = UniqueName("override-budget");
        ResilientMethod method = Budgeted(percent: 20, minPerSecond: 0, budget: name);
        Assert.Equal(1, CallFailingOnce(method)); // 20 % of 1 call: refused

        Resilience.Budgets.Configure(name, o => o.MinPerSecond = 1);
        Assert.Equal(2, CallFailingOnce(method));
        Assert.Equal(1, BudgetOf(method).MinPerSecond);

        Resilience.Budgets.Configure(name, o => o.Percent = 0); // 0: no cap
        Assert.Equal(long.MaxValue, BudgetOf(method).Available);
        Assert.All(Enumerable.Range(0, 20), _ => Assert.Equal(2, CallFailingOnce(method)));

        Assert.True(Resilience.Budgets.RemoveOverride(name));
        Assert.False(Resilience.Budgets.RemoveOverride(name));
        Assert.Equal(20, BudgetOf(method).Percent);
        Assert.Equal(0, BudgetOf(method).MinPerSecond);
        Assert.Equal(1, CallFailingOnce(method));
    }

    [Fact]
    public void An_override_out_of_range_is_refused_and_changes_nothing()
    {
        string name = UniqueName("bad-override");
        ResilientMethod method = Budgeted(percent: 20, minPerSecond: 3, budget: name);

        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Resilience.Budgets.Configure(name, o => o.Percent = 1000.5));
        Assert.Contains("Percent", ex.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => Resilience.Budgets.Configure(name, o => o.MinPerSecond = -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => Resilience.Budgets.Configure(name, o => o.Percent = double.NaN));

        Assert.Equal(20, BudgetOf(method).Percent);
        Assert.Equal(3, BudgetOf(method).MinPerSecond);
    }

    [Fact]
    public void An_override_waits_for_its_budget()
    {
        string name = UniqueName("later-budget");
        Resilience.Budgets.Configure(name, o => o.Percent = 55);

        ResilientMethod method = Budgeted(percent: 20, minPerSecond: 3, budget: name);

        Assert.Equal(55, BudgetOf(method).Percent);
    }

    [Fact]
    public void The_descriptor_checks_the_declared_budget()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Budgeted(percent: -1, minPerSecond: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Budgeted(percent: 20, minPerSecond: -5));
        Assert.Throws<ArgumentOutOfRangeException>(() => Budgeted(percent: 20, minPerSecond: 1, budget: ""));
    }

    [Fact]
    public void A_killed_method_counts_nothing_into_its_budget()
    {
        ResilientMethod method = Budgeted(percent: 20, minPerSecond: 0);
        Resilience.Methods.SetEnabled(method.MethodName, false);

        Successes(method, 10);

        Resilience.Methods.SetEnabled(method.MethodName, true);
        Assert.Equal(0, BudgetOf(method).Calls);
    }

    [Fact]
    public async Task Eight_threads_never_retry_more_than_the_budget_plus_one_per_thread()
    {
        const int Threads = 8;
        const int CallsPerThread = 2_000;
        ResilientMethod method = Budgeted(percent: 20, minPerSecond: 1);
        using var start = new Barrier(Threads);
        int[] retries = new int[Threads];

        Task[] workers = Enumerable.Range(0, Threads).Select(t => Task.Factory.StartNew(
            () =>
            {
                start.SignalAndWait();
                for (int i = 0; i < CallsPerThread; i++)
                {
                    if (CallFailingOnce(method) == 2)
                    {
                        retries[t]++;
                    }
                }
            },
            TaskCreationOptions.LongRunning)).ToArray();
        await Task.WhenAll(workers);

        int made = retries.Sum();
        RetryBudget budget = BudgetOf(method);
        long allowance = (long)Math.Floor(budget.Calls * 20 / 100.0) + (1 * BudgetWindow.Seconds);
        Assert.True(made <= allowance + Threads, $"{made} retries made, budget {allowance} (+{Threads})");
        Assert.True(made >= BudgetWindow.Seconds, $"{made} retries made: not even the floor");
        Assert.InRange(budget.Spent, made - Threads, made);
        Assert.InRange(budget.Calls, 1, Threads * CallsPerThread); // a call can be lost in a shared stripe, never invented
    }

    [Fact]
    public void The_generated_fast_path_with_a_budget_allocates_nothing_on_the_real_clock()
    {
        Resilience.TimeProvider = TimeProvider.System; // the clock is read every 64th call: the real one, too
        ResilientMethod method = Budgeted(percent: 20, minPerSecond: 10);
        Task<int> done = Task.FromResult(1);
        void CallLikeGenerated()
        {
            FirstAttempt<Task<int>> first = default;
            if (first.TryAdmit(method))
            {
                first.Started = done;
                if (FirstAttempt.Succeeded(ref first))
                {
                    return;
                }
            }

            throw new InvalidOperationException("left the fast path");
        }

        Assert.Equal(0, Allocations.Measure(CallLikeGenerated, calls: 100_000));
        Assert.InRange(BudgetOf(method).Calls, 1, 101_000);
    }
}
