using ResilienceGen.Configuration.Tests.Infrastructure;
using ResilienceGen.Internal;

namespace ResilienceGen.Configuration.Tests;

/// <summary>
/// Timeouts from configuration: <c>Methods:&lt;name&gt;:AttemptMs</c> / <c>TotalMs</c> beside the retry keys, and
/// <c>Breakers:&lt;name&gt;:SlowCallDurationMs</c>.
/// </summary>
[Collection(GlobalRuntimeStateCollection.Name)]
public class TimeoutBindingTests : ConfigurationTestBase
{
    private static ResilientMethod Timed(int attemptMs, RetryOptions? retry = null)
        => new(UniqueName("Tests.Config.Timed"), retry, null, timeout: new TimeoutOptions { AttemptMs = attemptMs });

    /// <summary>The limit one call of a body that waits for its token ends with.</summary>
    private async Task<ResilienceTimeoutException> TimeoutOfOneHangingCall(ResilientMethod method)
        => await Assert.ThrowsAsync<ResilienceTimeoutException>(() => Drive(
            ResilientInvoker.RunTask(method, null, 0, static (_, token) => Task.Delay(Timeout.Infinite, token), null, null, default)));

    [Fact]
    public async Task AttemptMs_and_TotalMs_from_configuration_change_a_running_method_and_follow_reloads()
    {
        ResilientMethod method = Timed(1_000);
        Assert.Equal(TimeSpan.FromSeconds(1), (await TimeoutOfOneHangingCall(method)).Timeout);
        string prefix = $"Methods:{method.MethodName}:";

        Bind((prefix + "AttemptMs", "250"));
        Assert.Equal(TimeSpan.FromMilliseconds(250), (await TimeoutOfOneHangingCall(method)).Timeout);

        Reload((prefix + "AttemptMs", "0"), (prefix + "TotalMs", "400"));
        ResilienceTimeoutException total = await TimeoutOfOneHangingCall(method);
        Assert.Equal(TimeoutScope.Total, total.Scope);
        Assert.Equal(TimeSpan.FromMilliseconds(400), total.Timeout);

        Reload(); // the attribute's 1 s again
        Assert.Equal(TimeSpan.FromSeconds(1), (await TimeoutOfOneHangingCall(method)).Timeout);
        Assert.Empty(Errors);
    }

    [Fact]
    public async Task Timeout_and_retry_keys_of_one_method_both_apply()
    {
        ResilientMethod method = Timed(1_000, Retry(3));
        string prefix = $"Methods:{method.MethodName}:";

        Bind((prefix + "AttemptMs", "100"), (prefix + "MaxRetries", "1"));

        Assert.Equal(TimeSpan.FromMilliseconds(100), (await TimeoutOfOneHangingCall(method)).Timeout);
        Assert.Equal(2, await AttemptsOfOneFailingCall(method));
        Assert.Empty(Errors);
    }

    [Fact]
    public async Task An_attempt_limit_above_the_total_is_refused_and_the_rest_applies()
    {
        ResilientMethod method = new(UniqueName("Tests.Config.Timed"), null, null, timeout: new TimeoutOptions { AttemptMs = 100, TotalMs = 1_000 });
        string prefix = $"Methods:{method.MethodName}:";

        Bind((prefix + "AttemptMs", "5000"), (prefix + "TotalMs", "2000"));

        ResilienceConfigurationError error = Assert.Single(Errors);
        Assert.Equal("ResilienceGen:" + prefix + "AttemptMs", error.Path);
        Assert.Equal(TimeSpan.FromMilliseconds(100), (await TimeoutOfOneHangingCall(method)).Timeout); // TotalMs 2000 applied, AttemptMs kept
    }

    [Fact]
    public void A_misspelt_timeout_key_is_reported_with_every_known_key()
    {
        ResilientMethod method = Timed(1_000);

        Bind(($"Methods:{method.MethodName}:AttemptMillis", "5"));

        ResilienceConfigurationError error = Assert.Single(Errors);
        Assert.Contains("AttemptMs", error.Reason, StringComparison.Ordinal);
        Assert.Contains("MaxRetries", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SlowCallDurationMs_from_configuration_makes_slow_successes_open_the_breaker()
    {
        var options = Breaker(failureThreshold: 1);
        ResilientMethod method = new(UniqueName("Tests.Config.Slow"), null, options);
        Bind(($"Breakers:{options.Name}:SlowCallDurationMs", "200"));

        int result = await Drive(ResilientInvoker.RunTaskOf(method, null, 0,
            static async _ =>
            {
                await Task.Delay(TimeSpan.FromMilliseconds(300), Resilience.TimeProvider);
                return 5;
            }, null, null, default));

        Assert.Equal(5, result);
        Assert.Equal(CircuitState.Open, StateOf(method));
        Assert.Empty(Errors);
    }
}
