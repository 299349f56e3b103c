// dotnet run --project sample/ResilienceGen.FleetSample [-- --redis host:port]
// Starts a flaky inventory service (Kestrel, 127.0.0.1), a Redis-protocol server (embedded Garnet unless --redis is
// given; redis-server when Garnet cannot start) and three instance processes sharing one breaker through it; then
// takes the service down and up again and shows the fleet's decisions.
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using ResilienceGen.FleetSample;

if (args.Length == 5 && args[0] == "instance")
{
    return await Instance.RunAsync(args[1], args[2], new Uri(args[3]), int.Parse(args[4]));
}

string? given = args.SkipWhile(a => a != "--redis").Skip(1).FirstOrDefault();
await using RedisProtocolServer redis = await RedisProtocolServer.StartAsync(given);
if (redis.Endpoint is null)
{
    Console.Error.WriteLine(redis.Description);
    return 1;
}

Console.WriteLine("Redis-protocol server: " + redis.Description);

// The flaky dependency, counting the requests each instance sends.
var builder = WebApplication.CreateSlimBuilder();
builder.Logging.ClearProviders();
builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
await using var app = builder.Build();
bool down = false;
var requests = new System.Collections.Concurrent.ConcurrentDictionary<string, int>();
app.MapGet("/stock", (HttpContext context) =>
{
    string instance = context.Request.Headers["X-Instance"].ToString();
    requests.AddOrUpdate(instance, 1, (_, n) => n + 1);
    if (down)
    {
        Console.WriteLine($"  inventory service: request from {instance} -> 503");
    }

    return down ? Results.StatusCode(503) : Results.Ok(new { quantity = 14 });
});
await app.StartAsync();
string dependency = app.Urls.First() + "/";
Console.WriteLine("Inventory service: " + dependency);

// Three instances: A calls every 100 ms, B and C every second, so A is the one to discover the outage.
string self = typeof(InventoryClient).Assembly.Location;
using var joined = new CountdownEvent(3);
var instances = new[] { ("A", 100), ("B", 1000), ("C", 1000) }.Select(i =>
{
    var start = new ProcessStartInfo("dotnet") { RedirectStandardInput = true, RedirectStandardOutput = true, UseShellExecute = false };
    foreach (string arg in new[] { self, "instance", i.Item1, redis.Endpoint, dependency, i.Item2.ToString() })
    {
        start.ArgumentList.Add(arg);
    }

    var process = Process.Start(start)!;
    string prefix = "[" + i.Item1 + "] ";
    process.OutputDataReceived += (_, e) =>
    {
        if (!string.IsNullOrWhiteSpace(e.Data))
        {
            Console.WriteLine(prefix + e.Data.Trim());
            if (e.Data.Contains("[1205]", StringComparison.Ordinal))
            {
                joined.Signal(); // FleetJoined
            }
        }
    };
    process.BeginOutputReadLine();
    return process;
}).ToArray();

// Every instance in the fleet before the outage (starting three processes takes a while on a busy machine).
if (!joined.Wait(TimeSpan.FromSeconds(60)))
{
    Console.Error.WriteLine("The instances did not all join the fleet within 60 s.");
}

await Task.Delay(2000);
Console.WriteLine("\n=== the inventory service goes down ===");
down = true;
await Task.Delay(5000);
Console.WriteLine("\n=== the inventory service is back ===");
down = false;
await Task.Delay(5000);

foreach (Process process in instances)
{
    process.StandardInput.Close();
}

foreach (Process process in instances)
{
    if (!process.WaitForExit(10_000))
    {
        process.Kill();
    }
}

Console.WriteLine("\nRequests the inventory service received: " + string.Join(", ", requests.OrderBy(r => r.Key).Select(r => r.Key + " " + r.Value)));
await app.StopAsync();
return 0;

/// <summary>The sample's Redis-protocol server: the address given, else embedded Garnet, else a local redis-server.</summary>
internal sealed class RedisProtocolServer : IAsyncDisposable
{
    private IDisposable? _garnet;
    private Process? _redisServer;

    public string? Endpoint { get; private set; }

    public string Description { get; private set; } = "";

    public static async Task<RedisProtocolServer> StartAsync(string? given)
    {
        var server = new RedisProtocolServer();
        if (given != null)
        {
            server.Endpoint = given;
            server.Description = given + " (given)";
            return server;
        }

        int port = FreePort();
        string? garnetError = null;
        try
        {
            var garnet = new Garnet.GarnetServer(["--port", port.ToString(), "--bind", "127.0.0.1", "--lua", "true"]);
            garnet.Start();
            server._garnet = garnet;
            server.Endpoint = "127.0.0.1:" + port;
            server.Description = "embedded Microsoft.Garnet on " + server.Endpoint;
            return server;
        }
        catch (Exception ex)
        {
            garnetError = ex.Message;
        }

        string redisServer = File.Exists("/usr/bin/redis-server") ? "/usr/bin/redis-server" : "redis-server";
        try
        {
            server._redisServer = Process.Start(new ProcessStartInfo(redisServer, $"--port {port} --bind 127.0.0.1 --save \"\" --appendonly no")
            {
                RedirectStandardOutput = true,
                UseShellExecute = false,
            });
            await Task.Delay(300);
            server.Endpoint = "127.0.0.1:" + port;
            server.Description = $"local redis-server on {server.Endpoint} (embedded Garnet did not start: {garnetError})";
        }
        catch (Exception ex)
        {
            server.Description = $"No Redis-protocol server: embedded Garnet did not start ({garnetError}) and redis-server could not be run ({ex.Message}). "
                                 + "Install redis-server (apt-get install -y redis-server) or pass --redis host:port.";
        }

        return server;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public ValueTask DisposeAsync()
    {
        _garnet?.Dispose();
        if (_redisServer is { HasExited: false })
        {
            _redisServer.Kill();
        }

        _redisServer?.Dispose();
        return ValueTask.CompletedTask;
    }
}
