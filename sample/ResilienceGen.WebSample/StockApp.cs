using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using OpenTelemetry.Metrics;
using ResilienceGen.Hosting;

namespace Shop;

/// <summary>
/// The web app and the flaky inventory service it depends on, both on Kestrel at 127.0.0.1. The app listens on the
/// port given as <c>--Port</c> (default: a free one).
/// </summary>
public sealed class StockApp : IAsyncDisposable
{
    private bool _stopped;

    private StockApp(WebApplication web, FlakyInventoryService dependency)
    {
        Web = web;
        Dependency = dependency;
        var address = web.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        Address = new Uri(address + "/");
    }

    public WebApplication Web { get; }

    public FlakyInventoryService Dependency { get; }

    public Uri Address { get; }

    public static async Task<StockApp> StartAsync(string[] args)
    {
        var dependency = await FlakyInventoryService.StartAsync();
        try
        {
            // The content root is where appsettings.json was copied, wherever `dotnet run` is started from.
            var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
            var port = int.TryParse(builder.Configuration["Port"], out var configured) ? configured : 0;
            builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));

            builder.Services.AddSingleton(dependency);
            builder.Services.AddSingleton(new StockClient(new HttpClient { BaseAddress = dependency.BaseAddress }));

            // The two lines ResilienceGen asks of an app: logging, clock, meter and configuration from the host,
            // and a health check of the breakers.
            builder.Services.AddResilienceGen(builder.Configuration.GetSection("ResilienceGen"));
            builder.Services.AddHealthChecks().AddResilienceGenBreakers();

            // The ResilienceGen meter's counters, in Prometheus text format on /metrics.
            builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics.AddMeter("ResilienceGen").AddPrometheusExporter());

            var web = builder.Build();
            StockEndpoints.Map(web);
            await web.StartAsync();
            return new StockApp(web, dependency);
        }
        catch
        {
            await dependency.DisposeAsync();
            throw;
        }
    }

    /// <summary>Runs until Ctrl+C (or the host is told to stop), then stops the app.</summary>
    public async Task WaitForShutdownAsync()
    {
        await Web.WaitForShutdownAsync();
        _stopped = true;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_stopped)
        {
            await Web.StopAsync();
            _stopped = true;
        }

        await Web.DisposeAsync();
        await Dependency.DisposeAsync();
    }
}
