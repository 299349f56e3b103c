using ResilienceGen;

namespace Consumer.App;

public partial class FlakyInventory(int failuresBeforeSuccess)
{
    public int Attempts { get; private set; }

    [WithRetry(MaxRetries = 3, BaseDelayMs = 1, Jitter = false, Handle = [typeof(TimeoutException)])]
    public partial Task<int> GetStockAsync(string sku, CancellationToken cancellationToken);

    private async Task<int> GetStockCoreAsync(string sku, CancellationToken cancellationToken)
    {
        await Task.Yield();
        Attempts++;
        if (Attempts <= failuresBeforeSuccess)
        {
            throw new TimeoutException($"attempt {Attempts} for {sku} timed out");
        }

        return 42;
    }
}
