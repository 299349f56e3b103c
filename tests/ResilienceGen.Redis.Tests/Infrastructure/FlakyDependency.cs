using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ResilienceGen.Redis.Tests.Infrastructure;

/// <summary>
/// The fleet's dependency: a real Kestrel service on 127.0.0.1 (GET /work). Down, it answers 503 after
/// <see cref="DownLatency"/>; it counts what reaches it and the most requests in flight at once.
/// </summary>
public sealed class FlakyDependency : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _inFlight;
    private int _maxInFlight;
    private long _requests;
    private long _requestsWhileDown;
    private volatile bool _down;

    private FlakyDependency(WebApplication app) => _app = app;

    public Uri BaseAddress { get; private set; } = null!;

    public TimeSpan DownLatency { get; set; } = TimeSpan.FromMilliseconds(100);

    public bool Down
    {
        get => _down;
        set => _down = value;
    }

    public long Requests => Interlocked.Read(ref _requests);

    public long RequestsWhileDown => Interlocked.Read(ref _requestsWhileDown);

    /// <summary>The most requests in flight at once while down, since the last <see cref="ResetMaxInFlight"/>.</summary>
    public int MaxInFlight => Volatile.Read(ref _maxInFlight);

    public void ResetMaxInFlight() => Volatile.Write(ref _maxInFlight, Volatile.Read(ref _inFlight));

    public static async Task<FlakyDependency> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var dependency = new FlakyDependency(app);
        app.MapGet("/work", (Func<HttpContext, Task>)dependency.HandleAsync);
        await app.StartAsync();
        dependency.BaseAddress = new Uri(app.Urls.First().Replace("[::1]", "127.0.0.1", StringComparison.Ordinal) + "/");
        return dependency;
    }

    private async Task HandleAsync(HttpContext context)
    {
        Interlocked.Increment(ref _requests);
        if (!_down)
        {
            await Task.Delay(2);
            context.Response.StatusCode = 200;
            return;
        }

        // Only requests that reach the dead dependency count towards the concurrency (those are the probes once the
        // fleet is open).
        Interlocked.Increment(ref _requestsWhileDown);
        int now = Interlocked.Increment(ref _inFlight);
        int max;
        while (now > (max = Volatile.Read(ref _maxInFlight)) && Interlocked.CompareExchange(ref _maxInFlight, now, max) != max)
        {
        }

        try
        {
            try
            {
                await Task.Delay(DownLatency, context.RequestAborted);
                context.Response.StatusCode = 503;
            }
            catch (OperationCanceledException)
            {
                // the caller is gone (an instance killed mid-probe)
            }
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
