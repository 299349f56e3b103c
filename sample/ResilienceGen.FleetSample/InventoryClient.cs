using ResilienceGen;

namespace ResilienceGen.FleetSample;

/// <summary>One instance's client of the flaky inventory service, through a generated breaker.</summary>
public sealed partial class InventoryClient(HttpClient http, string instance)
{
    private long _requests;

    /// <summary>Requests this instance actually sent.</summary>
    public long Requests => Interlocked.Read(ref _requests);

    [CircuitBreaker("inventory", FailureThreshold = 3, BreakDurationMs = 3000)]
    public partial Task GetStockAsync(CancellationToken cancellationToken = default);

    private async Task GetStockCoreAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _requests);
        using var request = new HttpRequestMessage(HttpMethod.Get, "stock");
        request.Headers.Add("X-Instance", instance);
        using HttpResponseMessage response = await http.SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
    }
}
