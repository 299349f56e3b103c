using ResilienceGen.Internal;
using ResilienceGen.Tests.Infrastructure;

namespace ResilienceGen.Tests.Timeouts;

/// <summary>
/// The happy path of a [WithTimeout] method allocates nothing with <see cref="TimeProvider.System"/>: the attempt's
/// token source is pooled and re-armed. Measured as <see cref="AllocationTests"/> does, on the entry points and on the
/// generated fast path (<see cref="FirstAttempt{TTask}"/>), for [WithTimeout] alone and with both other attributes.
/// </summary>
public class TimeoutAllocationTests : RuntimeTestBase
{
    private const int Calls = 10_000;
    private static readonly Task<int> s_completed = Task.FromResult(42);

    public TimeoutAllocationTests() => Resilience.TimeProvider = TimeProvider.System; // the pooled sources are for the system clock

    public static TheoryData<string> Policies => new() { "timeout alone", "attempt only", "total only", "all three", "all three, slow calls" };

    private static ResilientMethod PolicyFor(string policy) => policy switch
    {
        "timeout alone" => new(UniqueName("Tests.Alloc.Timed"), null, null, timeout: new TimeoutOptions { AttemptMs = 10_000, TotalMs = 30_000 }),
        "attempt only" => new(UniqueName("Tests.Alloc.Timed"), null, null, timeout: new TimeoutOptions { AttemptMs = 10_000 }),
        "total only" => new(UniqueName("Tests.Alloc.Timed"), null, null, timeout: new TimeoutOptions { TotalMs = 30_000 }),
        "all three" => new(UniqueName("Tests.Alloc.Timed"), Retry(), Breaker(), timeout: new TimeoutOptions { AttemptMs = 10_000, TotalMs = 30_000 }),
        "all three, slow calls" => new(UniqueName("Tests.Alloc.Timed"), Retry(), new CircuitBreakerOptions { Name = UniqueName("slow"), SlowCallDurationMs = 5_000 },
            timeout: new TimeoutOptions { AttemptMs = 10_000, TotalMs = 30_000 }),
        _ => throw new ArgumentOutOfRangeException(nameof(policy)),
    };

    private static readonly Func<CancellationToken, Task<int>> s_body = Body;

    private static Task<int> CallLikeGenerated(ResilientMethod method, CancellationToken cancellationToken)
        => TimedFastPath.Call(method, cancellationToken, s_body);

    private static Task<int> Body(CancellationToken token) => token.CanBeCanceled ? s_completed : Task.FromException<int>(new InvalidOperationException("no timeout token"));

    [Theory]
    [MemberData(nameof(Policies))]
    public void The_generated_fast_path_with_a_completed_body_allocates_nothing(string policy)
    {
        ResilientMethod method = PolicyFor(policy);

        long allocated = Allocations.Measure(() => CallLikeGenerated(method, CancellationToken.None), Calls);

        Assert.Equal(0, allocated);
        Assert.Same(s_completed, CallLikeGenerated(method, CancellationToken.None));
    }

    [Theory]
    [MemberData(nameof(Policies))]
    public void The_entry_points_with_completed_bodies_allocate_nothing(string policy)
    {
        ResilientMethod method = PolicyFor(policy);
        void RunAll()
        {
            ResilientInvoker.RunTaskOf(method, null, 0, static (_, t) => Body(t), null, null, default);
            ResilientInvoker.RunTask(method, null, 0, static (_, t) => (Task)Body(t), null, null, default);
            ResilientInvoker.RunValueTaskOf(method, null, 0, static (_, t) => new ValueTask<int>(Body(t)), null, null, default);
            ResilientInvoker.RunValueTask(method, null, 0, static (_, t) => new ValueTask(Body(t)), null, null, default);
        }

        long allocated = Allocations.Measure(RunAll, Calls);

        Assert.Equal(0, allocated);
    }

    [Theory]
    [MemberData(nameof(Policies))]
    public void A_cancellable_caller_token_is_linked_without_allocating(string policy)
    {
        ResilientMethod method = PolicyFor(policy);
        using var caller = new CancellationTokenSource();

        long allocated = Allocations.Measure(() => CallLikeGenerated(method, caller.Token), Calls);

        // The caller's source recycles its registration nodes (.NET 6+), and no linked source is created.
        Assert.Equal(0, allocated);
    }
}
