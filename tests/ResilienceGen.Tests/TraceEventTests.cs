using System.Diagnostics;
using ResilienceGen.Internal;
using ResilienceGen.Tests.Infrastructure;

namespace ResilienceGen.Tests;

/// <summary>
/// Trace events: a retry, a rejection and a fallback add an <see cref="ActivityEvent"/> to the caller's recorded
/// activity; the happy path adds none and still allocates nothing with a listener attached.
/// </summary>
public class TraceEventTests : RuntimeTestBase
{
    private static readonly Task<int> s_completed = Task.FromResult(42);

    private readonly ActivitySource _source = new("ResilienceGen.Tests.Trace");
    private readonly ActivityListener _listener;
    private ActivitySamplingResult _sampling = ActivitySamplingResult.AllDataAndRecorded;

    public TraceEventTests()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => ReferenceEquals(source, _source),
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => _sampling,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    [Fact]
    public async Task Each_retry_adds_an_event_with_method_attempt_delay_and_exception_type()
    {
        ResilientMethod method = Method(Retry(2, 100, BackoffKind.Linear), null, "Shop.InventoryClient.GetStockAsync");
        using Activity activity = Start();

        await Drive(Call(method, Flaky.FailingTimes(2)));

        ActivityEvent[] retries = activity.Events.ToArray();
        Assert.Equal(["resiliencegen.retry", "resiliencegen.retry"], retries.Select(e => e.Name));
        for (int i = 0; i < 2; i++)
        {
            Dictionary<string, object?> tags = Tags(retries[i]);
            Assert.Equal("Shop.InventoryClient.GetStockAsync", tags["method"]);
            Assert.Equal(i + 1, tags["attempt"]);
            Assert.Equal(100.0 * (i + 1), tags["delay_ms"]);
            Assert.Equal(typeof(InvalidOperationException).FullName, tags["exception.type"]);
        }
    }

    [Fact]
    public async Task A_rejection_adds_an_event_with_method_breaker_and_retry_after()
    {
        ResilientMethod method = Method(null, Breaker("inventory", failureThreshold: 1, breakDurationMs: 2_000), "Shop.InventoryClient.GetStockAsync");
        await Assert.ThrowsAsync<InvalidOperationException>(() => Call(method, Flaky.Always(() => new InvalidOperationException())));
        using Activity activity = Start();

        await Assert.ThrowsAsync<CircuitBreakerOpenException>(() => Call(method, Flaky.Succeeding()));

        ActivityEvent rejected = Assert.Single(activity.Events);
        Assert.Equal("resiliencegen.rejected", rejected.Name);
        Dictionary<string, object?> tags = Tags(rejected);
        Assert.Equal("Shop.InventoryClient.GetStockAsync", tags["method"]);
        Assert.Equal("inventory", tags["breaker"]);
        Assert.Equal(2000.0, tags["retry_after_ms"]);
    }

    [Fact]
    public async Task A_fallback_adds_an_event_with_method_and_reason()
    {
        var call = new Hooked(Flaky.Always(() => new TimeoutException())) { FallbackValue = 42 };
        ResilientMethod method = Method(Retry(1), null, "Shop.InventoryClient.GetStockAsync");
        using Activity activity = Start();

        Assert.Equal(42, await Drive(call.Run(EntryPoint.RunTaskOf, method)));

        ActivityEvent fallback = Assert.Single(activity.Events, e => e.Name == "resiliencegen.fallback");
        Dictionary<string, object?> tags = Tags(fallback);
        Assert.Equal("Shop.InventoryClient.GetStockAsync", tags["method"]);
        Assert.Equal("exhausted", tags["reason"]);
        Assert.Equal(typeof(TimeoutException).FullName, tags["exception.type"]);
    }

    [Fact]
    public async Task The_happy_path_adds_no_event_and_creates_no_activity()
    {
        var started = new List<Activity>();
        using var everySource = new ActivityListener
        {
            ShouldListenTo = _ => true,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStarted = started.Add,
        };
        ActivitySource.AddActivityListener(everySource);
        ResilientMethod method = Method(Retry(), Breaker());
        using Activity activity = Start();
        started.Clear();

        await Call(method, Flaky.Succeeding());

        Assert.Empty(activity.Events);
        Assert.Empty(started);
    }

    [Fact]
    public async Task An_activity_that_is_not_recorded_gets_no_event()
    {
        _sampling = ActivitySamplingResult.PropagationData;
        ResilientMethod method = Method(Retry(1), null);
        using Activity activity = Start();
        Assert.False(activity.IsAllDataRequested);

        await Drive(Call(method, Flaky.FailingTimes(1)));

        Assert.Empty(activity.Events);
    }

    [Fact]
    public void The_happy_path_allocates_nothing_with_a_recorded_activity_current()
    {
        ResilientMethod method = Method(Retry(), Breaker());
        using Activity activity = Start();
        static Task<int> Run(ResilientMethod m) => ResilientInvoker.RunTaskOf(m, null, s_completed, static t => t, null, null, default);

        long allocated = Allocations.Measure(() => Run(method));

        Assert.Equal(0, allocated);
        Assert.Same(activity, Activity.Current);
        Assert.Empty(activity.Events);
    }

    public override void Dispose()
    {
        _listener.Dispose();
        _source.Dispose();
        base.Dispose();
    }

    [Fact]
    public async Task A_timeout_adds_an_event_with_method_scope_and_limit()
    {
        var method = new ResilientMethod("Shop.InventoryClient.GetStockAsync", Retry(1), null, timeout: new TimeoutOptions { AttemptMs = 1_000, TotalMs = 1_500 });
        var body = TimedBody.Steps(TimedStep.Hang);
        using Activity activity = Start();

        await Assert.ThrowsAsync<ResilienceTimeoutException>(() => Drive(
            ResilientInvoker.RunTaskOf(method, null, body, static (b, token) => b.RunAsync(token), null, null, default)));

        ActivityEvent[] timeouts = activity.Events.Where(e => e.Name == "resiliencegen.timeout").ToArray();
        Assert.Equal(2, timeouts.Length);
        Assert.Equal(["attempt", "total"], timeouts.Select(e => Tags(e)["scope"]));
        Assert.Equal([1000.0, 1500.0], timeouts.Select(e => Tags(e)["timeout_ms"]));
        Assert.All(timeouts, e => Assert.Equal("Shop.InventoryClient.GetStockAsync", Tags(e)["method"]));
    }

    private Activity Start()
    {
        Activity? activity = _source.StartActivity("checkout");
        Assert.NotNull(activity);
        return activity;
    }

    private static Dictionary<string, object?> Tags(ActivityEvent e) => e.Tags.ToDictionary(t => t.Key, t => t.Value);
}
