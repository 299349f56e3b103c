using Microsoft.Extensions.Diagnostics.Metrics.Testing;

namespace ResilienceGen.IntegrationTests.Support;

/// <summary>
/// What the runtime reports on its <c>ResilienceGen</c> meter for one method, summed from one
/// <see cref="MetricCollector{T}"/> per counter. Collectors listen process-wide, so the sums keep only measurements
/// tagged with this method: tests running in parallel do not see each other's.
/// </summary>
public sealed class MethodMetrics : IDisposable
{
    private const string MeterName = "ResilienceGen";

    private readonly KeyValuePair<string, object?> _methodTag;
    private readonly MetricCollector<long> _attempts = new(null, MeterName, "resiliencegen.attempts");
    private readonly MetricCollector<long> _retries = new(null, MeterName, "resiliencegen.retries");
    private readonly MetricCollector<long> _rejections = new(null, MeterName, "resiliencegen.rejections");

    /// <param name="methodName">The method as the runtime tags it: <c>Namespace.Type.Method</c>.</param>
    public MethodMetrics(string methodName) => _methodTag = new("method", methodName);

    /// <summary>Calls of the method's body: first attempts and retries.</summary>
    public long Attempts => SumForMethod(_attempts);

    /// <summary>Retries scheduled after failed attempts.</summary>
    public long Retries => SumForMethod(_retries);

    /// <summary>Attempts a circuit breaker rejected.</summary>
    public long Rejections => SumForMethod(_rejections);

    public void Dispose()
    {
        _attempts.Dispose();
        _retries.Dispose();
        _rejections.Dispose();
    }

    private long SumForMethod(MetricCollector<long> counter)
        => counter.GetMeasurementSnapshot().ContainsTags(_methodTag).EvaluateAsCounter();
}
