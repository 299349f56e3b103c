using System.Net.Http.Json;
using ResilienceGen;

namespace Shop;

public sealed record Stock(string Sku, int Quantity);

/// <summary>
/// The code a user writes: a partial method with its policy, and its body beside it. It has no ILogger of its own,
/// so the generated wrapper logs through <c>Resilience.LoggerFactory</c>, which AddResilienceGen makes the app's.
/// The attribute values are the compile-time defaults; appsettings.json overrides some of them.
/// </summary>
public partial class StockClient(HttpClient http)
{
    public const string BreakerName = "inventory";

    [WithRetry(MaxRetries = 2, BaseDelayMs = 50, Jitter = false, Handle = [typeof(HttpRequestException)])]
    [CircuitBreaker(BreakerName, FailureThreshold = 5, BreakDurationMs = 30_000)]
    public partial Task<Stock> GetStockAsync(string sku, CancellationToken cancellationToken = default);

    private async Task<Stock> GetStockCoreAsync(string sku, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync($"stock/{Uri.EscapeDataString(sku)}", cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"inventory answered {(int)response.StatusCode}", inner: null, response.StatusCode);
        }

        return (await response.Content.ReadFromJsonAsync<Stock>(cancellationToken))!;
    }
}
