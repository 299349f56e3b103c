using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using ResilienceGen.Configuration.Tests.Infrastructure;
using ResilienceGen.Internal;

namespace ResilienceGen.Configuration.Tests;

/// <summary>
/// Bad values never stop the application: each is skipped (as if absent), reported to onError and logged as a
/// warning through Resilience.LoggerFactory, and the good values beside it still apply.
/// </summary>
[Collection(GlobalRuntimeStateCollection.Name)]
public class InvalidValueTests : ConfigurationTestBase
{
    [Fact]
    public async Task Unparsable_out_of_range_and_unknown_values_are_skipped_and_reported_while_their_siblings_apply()
    {
        FakeLogCollector log = UseFakeLoggerFactory();
        ResilientMethod guarded = Method(null, Breaker(failureThreshold: 5, breakDurationMs: 30_000));
        ResilientMethod retried = Method(Retry(3), null);
        string breaker = $"Breakers:{guarded.BreakerName}:";
        string retry = $"Methods:{retried.MethodName}:";

        Bind(
            (breaker + "FailureThreshold", "1"),
            (breaker + "BreakDurationMs", "0"),          // out of range
            (breaker + "SuccessThreshold", "two"),       // unparsable
            (breaker + "FailureTreshold", "3"),          // misspelt
            (retry + "MaxRetries", "1"),
            (retry + "JitterFactor", "2"),               // out of range
            (retry + "Backoff", "2"),                    // numbers are not kind names
            (retry + "Enabled", "maybe"),                // not a boolean
            ("Enabeld", "false"));                       // unknown top-level key

        Assert.Equal(2, await AttemptsOfOneFailingCall(retried)); // MaxRetries 1 applied
        await FailTimes(guarded, 1);
        Assert.Equal(CircuitState.Open, StateOf(guarded)); // FailureThreshold 1 applied
        Time.Advance(TimeSpan.FromSeconds(29));
        await Assert.ThrowsAsync<CircuitBreakerOpenException>(() => Call(guarded, Flaky.Succeeding())); // still the declared 30 s
        Assert.True(Resilience.Enabled);
        Assert.True(Resilience.Methods.IsEnabled(retried.MethodName));

        string[] expectedPaths =
        [
            $"ResilienceGen:{breaker}BreakDurationMs",
            $"ResilienceGen:{breaker}SuccessThreshold",
            $"ResilienceGen:{breaker}FailureTreshold",
            $"ResilienceGen:{retry}JitterFactor",
            $"ResilienceGen:{retry}Backoff",
            $"ResilienceGen:{retry}Enabled",
            "ResilienceGen:Enabeld",
        ];
        Assert.Equal(expectedPaths.OrderBy(p => p, StringComparer.OrdinalIgnoreCase), Errors.Select(e => e.Path).OrderBy(p => p, StringComparer.OrdinalIgnoreCase));
        ResilienceConfigurationError range = Errors.Single(e => e.Path.EndsWith("BreakDurationMs", StringComparison.Ordinal));
        Assert.Equal("0", range.Value);
        Assert.IsType<ArgumentOutOfRangeException>(range.Exception);
        Assert.Contains("at least 1", range.Reason, StringComparison.Ordinal);
        Assert.Contains("expected an integer", Errors.Single(e => e.Path.EndsWith("SuccessThreshold", StringComparison.Ordinal)).Reason, StringComparison.Ordinal);
        Assert.Contains("unknown key", Errors.Single(e => e.Path.EndsWith("FailureTreshold", StringComparison.Ordinal)).Reason, StringComparison.Ordinal);

        FakeLogRecord[] warnings = log.GetSnapshot().Where(e => e.Id.Name == "ConfigurationValueRejected").ToArray();
        Assert.Equal(expectedPaths.Length, warnings.Length);
        Assert.All(warnings, w => Assert.Equal(LogLevel.Warning, w.Level));
        Assert.All(warnings, w => Assert.Equal("ResilienceGen.Configuration", w.Category));
        Assert.Contains(warnings, w => w.GetStructuredStateValue("Path") == $"ResilienceGen:{breaker}BreakDurationMs" && w.GetStructuredStateValue("Value") == "0");
    }

    [Fact]
    public async Task An_invalid_value_arriving_by_reload_does_not_throw_and_leaves_the_declared_value()
    {
        ResilientMethod method = Method(null, Breaker(failureThreshold: 2));
        string key = $"Breakers:{method.BreakerName}:FailureThreshold";
        Bind((key, "1"));

        Reload((key, "ten")); // would throw out of the provider's reload if the binding let it
        Assert.Equal(key, Assert.Single(Errors).Path.Substring("ResilienceGen:".Length));
        await FailTimes(method, 1);
        Assert.Equal(CircuitState.Closed, StateOf(method)); // the skipped key counts as absent: declared 2
        await FailTimes(method, 1);
        Assert.Equal(CircuitState.Open, StateOf(method));
    }

