using System.Net.Http.Json;
using Microsoft.Extensions.Logging;
using ResilienceGen;

namespace Shop;

public sealed record Stock(string Sku, int Quantity);

/// <summary>
/// The code a user writes: a partial method with the policy on it, and its body beside it. The generator writes
/// GetStockAsync (see obj/.../generated/); it logs retries and breaker transitions through <paramref name="logger"/>.
/// </summary>
public partial class InventoryClient(HttpClient http, ILogger<InventoryClient> logger)
{
    public const string BreakerName = "inventory";
    public const int BreakDurationMs = 1500;

    // Short real delays: this is a demo against a real server, and it should finish in a few seconds.
    [WithRetry(MaxRetries = 3, BaseDelayMs = 50, Jitter = false, Handle = [typeof(HttpRequestException)])]
    [CircuitBreaker(BreakerName, FailureThreshold = 5, BreakDurationMs = BreakDurationMs)]
    public partial Task<Stock> GetStockAsync(string sku, CancellationToken cancellationToken = default);

    private async Task<Stock> GetStockCoreAsync(string sku, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync($"stock/{sku}", cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            // A short message of our own: it is what the retry log lines show.
            throw new HttpRequestException($"{(int)response.StatusCode} {response.ReasonPhrase}", inner: null, response.StatusCode);
        }

        return (await response.Content.ReadFromJsonAsync<Stock>(cancellationToken))!;
    }
}
