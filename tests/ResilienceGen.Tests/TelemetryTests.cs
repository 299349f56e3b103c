using Microsoft.Extensions.Logging;
using ResilienceGen.Internal;
using ResilienceGen.Tests.Infrastructure;

namespace ResilienceGen.Tests;

/// <summary>Structured logs (LoggerMessage) and the <c>ResilienceGen</c> meter's instruments.</summary>
public class TelemetryTests : RuntimeTestBase
{
    [Fact]
    public async Task Each_retry_is_logged_with_method_attempt_delay_and_exception()
    {
        var logger = new CapturingLogger();
        ResilientMethod method = Method(Retry(2, 100, BackoffKind.Linear), null, "Shop.InventoryClient.GetStockAsync");
        var failures = new List<Exception>();
        var body = new Flaky(n =>
        {
            var ex = new InvalidOperationException("attempt " + n);
            failures.Add(ex);
            return ex;
        });
        await Assert.ThrowsAsync<InvalidOperationException>(() => Drive(Call(method, body, logger: logger)));

        LogEntry[] retries = logger.Entries.Where(e => e.EventId.Name == "RetryScheduled").ToArray();
        Assert.Equal(2, retries.Length);
        for (int i = 0; i < 2; i++)
        {
            Assert.Equal(LogLevel.Warning, retries[i].Level);
            Assert.Equal(1, retries[i].EventId.Id);
            Assert.Equal("Shop.InventoryClient.GetStockAsync", retries[i].Fields["Method"]);
            Assert.Equal(i + 1, retries[i].Fields["Attempt"]);
            Assert.Equal(100.0 * (i + 1), retries[i].Fields["DelayMs"]);
            Assert.Same(failures[i], retries[i].Exception);
        }

        Assert.Contains("GetStockAsync attempt 1 failed; retrying in 100 ms", retries[0].Message);
    }

    [Fact]
    public async Task Each_breaker_transition_is_logged_with_breaker_from_and_to()
    {
        var logger = new CapturingLogger();
        ResilientMethod method = Method(null, Breaker("inventory", failureThreshold: 1, breakDurationMs: 1_000));
        await Assert.ThrowsAsync<InvalidOperationException>(() => Call(method, Flaky.Always(() => new InvalidOperationException()), logger: logger));
        Time.Advance(TimeSpan.FromSeconds(1));
        await Call(method, Flaky.Succeeding(), logger: logger);

        LogEntry[] transitions = logger.Entries.Where(e => e.EventId.Name == "BreakerStateChanged").ToArray();
        Assert.Equal(
            [("inventory", CircuitState.Closed, CircuitState.Open), ("inventory", CircuitState.Open, CircuitState.HalfOpen), ("inventory", CircuitState.HalfOpen, CircuitState.Closed)],
            transitions.Select(e => ((string)e.Fields["Breaker"]!, (CircuitState)e.Fields["From"]!, (CircuitState)e.Fields["To"]!)));
        Assert.All(transitions, e => Assert.Equal(2, e.EventId.Id));
    }

    [Fact]
    public async Task Rejections_are_logged_at_debug_level()
    {
        var logger = new CapturingLogger();
        ResilientMethod method = Method(null, Breaker("inventory", failureThreshold: 1, breakDurationMs: 2_000));
        await Assert.ThrowsAsync<InvalidOperationException>(() => Call(method, Flaky.Always(() => new InvalidOperationException()), logger: logger));
        await Assert.ThrowsAsync<CircuitBreakerOpenException>(() => Call(method, Flaky.Succeeding(), logger: logger));
        LogEntry rejection = Assert.Single(logger.Entries, e => e.EventId.Name == "CallRejected");
        Assert.Equal(LogLevel.Debug, rejection.Level);
        Assert.Equal("inventory", rejection.Fields["Breaker"]);
        Assert.Equal(2000.0, rejection.Fields["RetryAfterMs"]);
    }

    [Fact]
    public async Task Without_a_logger_the_LoggerFactory_is_used_with_the_containing_type_as_category()
    {
        var factory = new CapturingLogger();
        Resilience.LoggerFactory = factory;
        ResilientMethod method = Method(Retry(1), null, "Shop.Orders.OrderClient.PlaceAsync");
        await Drive(Call(method, Flaky.FailingTimes(1)));
        LogEntry retry = Assert.Single(factory.Entries);
        Assert.Equal("Shop.Orders.OrderClient", retry.Category);
    }