    [Fact]
    public async Task An_empty_value_counts_as_absent_without_an_error()
    {
        ResilientMethod method = Method(Retry(3), null);
        Bind(($"Methods:{method.MethodName}:MaxRetries", ""));
        Assert.Equal(4, await AttemptsOfOneFailingCall(method));
        Assert.Empty(Errors);
    }

    [Fact]
    public async Task A_value_where_a_section_belongs_is_reported()
    {
        ResilientMethod method = Method(Retry(3), null);
        Bind(
            ("Breakers", "inventory"),
            ($"Methods:{method.MethodName}", "3"),
            ($"Methods:{method.MethodName}.Other:MaxRetries:Nested", "1"));
        Assert.Equal(4, await AttemptsOfOneFailingCall(method));
        Assert.Equal(
            ["ResilienceGen:Breakers", $"ResilienceGen:Methods:{method.MethodName}", $"ResilienceGen:Methods:{method.MethodName}.Other:MaxRetries"],
            Errors.Select(e => e.Path).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_throwing_onError_is_contained_on_reload_and_the_other_values_still_apply()
    {
        FakeLogCollector log = UseFakeLoggerFactory();
        ResilientMethod method = Method(Retry(3), null);
        string prefix = $"Methods:{method.MethodName}:";
        Reload();
        using IDisposable binding = ResilienceConfiguration.Bind(Configuration, _ => throw new InvalidOperationException("callback"));

        Reload((prefix + "Jitter", "sometimes"), (prefix + "MaxRetries", "1"));
        Assert.Equal(2, await AttemptsOfOneFailingCall(method));
        FakeLogRecord failure = Assert.Single(log.GetSnapshot(), e => e.Id.Name == "ConfigurationErrorCallbackFailed");
        Assert.Equal("callback", failure.Exception?.Message);
    }

    [Fact]
    public async Task A_throwing_onError_on_the_first_bind_stops_the_bind_and_nothing_listens_afterwards()
    {
        ResilientMethod method = Method(Retry(3), null);
        string prefix = $"Methods:{method.MethodName}:";
        Reload((prefix + "MaxRetries", "many"));
        var error = Assert.Throws<InvalidOperationException>(
            () => ResilienceConfiguration.Bind(Configuration, e => throw new InvalidOperationException("bad setting: " + e.Path)));
        Assert.Equal($"bad setting: ResilienceGen:{prefix}MaxRetries", error.Message);

        Reload((prefix + "MaxRetries", "1"));
        Assert.Equal(4, await AttemptsOfOneFailingCall(method)); // the failed binding does not listen
    }

    [Fact]
    public async Task A_reload_that_fails_unexpectedly_is_logged_and_does_not_escape_to_the_provider()
    {
        FakeLogCollector log = UseFakeLoggerFactory();
        ResilientMethod method = Method(Retry(3), null);
        string key = $"Methods:{method.MethodName}:MaxRetries";
        Bind((key, "1"));

        Provider.ReadFailure = new FormatException("provider broke");
        Reload((key, "5")); // an exception escaping the reload callback would surface here
        FakeLogRecord failure = Assert.Single(log.GetSnapshot(), e => e.Id.Name == "ConfigurationReloadFailed");
        Assert.Equal(Microsoft.Extensions.Logging.LogLevel.Error, failure.Level);
        Assert.Equal("provider broke", failure.Exception?.Message);
        Assert.Equal(2, await AttemptsOfOneFailingCall(method)); // what was applied before stays

        Provider.ReadFailure = null;
        Reload((key, "5")); // and the binding still listens
        Assert.Equal(6, await AttemptsOfOneFailingCall(method));
    }

    [Fact]
    public async Task What_a_half_applied_reload_set_is_undone_by_the_next_reload_that_no_longer_says_it()
    {
        ResilientMethod method = Method(null, Breaker(failureThreshold: 10));
        Bind();

        // Breakers come before Methods: the breaker override is applied, then reading Methods fails.
        Provider.ReadFailure = new FormatException("provider broke");
        Provider.ReadFailurePath = "ResilienceGen:Methods";
        Reload(($"Breakers:{method.BreakerName}:FailureThreshold", "1"), ("Methods:Shop.Api.Get:MaxRetries", "1"));
        Provider.ReadFailure = null;

        Reload(); // nothing configured any more: the half-applied override must go too
        await FailTimes(method, 1);
        Assert.Equal(CircuitState.Closed, StateOf(method));
    }
}
