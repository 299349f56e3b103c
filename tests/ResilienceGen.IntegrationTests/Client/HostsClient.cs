using ResilienceGen.IntegrationTests.Service;

namespace ResilienceGen.IntegrationTests.Client;

/// <summary>
/// A client of several hosts at once, with one breaker per host (KeyBy): each call names its host in the
/// endpoint, and the breaker is keyed by the endpoint's authority (host and port).
/// </summary>
public sealed partial class HostsClient(HttpClient http)
{
    public const string HostsBreaker = "integration-hosts";

    [CircuitBreaker(HostsBreaker, KeyBy = "host.Authority", FailureThreshold = 3, BreakDurationMs = 600_000)]
    public partial Task<string> GetItemAsync(Uri host, string id, CancellationToken cancellationToken = default);

    private async Task<string> GetItemCoreAsync(Uri host, string id, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(new Uri(host, FaultyService.ItemPath(id)), HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync(cancellationToken);
    }
}
