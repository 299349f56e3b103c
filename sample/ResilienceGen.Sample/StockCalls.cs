using System.Diagnostics;
using Microsoft.Extensions.Logging;
using ResilienceGen;

namespace Shop;

/// <summary>Makes each call of the demo, tells how it went in one line, and keeps the tally for the summary.</summary>
public sealed class StockCalls(InventoryClient client, FlakyInventoryService service, ILogger story)
{
    public int Calls { get; private set; }

    public int Successes { get; private set; }

    public int Failures { get; private set; }

    public int Rejections { get; private set; }

    /// <summary>From the last rejection: how long until the breaker lets a probe through.</summary>
    public TimeSpan LastRetryAfter { get; private set; }

    public async Task GetStockAsync(string sku)
    {
        var number = ++Calls;
        var requestsBefore = service.Requests;
        var started = Stopwatch.GetTimestamp();
        string outcome;
        try
        {
            var stock = await client.GetStockAsync(sku);
            Successes++;
            outcome = $"ok        {stock.Sku}: {stock.Quantity} in stock";
        }
        catch (CircuitBreakerOpenException e)
        {
            Rejections++;
            LastRetryAfter = e.RetryAfter;
            outcome = $"REJECTED  '{e.BreakerName}' open, probe in {e.RetryAfter.TotalSeconds:0.00} s";
        }
        catch (HttpRequestException e)
        {
            Failures++;
            outcome = $"FAILED    {e.Message}";
        }

        var elapsed = Stopwatch.GetElapsedTime(started);
        var requests = service.Requests - requestsBefore;
        story.LogInformation(
            "call {Number,2}  {Outcome,-42} {Requests} request(s), {ElapsedMs:0.0} ms",
            number, outcome, requests, elapsed.TotalMilliseconds);
    }
}
