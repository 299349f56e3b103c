using System.Diagnostics.Metrics;

namespace Shop;

/// <summary>
/// Reads the runtime's own metrics (the <c>ResilienceGen</c> meter) for the summary, the way a metrics exporter
/// would, rather than counting on the side.
/// </summary>
public sealed class ResilienceCounters : IDisposable
{
    private readonly MeterListener _listener = new();
    private long _retries;
    private long _rejections;

    public ResilienceCounters()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == "ResilienceGen" && instrument.Name is "resiliencegen.retries" or "resiliencegen.rejections")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, _, _) =>
        {
            if (instrument.Name == "resiliencegen.retries")
            {
                Interlocked.Add(ref _retries, value);
            }
            else
            {
                Interlocked.Add(ref _rejections, value);
            }
        });
        _listener.Start();
    }

    public long Retries => Interlocked.Read(ref _retries);

    public long Rejections => Interlocked.Read(ref _rejections);

    public void Dispose() => _listener.Dispose();
}
