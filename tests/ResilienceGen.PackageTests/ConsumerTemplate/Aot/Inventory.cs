using ResilienceGen;

namespace Consumer.Aot;

/// <summary>Fails a set number of times with a timeout, then answers; counts attempts and the retries it saw.</summary>
public partial class Inventory(int failuresBeforeSuccess)
{
    public int Attempts { get; private set; }

    public List<int> RetriedAttempts { get; } = [];

    public TimeoutException? LastFailure { get; private set; }

    [WithRetry(MaxRetries = 3, BaseDelayMs = 0, Jitter = false, Handle = [typeof(TimeoutException)], OnRetry = nameof(OnRetry))]
    public partial Task<int> GetStockAsync(string sku, CancellationToken cancellationToken);

    private async Task<int> GetStockCoreAsync(string sku, CancellationToken cancellationToken)
    {
        await Task.Yield();
        Attempts++;
        if (Attempts <= failuresBeforeSuccess)
        {
            LastFailure = new TimeoutException($"attempt {Attempts} for {sku} timed out");
            throw LastFailure;
        }

        return 42;
    }

    private void OnRetry(int attempt, TimeSpan delay, Exception exception) => RetriedAttempts.Add(attempt);
}
