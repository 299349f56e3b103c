using System.Diagnostics;
using ResilienceGen;

namespace ResilienceGen.FleetInstance;

/// <summary>How the bodies behave: succeed or fail here, or call the real HTTP dependency.</summary>
public enum BodyMode
{
    Succeed,
    Fail,
    Http,
}

/// <summary>The instance's breaker-protected calls, generated wrappers as a user's would be.</summary>
public sealed partial class DependencyClient(HttpClient http)
{
    private long _bodyCalls;

    public BodyMode Mode { get; set; } = BodyMode.Succeed;

    public Uri? Target { get; set; }

    /// <summary>Times a body ran (a call that reached "the dependency").</summary>
    public long BodyCalls => Interlocked.Read(ref _bodyCalls);

    [CircuitBreaker("dep", FailureThreshold = 3, BreakDurationMs = 5000)]
    public partial Task CallAsync(CancellationToken cancellationToken = default);

    // A keyed breaker's name ("<Name>/<key>"), shared like any other.
    [CircuitBreaker("dep/eu.example.com", FailureThreshold = 3, BreakDurationMs = 5000)]
    public partial Task CallKeyedAsync(CancellationToken cancellationToken = default);

    private Task CallCoreAsync(CancellationToken cancellationToken) => BodyAsync(cancellationToken);

    private Task CallKeyedCoreAsync(CancellationToken cancellationToken) => BodyAsync(cancellationToken);

    private async Task BodyAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _bodyCalls);
        switch (Mode)
        {
            case BodyMode.Succeed:
                return;
            case BodyMode.Fail:
                throw new InvalidOperationException("the dependency failed (simulated)");
            default:
                using (HttpResponseMessage response = await http.GetAsync(new Uri(Target!, "work"), cancellationToken))
                {
                    response.EnsureSuccessStatusCode();
                }

                return;
        }
    }

    public Task InvokeAsync(string breaker) => breaker == "dep" ? CallAsync() : CallKeyedAsync();
}

/// <summary>Monotonic timestamps comparable across processes on one machine (CLOCK_MONOTONIC on Linux).</summary>
public static class Clock
{
    public static long Now => Stopwatch.GetTimestamp();
}
