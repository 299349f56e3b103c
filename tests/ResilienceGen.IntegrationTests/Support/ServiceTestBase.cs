using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using ResilienceGen.IntegrationTests.Client;
using ResilienceGen.IntegrationTests.Service;

namespace ResilienceGen.IntegrationTests.Support;

/// <summary>
/// A test class against its own <see cref="FaultyService"/> (one per class, so classes can run in parallel):
/// each test starts from a healthy service with zeroed counters and a fresh <see cref="HttpClient"/>, so the
/// connections it counts are its own.
/// </summary>
public abstract class ServiceTestBase : IClassFixture<FaultyServiceFixture>, IDisposable
{
    protected ServiceTestBase(FaultyServiceFixture fixture)
    {
        Service = fixture.Service;
        Service.Reset();
        Http = new HttpClient { BaseAddress = Service.BaseAddress };
        Client = new ItemsClient(Http, NullLogger<ItemsClient>.Instance);
    }

    protected FaultyService Service { get; }

    protected HttpClient Http { get; }

    protected ItemsClient Client { get; }

    /// <summary>A client over the same <see cref="Http"/> with its own logger or per-attempt timeout.</summary>
    protected ItemsClient CreateClient(ILogger<ItemsClient>? logger = null, TimeSpan? attemptTimeout = null) =>
        new(Http, logger ?? NullLogger<ItemsClient>.Instance)
        {
            AttemptTimeout = attemptTimeout ?? Timeout.InfiniteTimeSpan,
        };

    /// <summary>The breaker registered under <paramref name="name"/>, which exists once a method naming it ran.</summary>
    protected static CircuitBreaker Breaker(string name) => Resilience.Breakers[name];

    public void Dispose()
    {
        Http.Dispose();
        GC.SuppressFinalize(this);
    }
}
