using System.Diagnostics.Metrics;

namespace ResilienceGen.IntegrationTests.Support;

/// <summary>
/// Sums what the runtime reports on its <c>ResilienceGen</c> meter for one method. Listening is process-wide,
/// so measurements are filtered by the <c>method</c> tag: tests running in parallel do not see each other's.
/// </summary>
public sealed class ResilienceMetricsListener : IDisposable
{
    public const string MeterName = "ResilienceGen";
    public const string AttemptsInstrument = "resiliencegen.attempts";
    public const string RetriesInstrument = "resiliencegen.retries";
    public const string RejectionsInstrument = "resiliencegen.rejections";

    private readonly MeterListener _listener = new();
    private readonly string _methodName;
    private long _attempts;
    private long _retries;
    private long _rejections;

    /// <param name="methodName">The method as the runtime tags it: <c>Namespace.Type.Method</c>.</param>
    public ResilienceMetricsListener(string methodName)
    {
        _methodName = methodName;
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == MeterName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>(OnMeasurement);
        _listener.Start();
    }

    /// <summary>Calls of the method's body: first attempts and retries.</summary>
    public long Attempts => Interlocked.Read(ref _attempts);

    /// <summary>Retries scheduled after failed attempts.</summary>
    public long Retries => Interlocked.Read(ref _retries);

    /// <summary>Attempts a circuit breaker rejected.</summary>
    public long Rejections => Interlocked.Read(ref _rejections);

    public void Dispose() => _listener.Dispose();

    private void OnMeasurement(Instrument instrument, long value, ReadOnlySpan<KeyValuePair<string, object?>> tags, object? state)
    {
        if (!IsForThisMethod(tags))
        {
            return;
        }

        switch (instrument.Name)
        {
            case AttemptsInstrument:
                Interlocked.Add(ref _attempts, value);
                break;
            case RetriesInstrument:
                Interlocked.Add(ref _retries, value);
                break;
            case RejectionsInstrument:
                Interlocked.Add(ref _rejections, value);
                break;
        }
    }

    private bool IsForThisMethod(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        foreach (var tag in tags)
        {
            if (tag.Key == "method")
            {
                return tag.Value as string == _methodName;
            }
        }

        return false;
    }
}
