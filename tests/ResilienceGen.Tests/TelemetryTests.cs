using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using ResilienceGen.Internal;
using ResilienceGen.Tests.Infrastructure;
using static System.FormattableString;

namespace ResilienceGen.Tests;

/// <summary>Structured logs (LoggerMessage) and the <c>ResilienceGen</c> meter's instruments.</summary>
public class TelemetryTests : RuntimeTestBase
{
    [Fact]
    public async Task Each_retry_is_logged_with_method_attempt_delay_and_exception()
    {
        var logger = new FakeLogger();
        ResilientMethod method = Method(Retry(2, 100, BackoffKind.Linear), null, "Shop.InventoryClient.GetStockAsync");
        var failures = new List<Exception>();
        var body = new Flaky(n =>
        {
            var ex = new InvalidOperationException("attempt " + n);
            failures.Add(ex);
            return ex;
        });
        await Assert.ThrowsAsync<InvalidOperationException>(() => Drive(Call(method, body, logger: logger)));

        // FakeLogger keeps structured values as invariant-culture strings.
        FakeLogRecord[] retries = logger.Collector.GetSnapshot().Where(e => e.Id.Name == "RetryScheduled").ToArray();
        Assert.Equal(2, retries.Length);
        for (int i = 0; i < 2; i++)
        {
            Assert.Equal(LogLevel.Warning, retries[i].Level);
            Assert.Equal(1, retries[i].Id.Id);
            Assert.Equal("Shop.InventoryClient.GetStockAsync", retries[i].GetStructuredStateValue("Method"));
            Assert.Equal(Invariant($"{i + 1}"), retries[i].GetStructuredStateValue("Attempt"));
            Assert.Equal(Invariant($"{100.0 * (i + 1)}"), retries[i].GetStructuredStateValue("DelayMs"));
            Assert.Same(failures[i], retries[i].Exception);
        }

        Assert.Contains("GetStockAsync attempt 1 failed; retrying in 100 ms", retries[0].Message);
    }

    [Fact]
    public async Task Each_breaker_transition_is_logged_with_breaker_from_and_to()
    {
        var logger = new FakeLogger();
        ResilientMethod method = Method(null, Breaker("inventory", failureThreshold: 1, breakDurationMs: 1_000));
        await Assert.ThrowsAsync<InvalidOperationException>(() => Call(method, Flaky.Always(() => new InvalidOperationException()), logger: logger));
        Time.Advance(TimeSpan.FromSeconds(1));
        await Call(method, Flaky.Succeeding(), logger: logger);

        FakeLogRecord[] transitions = logger.Collector.GetSnapshot().Where(e => e.Id.Name == "BreakerStateChanged").ToArray();
        Assert.Equal(
            [("inventory", CircuitState.Closed, CircuitState.Open), ("inventory", CircuitState.Open, CircuitState.HalfOpen), ("inventory", CircuitState.HalfOpen, CircuitState.Closed)],
            transitions.Select(e => (e.GetStructuredStateValue("Breaker"), StateField(e, "From"), StateField(e, "To"))));
        Assert.All(transitions, e => Assert.Equal(2, e.Id.Id));
    }

    [Fact]
    public async Task Rejections_are_logged_at_debug_level()
    {
        var logger = new FakeLogger();
        ResilientMethod method = Method(null, Breaker("inventory", failureThreshold: 1, breakDurationMs: 2_000));
        await Assert.ThrowsAsync<InvalidOperationException>(() => Call(method, Flaky.Always(() => new InvalidOperationException()), logger: logger));
        await Assert.ThrowsAsync<CircuitBreakerOpenException>(() => Call(method, Flaky.Succeeding(), logger: logger));
        FakeLogRecord rejection = Assert.Single(logger.Collector.GetSnapshot(), e => e.Id.Name == "CallRejected");
        Assert.Equal(LogLevel.Debug, rejection.Level);
        Assert.Equal("inventory", rejection.GetStructuredStateValue("Breaker"));
        Assert.Equal(Invariant($"{2000.0}"), rejection.GetStructuredStateValue("RetryAfterMs"));
    }

    [Fact]
    public async Task Without_a_logger_the_LoggerFactory_is_used_with_the_containing_type_as_category()
    {
        FakeLogCollector logs = UseFakeLoggerFactory();
        ResilientMethod method = Method(Retry(1), null, "Shop.Orders.OrderClient.PlaceAsync");
        await Drive(Call(method, Flaky.FailingTimes(1)));
        FakeLogRecord retry = Assert.Single(logs.GetSnapshot());
        Assert.Equal("Shop.Orders.OrderClient", retry.Category);
    }

