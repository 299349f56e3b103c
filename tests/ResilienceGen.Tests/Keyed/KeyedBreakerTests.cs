using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using ResilienceGen.Internal;
using ResilienceGen.Tests.Infrastructure;
using static ResilienceGen.Tests.Keyed.KeyedCalls;

namespace ResilienceGen.Tests.Keyed;

/// <summary>A breaker per key (KeyBy): one breaker per key value, named "&lt;Name&gt;/&lt;key&gt;".</summary>
public class KeyedBreakerTests : RuntimeTestBase
{
    [Fact]
    public async Task One_key_opens_while_the_other_keeps_working()
    {
        string name = UniqueName("inventory");
        ResilientMethod method = KeyedMethod(Breaker(name, failureThreshold: 3));

        await FailTimes(method, "eu.example.com", 3);

        var rejected = await Assert.ThrowsAsync<CircuitBreakerOpenException>(() => CallKey(method, "eu.example.com", Flaky.Succeeding()));
        Assert.Equal(name + "/eu.example.com", rejected.BreakerName);
        for (int i = 0; i < 20; i++)
        {
            Assert.Equal(1, await CallKey(method, "us.example.com", Flaky.Succeeding()));
        }

        CircuitBreaker eu = Resilience.Breakers[name + "/eu.example.com"];
        CircuitBreaker us = Resilience.Breakers[name + "/us.example.com"];
        Assert.Equal(CircuitState.Open, eu.State);
        Assert.Equal(CircuitState.Closed, us.State);
        Assert.Equal((0, 3, 1), (eu.Metrics.SuccessCount, eu.Metrics.FailureCount, eu.Metrics.RejectedCount));
        Assert.Equal((20, 0, 0), (us.Metrics.SuccessCount, us.Metrics.FailureCount, us.Metrics.RejectedCount));
        Assert.False(Resilience.Breakers.TryGet(name, out _)); // no breaker under the bare name
        Assert.Equal([name + "/eu.example.com", name + "/us.example.com"], Resilience.Breakers.All.Select(b => b.Name));
    }

    [Fact]
    public async Task Each_key_goes_half_open_and_closes_on_its_own()
    {
        string name = UniqueName("inventory");
        ResilientMethod method = KeyedMethod(Breaker(name, failureThreshold: 1, breakDurationMs: 1_000));
        var changes = new List<(string, CircuitState, CircuitState)>();

        await FailTimes(method, 1, 1);
        Time.Advance(TimeSpan.FromMilliseconds(500));
        await FailTimes(method, 2, 1);
        Resilience.Breakers[name + "/1"].StateChanged += (_, e) => changes.Add((e.BreakerName, e.From, e.To));
        Resilience.Breakers[name + "/2"].StateChanged += (_, e) => changes.Add((e.BreakerName, e.From, e.To));

        Time.Advance(TimeSpan.FromMilliseconds(500)); // key 1's break is over, key 2's is not
        Assert.Equal(1, await CallKey(method, 1, Flaky.Succeeding()));
        await Assert.ThrowsAsync<CircuitBreakerOpenException>(() => CallKey(method, 2, Flaky.Succeeding()));
        Assert.Equal(CircuitState.Closed, Resilience.Breakers[name + "/1"].State);
        Assert.Equal(CircuitState.Open, Resilience.Breakers[name + "/2"].State);

        Time.Advance(TimeSpan.FromMilliseconds(500)); // key 2's probe fails: it opens again, key 1 stays closed
        await FailTimes(method, 2, 1);
        Assert.Equal(CircuitState.Open, Resilience.Breakers[name + "/2"].State);
        Assert.Equal(1, await CallKey(method, 1, Flaky.Succeeding()));

        Assert.Equal(
            [
                (name + "/1", CircuitState.Open, CircuitState.HalfOpen), (name + "/1", CircuitState.HalfOpen, CircuitState.Closed),
                (name + "/2", CircuitState.Open, CircuitState.HalfOpen), (name + "/2", CircuitState.HalfOpen, CircuitState.Open),
            ],
            changes);
    }

    [Fact]
    public async Task A_null_key_and_an_empty_key_share_the_breaker_named_with_a_trailing_slash()
    {
        string name = UniqueName("inventory");
        ResilientMethod method = KeyedMethod(Breaker(name, failureThreshold: 2));

        await FailTimes<string?>(method, null, 1);
        await FailTimes<string?>(method, string.Empty, 1);

        var rejected = await Assert.ThrowsAsync<CircuitBreakerOpenException>(() => CallKey<string?>(method, null, Flaky.Succeeding()));
        Assert.Equal(name + "/", rejected.BreakerName);
        Assert.Equal(CircuitState.Open, Resilience.Breakers[name + "/"].State);
    }

