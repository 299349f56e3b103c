using System.Net;

namespace ResilienceGen.IntegrationTests.Client;

/// <summary>The service answered 503; carries its <c>Retry-After</c> so a caller can see how long it asked for.</summary>
public sealed class ServiceUnavailableException(TimeSpan? retryAfter)
    : HttpRequestException(
        $"The service is unavailable (503); it asked to retry after {retryAfter?.ToString() ?? "an unspecified time"}.",
        inner: null,
        HttpStatusCode.ServiceUnavailable)
{
    public TimeSpan? RetryAfter { get; } = retryAfter;
}
