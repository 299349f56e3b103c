using System.Net;
using System.Text.Json;
using ResilienceGen.Hosting.Tests.Infrastructure;
using Shop;

namespace ResilienceGen.Hosting.Tests;

/// <summary>
/// The web sample, hosted in this process on Kestrel (127.0.0.1, free ports) as `dotnet run` starts it: the
/// dependency goes down, /stock fails fast, /health says Degraded naming the breaker, and both recover.
/// </summary>
public sealed class WebSampleTests : ProcessWideStateTest
{
    private const int BreakDurationMs = 300;

    [Fact]
    public async Task The_dependency_goes_down_stock_fails_fast_health_is_degraded_then_both_recover()
    {
        // A short break, given as a command-line override of appsettings.json, keeps the test quick.
        await using var app = await StockApp.StartAsync([$"--ResilienceGen:Breakers:inventory:BreakDurationMs={BreakDurationMs}"]);
        using var http = new HttpClient { BaseAddress = app.Address };

        using (var ok = await http.GetAsync("stock/sku-1"))
        {
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
            Assert.Equal("sku-1", (await ReadJsonAsync(ok)).GetProperty("sku").GetString());
        }

        (await http.PostAsync("dependency/down", content: null)).EnsureSuccessStatusCode();
        var failedCalls = 0;
        HttpResponseMessage response;
        while ((response = await http.GetAsync("stock/sku-2")).StatusCode == HttpStatusCode.BadGateway)
        {
            response.Dispose();
            failedCalls++; // the retries ran out; the breaker counts the failures
            Assert.True(failedCalls < 10, "the breaker never opened");
        }

        // Failing fast: answered by the open breaker, without a request to the dependency.
        var requestsBefore = app.Dependency.Requests;
        using (response)
        using (var rejected = await http.GetAsync("stock/sku-3"))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, rejected.StatusCode);
            var body = await ReadJsonAsync(rejected);
            Assert.Equal("circuit open", body.GetProperty("error").GetString());
            Assert.Equal(StockClient.BreakerName, body.GetProperty("breaker").GetString());
        }

        Assert.Equal(requestsBefore, app.Dependency.Requests);
        Assert.Equal(2, failedCalls); // appsettings.json: threshold 6, and each failed call makes 3 attempts

        var degraded = await HealthAsync(http);
        Assert.Equal("Degraded", degraded.GetProperty("status").GetString());
        var check = degraded.GetProperty("checks").GetProperty("resiliencegen");
        Assert.Equal("Not closed: inventory (Open).", check.GetProperty("description").GetString());
        Assert.Equal("Open", check.GetProperty("data").GetProperty(StockClient.BreakerName).GetString());

        using (var metrics = await http.GetAsync("metrics"))
        {
            Assert.Contains("resiliencegen_rejections_total{", await metrics.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        (await http.PostAsync("dependency/up", content: null)).EnsureSuccessStatusCode();
        await Task.Delay(BreakDurationMs + 50);
        using (var recovered = await http.GetAsync("stock/sku-4"))
        {
            Assert.Equal(HttpStatusCode.OK, recovered.StatusCode); // the probe went through and closed the breaker
        }

        var healthy = await HealthAsync(http);
        Assert.Equal("Healthy", healthy.GetProperty("status").GetString());
        Assert.Equal("Closed", healthy.GetProperty("checks").GetProperty("resiliencegen").GetProperty("data").GetProperty(StockClient.BreakerName).GetString());
    }

    private static async Task<JsonElement> HealthAsync(HttpClient http)
    {
        using var response = await http.GetAsync("health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode); // Degraded answers 200 too; only Unhealthy is 503
        return await ReadJsonAsync(response);
    }

    private static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response)
    {
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.Clone();
    }
}
