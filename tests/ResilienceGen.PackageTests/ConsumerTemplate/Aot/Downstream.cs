using ResilienceGen;

namespace Consumer.Aot;

/// <summary>A dependency that is down until it is told it is back; the breaker in front of it has a 30 s break.</summary>
public partial class Downstream
{
    public bool IsUp { get; set; }

    public int BodyCalls { get; private set; }

    [CircuitBreaker("aot-downstream", FailureThreshold = 2, BreakDurationMs = 30_000)]
    public partial ValueTask<string> SendAsync(int message, CancellationToken cancellationToken);

    private async ValueTask<string> SendCoreAsync(int message, CancellationToken cancellationToken)
    {
        await Task.Yield();
        BodyCalls++;
        return IsUp ? $"sent {message}" : throw new InvalidOperationException($"downstream is down (message {message})");
    }
}