    [Fact]
    public async Task Replacing_the_LoggerFactory_takes_effect_on_the_next_log()
    {
        ResilientMethod method = Method(Retry(1), null, "Shop.OrderClient.PlaceAsync");
        var first = new CapturingLogger();
        Resilience.LoggerFactory = first;
        await Drive(Call(method, Flaky.FailingTimes(1)));
        var second = new CapturingLogger();
        Resilience.LoggerFactory = second;
        await Drive(Call(method, Flaky.FailingTimes(1)));
        Assert.Single(first.Entries);
        Assert.Single(second.Entries);
    }

    [Fact]
    public async Task Isolate_and_Reset_are_logged_through_the_LoggerFactory()
    {
        var factory = new CapturingLogger();
        Resilience.LoggerFactory = factory;
        CircuitBreaker breaker = Resilience.Breakers.GetOrAdd("payments", new CircuitBreakerOptions());
        breaker.Isolate();
        breaker.Reset();
        Assert.Equal(
            [(CircuitState.Closed, CircuitState.Isolated), (CircuitState.Isolated, CircuitState.Closed)],
            factory.Entries.Select(e => ((CircuitState)e.Fields["From"]!, (CircuitState)e.Fields["To"]!)));
        Assert.All(factory.Entries, e => Assert.Equal("ResilienceGen", e.Category));
        await Task.CompletedTask;
    }

    [Fact]
    public async Task Attempts_and_retries_are_counted_with_method_and_breaker_tags()
    {
        using var metrics = new MetricCollector();
        ResilientMethod method = Method(Retry(2), Breaker("inventory", failureThreshold: 10), "Shop.InventoryClient.GetStockAsync");
        await Drive(Call(method, Flaky.FailingTimes(2)));

        Measurement[] attempts = metrics.Of("resiliencegen.attempts").ToArray();
        Assert.Equal(3, attempts.Sum(m => m.Value));
        Assert.All(attempts, m =>
        {
            Assert.Equal("Shop.InventoryClient.GetStockAsync", m.Tags["method"]);
            Assert.Equal("inventory", m.Tags["breaker"]);
        });
        Measurement[] retries = metrics.Of("resiliencegen.retries").ToArray();
        Assert.Equal(2, retries.Sum(m => m.Value));
        Assert.All(retries, m => Assert.Equal("Shop.InventoryClient.GetStockAsync", m.Tags["method"]));
    }

    [Fact]
    public async Task Methods_without_a_breaker_tag_only_the_method()
    {
        using var metrics = new MetricCollector();
        ResilientMethod method = Method(Retry(1), null, "Shop.Client.NoBreakerAsync");
        await Drive(Call(method, Flaky.Succeeding()));
        Measurement attempt = Assert.Single(metrics.Of("resiliencegen.attempts"), m => Equals(m.Tags["method"], "Shop.Client.NoBreakerAsync"));
        Assert.False(attempt.Tags.ContainsKey("breaker"));
    }

    [Fact]
    public async Task Rejections_and_transitions_are_counted_with_their_tags()
    {
        using var metrics = new MetricCollector();
        ResilientMethod method = Method(null, Breaker("inventory", failureThreshold: 1), "Shop.InventoryClient.GetStockAsync");
        await Assert.ThrowsAsync<InvalidOperationException>(() => Call(method, Flaky.Always(() => new InvalidOperationException())));
        await Assert.ThrowsAsync<CircuitBreakerOpenException>(() => Call(method, Flaky.Succeeding()));

        Measurement rejection = Assert.Single(metrics.Of("resiliencegen.rejections"));
        Assert.Equal(1, rejection.Value);
        Assert.Equal("Shop.InventoryClient.GetStockAsync", rejection.Tags["method"]);
        Assert.Equal("inventory", rejection.Tags["breaker"]);

        Measurement transition = Assert.Single(metrics.Of("resiliencegen.breaker.transitions"));
        Assert.Equal("inventory", transition.Tags["breaker"]);
        Assert.Equal("Closed", transition.Tags["from"]);
        Assert.Equal("Open", transition.Tags["to"]);
    }
}