    [Fact]
    public async Task Replacing_the_LoggerFactory_takes_effect_on_the_next_log()
    {
        ResilientMethod method = Method(Retry(1), null, "Shop.OrderClient.PlaceAsync");
        FakeLogCollector first = UseFakeLoggerFactory();
        await Drive(Call(method, Flaky.FailingTimes(1)));
        FakeLogCollector second = UseFakeLoggerFactory();
        await Drive(Call(method, Flaky.FailingTimes(1)));
        Assert.Single(first.GetSnapshot());
        Assert.Single(second.GetSnapshot());
    }

    [Fact]
    public async Task Isolate_and_Reset_are_logged_through_the_LoggerFactory()
    {
        FakeLogCollector logs = UseFakeLoggerFactory();
        CircuitBreaker breaker = Resilience.Breakers.GetOrAdd("payments", new CircuitBreakerOptions());
        breaker.Isolate();
        breaker.Reset();
        Assert.Equal(
            [(CircuitState.Closed, CircuitState.Isolated), (CircuitState.Isolated, CircuitState.Closed)],
            logs.GetSnapshot().Select(e => (StateField(e, "From"), StateField(e, "To"))));
        Assert.All(logs.GetSnapshot(), e => Assert.Equal("ResilienceGen", e.Category));
        await Task.CompletedTask;
    }

    [Fact]
    public async Task Attempts_and_retries_are_counted_with_method_and_breaker_tags()
    {
        using MetricCollector<long> attemptsCounter = CollectInstrument("resiliencegen.attempts");
        using MetricCollector<long> retriesCounter = CollectInstrument("resiliencegen.retries");
        ResilientMethod method = Method(Retry(2), Breaker("inventory", failureThreshold: 10), "Shop.InventoryClient.GetStockAsync");
        await Drive(Call(method, Flaky.FailingTimes(2)));

        IReadOnlyList<CollectedMeasurement<long>> attempts = attemptsCounter.GetMeasurementSnapshot();
        Assert.Equal(3, attempts.Sum(m => m.Value));
        Assert.All(attempts, m =>
        {
            Assert.Equal("Shop.InventoryClient.GetStockAsync", m.Tags["method"]);
            Assert.Equal("inventory", m.Tags["breaker"]);
        });
        IReadOnlyList<CollectedMeasurement<long>> retries = retriesCounter.GetMeasurementSnapshot();
        Assert.Equal(2, retries.Sum(m => m.Value));
        Assert.All(retries, m => Assert.Equal("Shop.InventoryClient.GetStockAsync", m.Tags["method"]));
    }

    [Fact]
    public async Task Methods_without_a_breaker_tag_only_the_method()
    {
        using MetricCollector<long> attempts = CollectInstrument("resiliencegen.attempts");
        ResilientMethod method = Method(Retry(1), null, "Shop.Client.NoBreakerAsync");
        await Drive(Call(method, Flaky.Succeeding()));
        CollectedMeasurement<long> attempt = Assert.Single(attempts.GetMeasurementSnapshot(), m => Equals(m.Tags["method"], "Shop.Client.NoBreakerAsync"));
        Assert.False(attempt.Tags.ContainsKey("breaker"));
    }

    [Fact]
    public async Task Rejections_and_transitions_are_counted_with_their_tags()
    {
        using MetricCollector<long> rejections = CollectInstrument("resiliencegen.rejections");
        using MetricCollector<long> transitions = CollectInstrument("resiliencegen.breaker.transitions");
        ResilientMethod method = Method(null, Breaker("inventory", failureThreshold: 1), "Shop.InventoryClient.GetStockAsync");
        await Assert.ThrowsAsync<InvalidOperationException>(() => Call(method, Flaky.Always(() => new InvalidOperationException())));
        await Assert.ThrowsAsync<CircuitBreakerOpenException>(() => Call(method, Flaky.Succeeding()));

        CollectedMeasurement<long> rejection = Assert.Single(rejections.GetMeasurementSnapshot());
        Assert.Equal(1, rejection.Value);
        Assert.Equal("Shop.InventoryClient.GetStockAsync", rejection.Tags["method"]);
        Assert.Equal("inventory", rejection.Tags["breaker"]);

        CollectedMeasurement<long> transition = Assert.Single(transitions.GetMeasurementSnapshot());
        Assert.Equal("inventory", transition.Tags["breaker"]);
        Assert.Equal("Closed", transition.Tags["from"]);
        Assert.Equal("Open", transition.Tags["to"]);
    }

    /// <summary>The breaker state a log record carries under <paramref name="key"/>, which FakeLogger keeps as the state's name.</summary>
    private static CircuitState StateField(FakeLogRecord record, string key)
        => Enum.GetValues<CircuitState>().Single(state => state.ToString() == record.GetStructuredStateValue(key));
}
