using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using ResilienceGen;

namespace Shop;

/// <summary>The sample's HTTP surface: the stock lookup, the switch for the dependency, health and metrics.</summary>
public static class StockEndpoints
{
    public sealed record Failure(string Error, string? Breaker = null, double? RetryAfterMs = null);

    public static void Map(WebApplication app)
    {
        app.MapGet("/stock/{sku}", GetStockAsync);

        // Take the flaky inventory service down and bring it back, to watch the breaker work.
        app.MapPost("/dependency/down", (FlakyInventoryService dependency) =>
        {
            dependency.GoDown();
            return Results.Text("inventory service is down\n");
        });
        app.MapPost("/dependency/up", (FlakyInventoryService dependency) =>
        {
            dependency.ComeBack();
            return Results.Text("inventory service is up\n");
        });

        app.MapHealthChecks("/health", new HealthCheckOptions { ResponseWriter = HealthJson.WriteAsync });
        app.MapPrometheusScrapingEndpoint("/metrics");
    }

    private static async Task<IResult> GetStockAsync(string sku, StockClient client, CancellationToken cancellationToken)
    {
        try
        {
            return Results.Ok(await client.GetStockAsync(sku, cancellationToken));
        }
        catch (CircuitBreakerOpenException e)
        {
            // Failing fast: the breaker answered without calling the inventory service.
            return Results.Json(
                new Failure("circuit open", e.BreakerName, e.RetryAfter.TotalMilliseconds),
                statusCode: StatusCodes.Status503ServiceUnavailable);
        }
        catch (HttpRequestException e)
        {
            // The retries ran out.
            return Results.Json(new Failure(e.Message), statusCode: StatusCodes.Status502BadGateway);
        }
    }
}
