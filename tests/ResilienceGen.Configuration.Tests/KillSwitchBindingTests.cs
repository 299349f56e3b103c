using ResilienceGen.Configuration.Tests.Infrastructure;
using ResilienceGen.Internal;

namespace ResilienceGen.Configuration.Tests;

/// <summary>The <c>Enabled</c> keys: globally, per breaker and per method, resilience off means a straight call.</summary>
[Collection(GlobalRuntimeStateCollection.Name)]
public class KillSwitchBindingTests : ConfigurationTestBase
{
    [Fact]
    public async Task The_global_switch_from_configuration_passes_calls_straight_to_the_body_until_the_key_goes()
    {
        ResilientMethod method = Method(Retry(3), Breaker(failureThreshold: 1));
        await Assert.ThrowsAsync<CircuitBreakerOpenException>(() => Drive(Call(method, Failing())));
        Assert.Equal(CircuitState.Open, StateOf(method));

        Bind(("Enabled", "false"));
        Assert.False(Resilience.Enabled);
        Task<int> faulted = Task.FromException<int>(new TimeoutException());
        Assert.Same(faulted, ResilientInvoker.RunTaskOf(method, null, faulted, static t => t, null, null, default)); // the body's own task
        Flaky body = Flaky.Succeeding();
        Assert.Equal(1, await Call(method, body)); // the open breaker does not reject
        Assert.Equal(1, body.Calls);

        Reload(("Enabled", "true"));
        await Assert.ThrowsAsync<CircuitBreakerOpenException>(() => Call(method, Flaky.Succeeding()));

        Reload(("Enabled", "false"));
        Assert.Equal(1, await Call(method, Flaky.Succeeding()));
        Reload(); // the key is gone: resilience is back on
        Assert.True(Resilience.Enabled);
        await Assert.ThrowsAsync<CircuitBreakerOpenException>(() => Call(method, Flaky.Succeeding()));
        Assert.Empty(Errors);
    }

    [Fact]
    public async Task A_breaker_switched_off_in_configuration_neither_rejects_nor_counts()
    {
        ResilientMethod method = Method(null, Breaker(failureThreshold: 1));
        await FailTimes(method, 1);
        Assert.Equal(CircuitState.Open, StateOf(method));
        string key = $"Breakers:{method.BreakerName}:Enabled";

        Bind((key, "false"));
        Assert.False(Resilience.Breakers.IsEnabled(method.BreakerName!));
        Assert.Equal(1, await Call(method, Flaky.Succeeding()));
        await FailTimes(method, 3); // failures reach the caller as they are, not as rejections

        Reload(); // switched back on: the breaker kept its Open state
        Assert.True(Resilience.Breakers.IsEnabled(method.BreakerName!));
        await Assert.ThrowsAsync<CircuitBreakerOpenException>(() => Call(method, Flaky.Succeeding()));
    }

    [Fact]
    public async Task A_method_switched_off_in_configuration_calls_its_body_once()
    {
        ResilientMethod off = Method(Retry(3), null);
        ResilientMethod on = Method(Retry(3), null);
        string key = $"Methods:{off.MethodName}:Enabled";

        Bind((key, "False"));
        Assert.Equal(1, await AttemptsOfOneFailingCall(off));
        Assert.Equal(4, await AttemptsOfOneFailingCall(on));

        Reload((key, "true"));
        Assert.Equal(4, await AttemptsOfOneFailingCall(off));
        Reload((key, "false"));
        Assert.Equal(1, await AttemptsOfOneFailingCall(off));
        Reload();
        Assert.Equal(4, await AttemptsOfOneFailingCall(off));
        Assert.Empty(Errors);
    }
}