    [Fact]
    public async Task A_nullable_value_key_without_a_value_is_the_empty_key()
    {
        string name = UniqueName("inventory");
        ResilientMethod method = KeyedMethod(Breaker(name));

        await CallKey<int?>(method, null, Flaky.Succeeding());
        await CallKey<int?>(method, 7, Flaky.Succeeding());

        Assert.Equal([name + "/", name + "/7"], Resilience.Breakers.All.Select(b => b.Name));
    }

    [Fact]
    public async Task An_override_of_the_base_name_applies_to_every_key_and_one_of_a_key_wins()
    {
        string name = UniqueName("inventory");
        ResilientMethod method = KeyedMethod(Breaker(name, failureThreshold: 10, breakDurationMs: 30_000));
        await CallKey(method, "us", Flaky.Succeeding()); // exists before the overrides

        Resilience.Breakers.Configure(name, o => { o.FailureThreshold = 2; o.BreakDurationMs = 5_000; });
        Resilience.Breakers.Configure(name + "/eu", o => o.FailureThreshold = 4);
        await CallKey(method, "eu", Flaky.Succeeding()); // made after the overrides
        await CallKey(method, "asia", Flaky.Succeeding());

        BreakerSettings us = Resilience.Breakers[name + "/us"].Settings;
        BreakerSettings eu = Resilience.Breakers[name + "/eu"].Settings;
        BreakerSettings asia = Resilience.Breakers[name + "/asia"].Settings;
        Assert.Equal((2, TimeSpan.FromSeconds(5).Ticks), (us.FailureThreshold, us.BreakDurationTicks));
        Assert.Equal((2, TimeSpan.FromSeconds(5).Ticks), (asia.FailureThreshold, asia.BreakDurationTicks));
        Assert.Equal((4, TimeSpan.FromSeconds(5).Ticks), (eu.FailureThreshold, eu.BreakDurationTicks)); // its own wins, the base's rest applies

        await FailTimes(method, "eu", 2);
        await FailTimes(method, "us", 2);
        Assert.Equal(CircuitState.Closed, Resilience.Breakers[name + "/eu"].State);
        Assert.Equal(CircuitState.Open, Resilience.Breakers[name + "/us"].State);

        Assert.True(Resilience.Breakers.RemoveOverride(name));
        Assert.Equal(10, Resilience.Breakers[name + "/us"].Settings.FailureThreshold); // back to the attribute's
        Assert.Equal(4, Resilience.Breakers[name + "/eu"].Settings.FailureThreshold);
    }

    [Fact]
    public async Task The_kill_switch_of_the_base_name_turns_every_key_off()
    {
        string name = UniqueName("inventory");
        ResilientMethod method = KeyedMethod(Breaker(name, failureThreshold: 1));
        await FailTimes(method, "eu", 1);
        await Assert.ThrowsAsync<CircuitBreakerOpenException>(() => CallKey(method, "eu", Flaky.Succeeding()));

        Resilience.Breakers.SetEnabled(name, false);

        Assert.Equal(1, await CallKey(method, "eu", Flaky.Succeeding()));
    }

    [Fact]
    public async Task Past_the_cap_a_clean_closed_breaker_is_dropped_and_comes_back_fresh()
    {
        string name = UniqueName("inventory");
        ResilientMethod method = KeyedMethod(Breaker(name, failureThreshold: 5), maxKeys: 2);
        await FailTimes(method, "a", 1); // Closed, but with a failure in its window: kept
        await CallKey(method, "b", Flaky.Succeeding());
        CircuitBreaker firstB = Resilience.Breakers[name + "/b"];

        await CallKey(method, "c", Flaky.Succeeding()); // b is dropped for c

        Assert.Equal([name + "/a", name + "/c"], Resilience.Breakers.All.Select(b => b.Name));
        Assert.Equal(1, Resilience.Breakers[name + "/a"].Metrics.FailureCount);

        await CallKey(method, "b", Flaky.Succeeding()); // c is dropped for b, which is a new breaker
        CircuitBreaker secondB = Resilience.Breakers[name + "/b"];
        Assert.NotSame(firstB, secondB);
        Assert.Equal(1, secondB.Metrics.SuccessCount);
        Assert.Equal([name + "/a", name + "/b"], Resilience.Breakers.All.Select(b => b.Name));
    }

