using ResilienceGen;

namespace Consumer.Aot;

/// <summary>A stock lookup behind a breaker, declared with no retries: the host's configuration section adds one.</summary>
public partial class HostedStock(int failuresBeforeSuccess)
{
    public int Attempts { get; private set; }

    [WithRetry(MaxRetries = 0, BaseDelayMs = 0, Jitter = false, Handle = [typeof(TimeoutException)])]
    [CircuitBreaker(Name = "aot-host", FailureThreshold = 5)]
    public partial Task<int> GetAsync(string sku, CancellationToken cancellationToken);

    private async Task<int> GetCoreAsync(string sku, CancellationToken cancellationToken)
    {
        await Task.Yield();
        Attempts++;
        if (Attempts <= failuresBeforeSuccess)
        {
            throw new TimeoutException($"attempt {Attempts} for {sku} timed out");
        }

        return 7;
    }
}
