using ResilienceGen.Configuration.Tests.Infrastructure;
using ResilienceGen.Internal;

namespace ResilienceGen.Configuration.Tests;

/// <summary>Retry settings from configuration, by method name (<c>Namespace.Type.Method</c>).</summary>
[Collection(GlobalRuntimeStateCollection.Name)]
public class RetryBindingTests : ConfigurationTestBase
{
    [Fact]
    public async Task MaxRetries_from_configuration_changes_a_running_method_and_follows_reloads()
    {
        ResilientMethod method = Method(Retry(3), null);
        Assert.Equal(4, await AttemptsOfOneFailingCall(method));
        string key = $"Methods:{method.MethodName}:MaxRetries";

        Bind((key, "1"));
        Assert.Equal(2, await AttemptsOfOneFailingCall(method));

        Reload((key, "5"));
        Assert.Equal(6, await AttemptsOfOneFailingCall(method));

        Reload((key, "0"));
        Assert.Equal(1, await AttemptsOfOneFailingCall(method));

        Reload(); // the attribute's 3 again
        Assert.Equal(4, await AttemptsOfOneFailingCall(method));
        Assert.Empty(Errors);
    }

    [Fact]
    public async Task Delay_settings_from_configuration_change_the_waits()
    {
        ResilientMethod method = Method(Retry(maxRetries: 3, baseDelayMs: 100), null);
        string prefix = $"Methods:{method.MethodName}:";
        Bind(
            (prefix + "BaseDelayMs", "10"),
            (prefix + "MaxDelayMs", "25"),
            (prefix + "Backoff", "linear"),
            (prefix + "Jitter", "false"));
        await AttemptsOfOneFailingCall(method);
        Assert.Equal([10.0, 20.0, 25.0], Time.ScheduledDueTimes.Select(d => d.TotalMilliseconds)); // linear, capped
        Assert.Empty(Errors);
    }

    [Fact]
    public async Task Exponential_settings_with_a_fractional_factor_apply()
    {
        ResilientMethod method = Method(Retry(maxRetries: 2, baseDelayMs: 100), null);
        string prefix = $"Methods:{method.MethodName}:";
        Bind(
            (prefix + "Backoff", "Exponential"),
            (prefix + "BackoffFactor", "1.5"));
        await AttemptsOfOneFailingCall(method);
        Assert.Equal([100.0, 150.0], Time.ScheduledDueTimes.Select(d => d.TotalMilliseconds));
        Assert.Empty(Errors);
    }
}
