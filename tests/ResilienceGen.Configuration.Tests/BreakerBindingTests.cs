using System.Globalization;
using ResilienceGen.Configuration.Tests.Infrastructure;
using ResilienceGen.Internal;

namespace ResilienceGen.Configuration.Tests;

/// <summary>Breaker settings from configuration change a running breaker, follow reloads, and go away with their keys.</summary>
[Collection(GlobalRuntimeStateCollection.Name)]
public class BreakerBindingTests : ConfigurationTestBase
{
    [Fact]
    public async Task FailureThreshold_from_configuration_changes_a_running_breaker_and_follows_reloads()
    {
        ResilientMethod method = Method(null, Breaker(failureThreshold: 10));
        await Call(method, Flaky.Succeeding()); // the breaker is running before the configuration binds
        string key = $"Breakers:{method.BreakerName}:FailureThreshold";

        Bind((key, "3"));
        await FailTimes(method, 2);
        Assert.Equal(CircuitState.Closed, StateOf(method));
        await FailTimes(method, 1);
        Assert.Equal(CircuitState.Open, StateOf(method));

        Resilience.Breakers[method.BreakerName!].Reset();
        Reload((key, "1"));
        await FailTimes(method, 1);
        Assert.Equal(CircuitState.Open, StateOf(method));

        Resilience.Breakers[method.BreakerName!].Reset();
        Reload(); // the key is gone: the attribute's 10 again
        await FailTimes(method, 9);
        Assert.Equal(CircuitState.Closed, StateOf(method));
        await FailTimes(method, 1);
        Assert.Equal(CircuitState.Open, StateOf(method));
        Assert.Empty(Errors);
    }

    [Fact]
    public async Task BreakDurationMs_from_configuration_shortens_an_ongoing_break_and_follows_reloads()
    {
        ResilientMethod method = Method(null, Breaker(failureThreshold: 1, breakDurationMs: 30_000));
        await FailTimes(method, 1);
        Assert.Equal(CircuitState.Open, StateOf(method));
        string key = $"Breakers:{method.BreakerName}:BreakDurationMs";

        Bind((key, "1000"));
        Time.Advance(TimeSpan.FromMilliseconds(999));
        await Assert.ThrowsAsync<CircuitBreakerOpenException>(() => Call(method, Flaky.Succeeding()));
        Time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(1, await Call(method, Flaky.Succeeding()));
        Assert.Equal(CircuitState.Closed, StateOf(method));

        Reload((key, "5000"));
        await FailTimes(method, 1);
        Time.Advance(TimeSpan.FromMilliseconds(1000));
        await Assert.ThrowsAsync<CircuitBreakerOpenException>(() => Call(method, Flaky.Succeeding()));
        Time.Advance(TimeSpan.FromMilliseconds(4000));
        Assert.Equal(1, await Call(method, Flaky.Succeeding()));

        Reload(); // back to the attribute's 30 s
        await FailTimes(method, 1);
        Time.Advance(TimeSpan.FromMilliseconds(29_999));
        await Assert.ThrowsAsync<CircuitBreakerOpenException>(() => Call(method, Flaky.Succeeding()));
        Time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(1, await Call(method, Flaky.Succeeding()));
        Assert.Empty(Errors);
    }

    [Fact]
    public async Task Settings_for_a_breaker_not_yet_created_apply_when_it_is_created()
    {
        string name = UniqueName("Shop.inventory");
        Bind(($"Breakers:{name}:FailureThreshold", "1"));
        ResilientMethod method = Method(null, Breaker(name, failureThreshold: 50));
        await FailTimes(method, 1);
        Assert.Equal(CircuitState.Open, StateOf(method));
    }

    [Fact]
    public async Task Ratio_settings_parse_with_the_invariant_culture_whatever_the_current_one()
    {
        CultureInfo original = CultureInfo.CurrentCulture;
        var commaDecimal = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        commaDecimal.NumberFormat.NumberDecimalSeparator = ",";
        commaDecimal.NumberFormat.NumberGroupSeparator = ".";
        CultureInfo.CurrentCulture = commaDecimal;
        try
        {
            ResilientMethod method = Method(null, Breaker(failureThreshold: 100));
            Bind(
                ($"Breakers:{method.BreakerName}:FailureRatio", "0.5"),
                ($"Breakers:{method.BreakerName}:MinimumThroughput", "4"));
            await Call(method, Flaky.Succeeding());
            await Call(method, Flaky.Succeeding());
            await FailTimes(method, 2);
            Assert.Equal(CircuitState.Open, StateOf(method)); // 2 of 4 failed: ratio 0.5 reached
            Assert.Empty(Errors);
        }
        finally
        {
            CultureInfo.CurrentCulture = original;
        }
    }

    [Fact]
    public async Task Keys_match_whatever_their_casing_and_the_breaker_name_keeps_its_dots()
    {
        string name = UniqueName("Shop.Inventory.Client");
        ResilientMethod method = Method(null, Breaker(name, failureThreshold: 50));
        Bind(($"breakers:{name}:failurethreshold", "1"));
        await FailTimes(method, 1);
        Assert.Equal(CircuitState.Open, StateOf(method));
        Assert.Empty(Errors);
    }
}
