using Microsoft.Extensions.Logging;
using ResilienceGen.IntegrationTests.Service;

namespace ResilienceGen.IntegrationTests.Client;

/// <summary>
/// A client of the test service written the way a user writes one: an <see cref="HttpClient"/>, partial methods
/// carrying the policies (in <c>ItemsClient.Policies.cs</c>), and one plain method doing the HTTP work, which turns
/// every failure into an exception the policies can judge.
/// </summary>
/// <remarks>
/// The logger is not used here: the generated wrappers pick it up from the primary constructor to log retries.
/// </remarks>
public sealed partial class ItemsClient(HttpClient http, ILogger<ItemsClient> logger)
{
    /// <summary>How long one attempt may take before it fails with <see cref="TimeoutException"/>.</summary>
    public TimeSpan AttemptTimeout { get; init; } = Timeout.InfiniteTimeSpan;

    /// <summary>
    /// One GET of an item. Throws <see cref="HttpRequestException"/> when the connection fails or the service
    /// answers 5xx (<see cref="ServiceUnavailableException"/> for 503), <see cref="TimeoutException"/> when the
    /// attempt outlives <see cref="AttemptTimeout"/>, and <see cref="OperationCanceledException"/> only when the
    /// caller cancelled.
    /// </summary>
    private async Task<string> FetchItemAsync(string id, CancellationToken cancellationToken)
    {
        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        attempt.CancelAfter(AttemptTimeout);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, FaultyService.ItemPath(id));
            // Headers first, body after: the response holds its connection until it is disposed, on every path.
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, attempt.Token);
            if (response.StatusCode == System.Net.HttpStatusCode.ServiceUnavailable)
            {
                throw new ServiceUnavailableException(response.Headers.RetryAfter?.Delta);
            }

            response.EnsureSuccessStatusCode();
            return await response.Content.ReadAsStringAsync(attempt.Token);
        }
        catch (OperationCanceledException timedOut) when (!cancellationToken.IsCancellationRequested)
        {
            // Our own deadline, not the caller's cancellation: a failure like any other, so retries may handle it.
            throw new TimeoutException($"GET {FaultyService.ItemPath(id)} took longer than {AttemptTimeout}.", timedOut);
        }
    }
}
