using ResilienceGen;

namespace Consumer.Aot;

/// <summary>A quote service that never answers: its fallback does, and a configuration entry cuts its retries.</summary>
public partial class Quotes
{
    public int Attempts { get; private set; }

    [WithRetry(MaxRetries = 2, BaseDelayMs = 0, Jitter = false, Fallback = nameof(CachedQuote))]
    public partial Task<string> GetQuoteAsync(string symbol, CancellationToken cancellationToken);

    private async Task<string> GetQuoteCoreAsync(string symbol, CancellationToken cancellationToken)
    {
        await Task.Yield();
        Attempts++;
        throw new HttpRequestException($"no quote for {symbol}");
    }

    private Task<string> CachedQuote(string symbol, CancellationToken cancellationToken, Exception exception)
        => Task.FromResult($"cached {symbol} after {exception.GetType().Name}");
}
