using Microsoft.Extensions.Logging;
using ResilienceGen;
using ResilienceGen.Redis;
using StackExchange.Redis;

namespace ResilienceGen.FleetSample;

/// <summary>One instance process: joins the fleet, calls the dependency every <c>periodMs</c>, says what happens.</summary>
public static class Instance
{
    public static async Task<int> RunAsync(string name, string redisEndpoint, Uri dependency, int periodMs)
    {
        using ILoggerFactory logging = LoggerFactory.Create(b => b
            .AddSimpleConsole(o => o.SingleLine = true)
            .SetMinimumLevel(LogLevel.Warning)
            .AddFilter("ResilienceGen.Redis", LogLevel.Information));
        Resilience.LoggerFactory = logging;

        var options = ConfigurationOptions.Parse(redisEndpoint);
        options.AbortOnConnectFail = false;
        await using ConnectionMultiplexer redis = await ConnectionMultiplexer.ConnectAsync(options);
        await using BreakerFleet fleet = await BreakerFleet.JoinAsync(redis, new BreakerFleetOptions { Fleet = "fleet-sample", InstanceId = name });

        using var http = new HttpClient { BaseAddress = dependency, Timeout = TimeSpan.FromSeconds(5) };
        var client = new InventoryClient(http, name);
        bool toldRejection = false;
        var stop = new CancellationTokenSource();
        _ = Task.Run(() => { Console.In.ReadLine(); stop.Cancel(); }); // the parent closes stdin to stop us
        long rejected = 0;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await client.GetStockAsync();
                toldRejection = false;
            }
            catch (CircuitBreakerOpenException ex)
            {
                rejected++;
                if (!toldRejection)
                {
                    Console.WriteLine($"fails fast without a request: breaker {ex.BreakerName} is open (retry after {ex.RetryAfter.TotalSeconds:0.0} s)");
                    toldRejection = true;
                }
            }
            catch (HttpRequestException ex)
            {
                Console.WriteLine("request failed: " + ex.Message);
                toldRejection = false;
            }

            try
            {
                await Task.Delay(periodMs, stop.Token);
            }
            catch (OperationCanceledException)
            {
            }
        }

        Console.WriteLine($"summary: {client.Requests} requests sent, {rejected} calls rejected without a request");
        return 0;
    }
}
