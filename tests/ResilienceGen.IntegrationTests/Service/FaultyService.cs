using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ResilienceGen.IntegrationTests.Service;

/// <summary>
/// A real HTTP service on 127.0.0.1 (Kestrel, a port the OS picks) that fails on command.
/// Set <see cref="Plan"/> to choose the misbehaviour; read <see cref="Counters"/> to see what reached it.
/// </summary>
public sealed class FaultyService : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly FaultyEndpoint _endpoint;

    private FaultyService(WebApplication app, FaultyEndpoint endpoint, Uri baseAddress, TrafficCounters counters)
    {
        _app = app;
        _endpoint = endpoint;
        BaseAddress = baseAddress;
        Counters = counters;
    }

    /// <summary><c>http://127.0.0.1:{port}/</c>.</summary>
    public Uri BaseAddress { get; }

    public TrafficCounters Counters { get; }

    /// <summary>The misbehaviour for requests from now on; takes effect on the next request.</summary>
    public FaultPlan Plan
    {
        get => _endpoint.Plan;
        set => _endpoint.Plan = value;
    }

    /// <summary>The path of an item: <c>items/{id}</c>, relative to <see cref="BaseAddress"/>.</summary>
    public static string ItemPath(string id) => "items/" + Uri.EscapeDataString(id);

    public static async Task<FaultyService> StartAsync()
    {
        var counters = new TrafficCounters();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Services.Configure<HostOptions>(options => options.ShutdownTimeout = TimeSpan.FromSeconds(5));
        builder.WebHost.ConfigureKestrel(kestrel =>
            kestrel.Listen(IPAddress.Loopback, 0, listen =>
                // Connection middleware: sees every TCP connection from accept to close.
                listen.Use(next => async connection =>
                {
                    counters.OnConnectionOpened();
                    try
                    {
                        await next(connection);
                    }
                    finally
                    {
                        counters.OnConnectionClosed();
                    }
                })));

        var app = builder.Build();
        var endpoint = new FaultyEndpoint(counters, app.Lifetime.ApplicationStopping);
        app.MapGet("/items/{id}", (HttpContext context, string id) => endpoint.HandleAsync(context, id));

        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>()
            .Addresses.Single();
        return new FaultyService(app, endpoint, new Uri(address.TrimEnd('/') + "/"), counters);
    }

    /// <summary>Back to a healthy plan and zeroed tallies, for the next test.</summary>
    public void Reset()
    {
        Plan = FaultPlan.Healthy();
        Counters.Reset();
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