    [Fact]
    public async Task Past_the_cap_with_nothing_to_drop_new_keys_share_the_overflow_breaker_and_a_warning_is_logged_once()
    {
        FakeLogCollector logs = UseFakeLoggerFactory();
        string name = UniqueName("inventory");
        ResilientMethod method = KeyedMethod(Breaker(name, failureThreshold: 2), maxKeys: 2);
        await FailTimes(method, "a", 1);
        await FailTimes(method, "b", 1);

        await FailTimes(method, "c", 1);
        await FailTimes(method, "d", 1); // c and d share one breaker: two failures open it
        var rejected = await Assert.ThrowsAsync<CircuitBreakerOpenException>(() => CallKey(method, "e", Flaky.Succeeding()));

        Assert.Equal(name + "/*", rejected.BreakerName);
        Assert.Equal([name + "/*", name + "/a", name + "/b"], Resilience.Breakers.All.Select(b => b.Name));
        Assert.Equal(CircuitState.Closed, Resilience.Breakers[name + "/a"].State);
        FakeLogRecord warning = Assert.Single(logs.GetSnapshot(), r => r.Id.Name == "BreakerKeysExhausted");
        Assert.Equal((LogLevel.Warning, 1110), (warning.Level, warning.Id.Id));
        Assert.Equal(name, warning.GetStructuredStateValue("Breaker"));
        Assert.Equal("2", warning.GetStructuredStateValue("MaxKeys"));
        Assert.Equal(name + "/*", warning.GetStructuredStateValue("Overflow"));

        // Once a kept breaker is clean again, a new key gets its own breaker once more.
        Resilience.Breakers[name + "/a"].Reset();
        Assert.Equal(1, await CallKey(method, "f", Flaky.Succeeding()));
        Assert.True(Resilience.Breakers.TryGet(name + "/f", out _));
        Assert.False(Resilience.Breakers.TryGet(name + "/a", out _));
    }

    [Fact]
    public async Task Methods_sharing_a_keyed_name_share_its_breakers_and_its_cap()
    {
        string name = UniqueName("inventory");
        ResilientMethod stock = KeyedMethod(Breaker(name, failureThreshold: 2), maxKeys: 2);
        ResilientMethod price = KeyedMethod(Breaker(name, failureThreshold: 2), maxKeys: 2);
        await FailTimes(stock, "eu", 1);
        await FailTimes(price, "eu", 1); // the second failure of one breaker: it opens for both methods
        await Assert.ThrowsAsync<CircuitBreakerOpenException>(() => CallKey(stock, "eu", Flaky.Succeeding()));
        await FailTimes(price, "us", 1);

        await CallKey(stock, "asia", Flaky.Succeeding()); // two keys with state kept by the name: asia overflows

        Assert.Equal([name + "/*", name + "/eu", name + "/us"], Resilience.Breakers.All.Select(b => b.Name));
    }

    [Fact]
    public async Task A_watched_breaker_is_not_dropped()
    {
        string name = UniqueName("inventory");
        ResilientMethod method = KeyedMethod(Breaker(name), maxKeys: 1);
        await CallKey(method, "a", Flaky.Succeeding());
        Resilience.Breakers[name + "/a"].StateChanged += (_, _) => { };

        await CallKey(method, "b", Flaky.Succeeding());

        Assert.Equal([name + "/*", name + "/a"], Resilience.Breakers.All.Select(b => b.Name));
    }

    [Fact]
    public async Task Rejections_are_tagged_with_the_keyed_name()
    {
        using var rejections = CollectInstrument("resiliencegen.rejections");
        string name = UniqueName("inventory");
        ResilientMethod method = KeyedMethod(Breaker(name, failureThreshold: 1));
        await FailTimes(method, "eu", 1);

        await Assert.ThrowsAsync<CircuitBreakerOpenException>(() => CallKey(method, "eu", Flaky.Succeeding()));

        var measurement = Assert.Single(rejections.GetMeasurementSnapshot());
        Assert.Equal(name + "/eu", measurement.Tags["breaker"]);
    }

    [Fact]
    public async Task The_state_gauge_reports_each_keyed_breaker_that_exists()
    {
        using var gauge = new Microsoft.Extensions.Diagnostics.Metrics.Testing.MetricCollector<int>(null, "ResilienceGen", "resiliencegen.breaker.state");
        string name = UniqueName("inventory");
        ResilientMethod method = KeyedMethod(Breaker(name, failureThreshold: 1), maxKeys: 2);
        await FailTimes(method, "eu", 1);
        await CallKey(method, "us", Flaky.Succeeding());
        await CallKey(method, "asia", Flaky.Succeeding()); // "us" is dropped for it

        gauge.RecordObservableInstruments();
        var seen = gauge.GetMeasurementSnapshot().Select(m => ((string)m.Tags["breaker"]!, (string)m.Tags["state"]!));

        Assert.Equal([(name + "/asia", "closed"), (name + "/eu", "open")], seen);
    }

    [Fact]
    public async Task With_retries_every_attempt_goes_through_the_same_keys_breaker()
    {
        string name = UniqueName("inventory");
        ResilientMethod method = KeyedMethod(Breaker(name, failureThreshold: 2), retry: Retry(maxRetries: 3));

        var rejected = await Assert.ThrowsAsync<CircuitBreakerOpenException>(() => Drive(CallKey(method, "eu", Flaky.Always(() => new InvalidOperationException()))));

        Assert.Equal(name + "/eu", rejected.BreakerName);
        Assert.Equal(2, Resilience.Breakers[name + "/eu"].Metrics.FailureCount);
        Assert.Single(Resilience.Breakers.All);
    }
}
