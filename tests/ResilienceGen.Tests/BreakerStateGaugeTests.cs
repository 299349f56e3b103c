using System.Diagnostics.Metrics;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using ResilienceGen.Internal;
using ResilienceGen.Tests.Infrastructure;

namespace ResilienceGen.Tests;

/// <summary>The observable gauge <c>resiliencegen.breaker.state</c>: one measurement per breaker, its state as a tag.</summary>
public class BreakerStateGaugeTests : RuntimeTestBase
{
    private const string Gauge = "resiliencegen.breaker.state";

    [Fact]
    public async Task Each_collection_sees_one_measurement_per_breaker_with_its_current_state()
    {
        using var gauge = new MetricCollector<int>(null, "ResilienceGen", Gauge);
        ResilientMethod inventory = Method(null, Breaker("inventory", failureThreshold: 1, breakDurationMs: 1_000));
        CircuitBreaker payments = Resilience.Breakers.GetOrAdd("payments", new CircuitBreakerOptions());
        _ = inventory.Breaker; // registered as a generated wrapper's first call would

        Assert.Equal([("inventory", "closed"), ("payments", "closed")], Collect(gauge));

        await Assert.ThrowsAsync<InvalidOperationException>(() => Call(inventory, Flaky.Always(() => new InvalidOperationException())));
        Assert.Equal([("inventory", "open"), ("payments", "closed")], Collect(gauge));

        // Open reads HalfOpen from the first call after the break; that call's body sees the breaker half-open.
        Time.Advance(TimeSpan.FromSeconds(1));
        var seenDuringProbe = new List<(string, string)>();
        await Call(inventory, new Flaky(_ =>
        {
            seenDuringProbe.AddRange(Collect(gauge));
            return null;
        }));
        Assert.Equal([("inventory", "half_open"), ("payments", "closed")], seenDuringProbe);
        Assert.Equal([("inventory", "closed"), ("payments", "closed")], Collect(gauge));

        payments.Isolate();
        Assert.Equal([("inventory", "closed"), ("payments", "isolated")], Collect(gauge));
    }

    [Fact]
    public void Without_breakers_the_gauge_reports_nothing()
    {
        using var gauge = new MetricCollector<int>(null, "ResilienceGen", Gauge);
        Assert.Empty(Collect(gauge));
    }

    [Fact]
    public void After_a_meter_factory_swap_only_the_factory_meter_reports()
    {
        using var factory = new TestMeterFactory();
        Resilience.MeterFactory = factory;
        Resilience.Breakers.GetOrAdd("inventory", new CircuitBreakerOptions());

        // Listens by meter name as OpenTelemetry's AddMeter does, so both the runtime's own meter and the
        // factory's are subscribed to.
        var seen = new List<(Meter Meter, string Breaker, string State)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == "ResilienceGen" && instrument.Name == Gauge)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<int>((instrument, value, tags, _) =>
        {
            var tagMap = tags.ToArray().ToDictionary(t => t.Key, t => (string)t.Value!);
            seen.Add((instrument.Meter, tagMap["breaker"], tagMap["state"]));
        });
        listener.Start();

        listener.RecordObservableInstruments();

        (Meter meter, string breaker, string state) = Assert.Single(seen);
        Assert.Same(factory.Meters.Single(), meter);
        Assert.Equal(("inventory", "closed"), (breaker, state));
    }

    private static List<(string Breaker, string State)> Collect(MetricCollector<int> gauge)
    {
        gauge.RecordObservableInstruments();
        return gauge.GetMeasurementSnapshot(clear: true)
            .Select(m =>
            {
                Assert.Equal(1, m.Value);
                return ((string)m.Tags["breaker"]!, (string)m.Tags["state"]!);
            })
            .ToList();
    }

    /// <summary>An <see cref="IMeterFactory"/> that keeps the meters it creates and disposes them with itself.</summary>
    private sealed class TestMeterFactory : IMeterFactory
    {
        public List<Meter> Meters { get; } = [];

        public Meter Create(MeterOptions options)
        {
            var meter = new Meter(options.Name, options.Version, options.Tags, scope: this);
            Meters.Add(meter);
            return meter;
        }

        public void Dispose()
        {
            Resilience.MeterFactory = null;
            Meters.ForEach(m => m.Dispose());
        }
    }
}
