using System.Text;
using Microsoft.AspNetCore.Http;

namespace ResilienceGen.IntegrationTests.Service;

/// <summary>
/// The one endpoint of the test service, <c>GET /items/{id}</c>: answers <c>item:{id}</c>, or misbehaves as the
/// current <see cref="Plan"/> says.
/// </summary>
internal sealed class FaultyEndpoint(TrafficCounters counters, CancellationToken serviceStopping)
{
    /// <summary>Seconds sent in the <c>Retry-After</c> header of a 503.</summary>
    public const int RetryAfterSeconds = 1;

    /// <summary>Length announced by an aborted response; only a few bytes of it are ever sent.</summary>
    public const int AbortedResponseAnnouncedLength = 4096;

    private static readonly TimeSpan AbortDelay = TimeSpan.FromMilliseconds(20);

    private volatile FaultPlan _plan = FaultPlan.Healthy();

    public FaultPlan Plan
    {
        get => _plan;
        set => _plan = value ?? throw new ArgumentNullException(nameof(value));
    }

    public async Task HandleAsync(HttpContext context, string id)
    {
        counters.OnRequest();
        var plan = _plan;
        var fault = plan.NextFault(id);
        if (fault is not null)
        {
            counters.OnFault();
        }

        // Stop waiting when the client gives up or the service shuts down, so no request outlives a test.
        using var giveUp = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, serviceStopping);
        if (!await DelayAsync(plan.Latency, giveUp.Token) || !await WaitForReleaseAsync(plan.Release, giveUp.Token))
        {
            CountIfAborted(context);
            return;
        }

        switch (fault)
        {
            case null:
                await WriteTextAsync(context, StatusCodes.Status200OK, "item:" + id);
                break;
            case FaultKind.ServerError:
                await WriteTextAsync(context, StatusCodes.Status500InternalServerError, "fault: server error");
                break;
            case FaultKind.Unavailable:
                context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                await WriteTextAsync(context, StatusCodes.Status503ServiceUnavailable, "fault: unavailable");
                break;
            case FaultKind.AbortMidResponse:
                await AbortMidResponseAsync(context);
                break;
            case FaultKind.Stall:
                await DelayAsync(Timeout.InfiniteTimeSpan, giveUp.Token);
                CountIfAborted(context);
                break;
            default:
                throw new InvalidOperationException($"Unknown fault {fault}.");
        }
    }

    private void CountIfAborted(HttpContext context)
    {
        if (context.RequestAborted.IsCancellationRequested)
        {
            counters.OnRequestAborted();
        }
    }

    private static async Task WriteTextAsync(HttpContext context, int status, string text)
    {
        var body = Encoding.UTF8.GetBytes(text);
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/plain; charset=utf-8";
        context.Response.ContentLength = body.Length;
        await context.Response.Body.WriteAsync(body, context.RequestAborted);
    }

    private static async Task AbortMidResponseAsync(HttpContext context)
    {
        // Headers and the start of the body reach the client; then the connection dies under it.
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "text/plain; charset=utf-8";
        context.Response.ContentLength = AbortedResponseAnnouncedLength;
        await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes("item:partial"), context.RequestAborted);
        await context.Response.Body.FlushAsync(context.RequestAborted);
        // Give the client a moment to take the headers in: a reset that overtakes them makes the client fail
        // while reading headers, rather than in the middle of the body (both still surface as failures).
        await DelayAsync(AbortDelay, context.RequestAborted);
        context.Abort();
    }

    /// <returns><c>false</c> when the wait was cut short because the client or the service gave up.</returns>
    private static async Task<bool> WaitForReleaseAsync(Task release, CancellationToken cancellationToken)
    {
        try
        {
            await release.WaitAsync(cancellationToken);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <returns><c>false</c> when the wait was cut short because the client or the service gave up.</returns>
    private static async Task<bool> DelayAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        if (delay == TimeSpan.Zero)
        {
            return !cancellationToken.IsCancellationRequested;
        }

        try
        {
            await Task.Delay(delay, cancellationToken);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
