using System.Diagnostics.Metrics;

namespace ResilienceGen.Tests.Infrastructure;

/// <summary>One measurement of a ResilienceGen instrument, with its tags.</summary>
public sealed record Measurement(string Instrument, long Value, IReadOnlyDictionary<string, object?> Tags);

/// <summary>Listens to the <c>ResilienceGen</c> meter and keeps every long measurement while alive.</summary>
public sealed class MetricCollector : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly List<Measurement> _measurements = new();

    public MetricCollector()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == "ResilienceGen")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            var tagMap = new Dictionary<string, object?>();
            foreach (KeyValuePair<string, object?> tag in tags)
            {
                tagMap[tag.Key] = tag.Value;
            }

            lock (_measurements)
            {
                _measurements.Add(new Measurement(instrument.Name, value, tagMap));
            }
        });
        _listener.Start();
    }

    public IReadOnlyList<Measurement> Measurements
    {
        get
        {
            lock (_measurements)
            {
                return _measurements.ToArray();
            }
        }
    }

    public IReadOnlyList<Measurement> Of(string instrument) => Measurements.Where(m => m.Instrument == instrument).ToArray();

    public void Dispose() => _listener.Dispose();
}
