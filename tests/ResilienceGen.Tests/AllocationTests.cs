using ResilienceGen.Internal;
using ResilienceGen.Tests.Infrastructure;

namespace ResilienceGen.Tests;

/// <summary>
/// The happy path (the body returns an already completed task) allocates nothing: measured with
/// <see cref="GC.GetAllocatedBytesForCurrentThread"/> around many synchronous calls, after a warm-up.
/// </summary>
public class AllocationTests : RuntimeTestBase
{
    private const int Calls = 10_000;
    private static readonly Task<int> s_completed = Task.FromResult(42);

    public static TheoryData<string> Policies => new() { "retry", "breaker", "both", "ratio breaker", "retry budget" };

    private static ResilientMethod PolicyFor(string policy) => policy switch
    {
        "retry" => Method(Retry(), null),
        "breaker" => Method(null, Breaker()),
        "both" => Method(Retry(), Breaker()),
        "ratio breaker" => Method(Retry(), new CircuitBreakerOptions { Name = UniqueName("ratio"), FailureRatio = 0.5 }),
        "retry budget" => new ResilientMethod(UniqueName("Tests.Target.Method"), Retry(), Breaker(), budget: new RetryBudgetOptions { Percent = 20 }),
        _ => throw new ArgumentOutOfRangeException(nameof(policy)),
    };

    [Theory]
    [MemberData(nameof(Policies))]
    public void RunTaskOf_with_a_completed_body_allocates_nothing(string policy)
    {
        ResilientMethod method = PolicyFor(policy);
        static Task<int> Run(ResilientMethod m) => ResilientInvoker.RunTaskOf(m, null, s_completed, static t => t, null, null, default);

        long allocated = Allocations.Measure(() => Run(method), Calls);

        Assert.Equal(0, allocated);
        Assert.Equal(CircuitState.Closed, method.Breaker?.State ?? CircuitState.Closed);
    }

    [Theory]
    [MemberData(nameof(Policies))]
    public void The_other_entry_points_with_completed_bodies_allocate_nothing(string policy)
    {
        ResilientMethod method = PolicyFor(policy);
        void RunAll()
        {
            ResilientInvoker.RunTask(method, null, (Task)s_completed, static t => t, null, null, default);
            ResilientInvoker.RunValueTaskOf(method, null, 7, static n => new ValueTask<int>(n), null, null, default);
            ResilientInvoker.RunValueTask(method, null, 0, static _ => default, null, null, default);
        }

        long allocated = Allocations.Measure(() => RunAll(), Calls);

        Assert.Equal(0, allocated);
    }

    [Theory]
    [MemberData(nameof(Policies))]
    public void The_happy_path_stays_allocation_free_with_overrides_registered(string policy)
    {
        ResilientMethod method = PolicyFor(policy);
        Resilience.Methods.ConfigureRetry(method.MethodName, o => o.MaxRetries = 5);
        Resilience.Methods.ConfigureRetry("Some.Other.Method", o => o.MaxRetries = 1);
        Resilience.Breakers.Configure(method.BreakerName ?? "unused", o => o.FailureThreshold = 7);
        Resilience.Breakers.SetEnabled("some-other-breaker", false);
        static Task<int> Run(ResilientMethod m) => ResilientInvoker.RunTaskOf(m, null, s_completed, static t => t, null, null, default);

        long allocated = Allocations.Measure(() => Run(method), Calls);

        Assert.Equal(0, allocated);
        Assert.Equal(5, method.Policy.Retry?.MaxRetries ?? 5); // the override is in force, not ignored
        if (method.Breaker is { } breaker)
        {
            Assert.Equal(7, breaker.Settings.FailureThreshold);
        }
    }

    [Theory]
    [MemberData(nameof(Policies))]
    public void The_happy_path_stays_allocation_free_with_hooks_passed(string policy)
    {
        // OnRetry, RetryAfter and Fallback all given (static lambdas, as generated): the happy path never reads them.
        ResilientMethod method = PolicyFor(policy);
        void RunAll()
        {
            ResilientInvoker.RunTaskOf(
                method, null, s_completed, static t => t, null, null, default,
                onRetry: static (_, _, _, _) => { }, retryAfter: static (_, _) => TimeSpan.Zero, fallback: static (t, _) => t);
            ResilientInvoker.RunTask(
                method, null, (Task)s_completed, static t => t, null, null, default,
                onRetry: static (_, _, _, _) => { }, retryAfter: static (_, _) => null, fallback: static (t, _) => t);
            ResilientInvoker.RunValueTaskOf(
                method, null, 7, static n => new ValueTask<int>(n), null, null, default,
                onRetry: static (_, _, _, _) => { }, retryAfter: static (_, _) => null, fallback: static (n, _) => new ValueTask<int>(n));
            ResilientInvoker.RunValueTask(
                method, null, 0, static _ => default, null, null, default,
                onRetry: static (_, _, _, _) => { }, retryAfter: static (_, _) => null, fallback: static (_, _) => default);
        }

        long allocated = Allocations.Measure(() => RunAll(), Calls);

        Assert.Equal(0, allocated);
    }

    [Fact]
    public void The_measurement_does_see_allocations()
    {
        // Guards the tests above (and every user of Allocations.Measure) against measuring nothing: a body that allocates shows up.
        ResilientMethod method = Method(Retry(), Breaker());
        long allocated = Allocations.Measure(
            () => ResilientInvoker.RunTaskOf(method, null, 1, static n => Task.FromResult(n + 1_000), null, null, default), calls: 100, warmUp: 0);

        Assert.True(allocated > 0);
    }
}
