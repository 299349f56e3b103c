using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Shop;

/// <summary>
/// A real HTTP service on Kestrel at 127.0.0.1 (a free port), whose health the demo switches: healthy, failing
/// chosen requests with 503, or down (503 for everything).
/// </summary>
public sealed class FlakyInventoryService : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly object _gate = new();
    private HashSet<int> _failingRequests = [];
    private bool _down;
    private int _requestsInPhase;
    private int _requests;

    private FlakyInventoryService(WebApplication app) => _app = app;

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Every request the service has received.</summary>
    public int Requests => Volatile.Read(ref _requests);

    public static async Task<FlakyInventoryService> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders(); // the story is told by the client side's log, not the server's
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();

        var service = new FlakyInventoryService(app);
        app.MapGet("/stock/{sku}", service.Handle);
        await app.StartAsync();

        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        service.BaseAddress = new Uri(address + "/");
        return service;
    }

    /// <summary>From now on, the requests with these numbers (counting from 1) fail; the others succeed.</summary>
    public void FailRequests(params int[] requestNumbers) => Switch(down: false, requestNumbers);

    public void GoDown() => Switch(down: true, []);

    public void ComeBack() => Switch(down: false, []);

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private void Switch(bool down, int[] failingRequests)
    {
        lock (_gate)
        {
            _down = down;
            _failingRequests = [.. failingRequests];
            _requestsInPhase = 0;
        }
    }

    private IResult Handle(string sku)
    {
        Interlocked.Increment(ref _requests);
        bool fail;
        lock (_gate)
        {
            _requestsInPhase++;
            fail = _down || _failingRequests.Contains(_requestsInPhase);
        }

        return fail
            ? Results.StatusCode(StatusCodes.Status503ServiceUnavailable)
            : Results.Json(new Stock(sku, Quantity: (sku.Sum(c => c) % 20) + 1));
    }
}
