using System.Net;
using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ResilienceGen.HttpBenchmarks;

/// <summary>
/// Issue 21, end to end: one real HTTP GET over loopback to a Kestrel server this process starts in setup
/// (127.0.0.1, a port the OS picks, a 2-byte text answer), read to the end, status checked. The same request four
/// ways: a bare <see cref="HttpClient"/>; the same client inside a generated wrapper with timeout + retry + breaker;
/// an <see cref="IHttpClientFactory"/> client with no resilience (the factory's own handlers: the standard handler's
/// floor); and that factory client with <c>AddStandardResilienceHandler()</c> (rate limiter, total timeout, retry,
/// breaker, attempt timeout). The wrapper's overhead is GeneratedWrapper − BareHttpClient as a share of
/// BareHttpClient; the standard handler's is StandardResilienceHandler − FactoryClient as a share of FactoryClient.
/// </summary>
/// <remarks>
/// Server and client share the process and the machine's cores, as on a loopback test anywhere; the allocated bytes
/// include the server's work for the request (BenchmarkDotNet counts the whole process's allocations), the same for every row.
/// </remarks>
[MemoryDiagnoser]
public partial class LoopbackGetBenchmarks
{
    private const string ItemPath = "item";
    private const string Answer = "ok";

    private WebApplication? _server;
    private HttpClient _bare = null!;
    private ServiceProvider? _services;
    private HttpClient _factoryPlain = null!;
    private HttpClient _factoryStandard = null!;

    // What a user writes around the same GET: both timeouts, retry, a breaker (the standard handler's layers, less its
    // rate limiter). The happy path never waits for a delay, so the retry's delay is a realistic one.
    [WithTimeout(AttemptMs = 10_000, TotalMs = 30_000)]
    [WithRetry(MaxRetries = 3, BaseDelayMs = 200)]
    [CircuitBreaker("bench.http-loopback", FailureThreshold = 5, BreakDurationMs = 30_000)]
    public partial Task<string> GetItemAsync(CancellationToken cancellationToken = default);

    private Task<string> GetItemCoreAsync(CancellationToken cancellationToken) => FetchAsync(_bare, cancellationToken);

    private static async Task<string> FetchAsync(HttpClient client, CancellationToken cancellationToken)
    {
        using HttpResponseMessage response = await client.GetAsync(ItemPath, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
    }

    [GlobalSetup]
    public void Setup()
    {
        Uri baseAddress = StartServerAsync().GetAwaiter().GetResult();
        _bare = new HttpClient(new SocketsHttpHandler()) { BaseAddress = baseAddress };

        var services = new ServiceCollection();
        services.AddHttpClient("plain", client => client.BaseAddress = baseAddress);
        services.AddHttpClient("standard", client => client.BaseAddress = baseAddress).AddStandardResilienceHandler();
        _services = services.BuildServiceProvider();
        var factory = _services.GetRequiredService<IHttpClientFactory>();
        _factoryPlain = factory.CreateClient("plain");
        _factoryStandard = factory.CreateClient("standard");

        // Every row really gets the answer (and opens its connection here, not in the first timed call).
        foreach (Func<Task<string>> row in new Func<Task<string>>[] { BareHttpClient, GeneratedWrapper, FactoryClient, StandardResilienceHandler })
        {
            string got = row().GetAwaiter().GetResult();
            if (got != Answer)
            {
                throw new InvalidOperationException($"Expected '{Answer}' from the loopback server, got '{got}'.");
            }
        }
    }

    private async Task<Uri> StartServerAsync()
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        _server = builder.Build();
        _server.MapGet("/" + ItemPath, () => Answer);
        await _server.StartAsync().ConfigureAwait(false);
        string address = _server.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>()
            .Addresses.Single();
        return new Uri(address.TrimEnd('/') + "/");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _bare.Dispose();
        _factoryPlain.Dispose();
        _factoryStandard.Dispose();
        _services?.Dispose();
        if (_server is not null)
        {
            _server.StopAsync().GetAwaiter().GetResult();
            _server.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    [Benchmark(Baseline = true)]
    public Task<string> BareHttpClient() => FetchAsync(_bare, CancellationToken.None);

    [Benchmark]
    public Task<string> GeneratedWrapper() => GetItemAsync(CancellationToken.None);

    // The floor under the standard handler: a factory client's own handlers (logging, scope), no resilience.
    [Benchmark]
    public Task<string> FactoryClient() => FetchAsync(_factoryPlain, CancellationToken.None);

    [Benchmark]
    public Task<string> StandardResilienceHandler() => FetchAsync(_factoryStandard, CancellationToken.None);
}
