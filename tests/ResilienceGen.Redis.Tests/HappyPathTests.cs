using System.Diagnostics;
using ResilienceGen.Redis.Tests.Infrastructure;
using StackExchange.Redis;
using Xunit.Abstractions;

namespace ResilienceGen.Redis.Tests;

/// <summary>A Closed breaker's call makes no Redis command: only the background reconciliation reads appear.</summary>
public sealed class HappyPathTests(ITestOutputHelper output) : FleetTestBase(output)
{
    [Fact]
    public async Task Ten_thousand_happy_path_calls_make_no_redis_command_beyond_the_reconciliation_reads()
    {
        const int SyncMs = 1000;
        FleetProcess[] fleet = await StartFleetAsync(2, syncMs: SyncMs);
        await fleet[0].SendAsync("call dep");
        await fleet[1].SendAsync("call dep");

        await using ConnectionMultiplexer admin = await Redis.ConnectAsync();
        IServer server = admin.GetServer(Redis.Endpoint);
        await server.ConfigResetStatisticsAsync();
        var stopwatch = Stopwatch.StartNew();
        Task<string>[] runs = fleet.Select(p => p.SendAsync("repeat dep 10000")).ToArray();
        string[] failures = await Task.WhenAll(runs);
        await Task.Delay(2500); // a few reconciliations, so the count shows the background reads it should show
        double seconds = stopwatch.Elapsed.TotalSeconds;
        Dictionary<string, long> calls = await CommandCallsAsync(server);

        Output.WriteLine($"2 instances x 10,000 happy-path calls, then a wait, {seconds:0.00} s in all; Redis commands meanwhile: "
                         + string.Join(", ", calls.Select(c => c.Key + "=" + c.Value)));
        Assert.All(failures, f => Assert.Equal("0", f));

        // Reconciliation is one script (EVAL/EVALSHA) per instance per SyncIntervalMs, and Redis counts the commands a
        // script runs too (its GET of each state key, PTTL when one exists); the client may add its own keep-alive.
        // Nothing grows with the calls.
        long reconciliations = calls.Where(c => c.Key is "evalsha" or "eval").Sum(c => c.Value);
        long allowed = 2 * ((long)Math.Ceiling(seconds * 1000 / SyncMs) + 2);
        Assert.True(reconciliations >= 2, "the reconciliation reads should appear in the count");
        Assert.True(reconciliations <= allowed, $"{reconciliations} script calls in {seconds:0.00} s (at most {allowed} reconciliations)");
        long others = calls.Where(c =>  c.Key is not ("evalsha" or "eval" or "get" or "pttl" or "info" or "config|resetstat" or "config" or "ping" or "echo" or "cluster" or "client|setinfo" or "subscribe")).Sum(c => c.Value);
        Assert.True(others == 0, "commands besides the reconciliation: " + string.Join(", ", calls.Select(c => c.Key + "=" + c.Value)));
        long reads = calls.Where(c => c.Key is "get" or "pttl").Sum(c => c.Value);
        Assert.True(reads <= reconciliations, $"{reads} reads inside {reconciliations} reconciliation scripts (one breaker each, no key)");
        Assert.True(calls.Values.Sum() < 100, "far fewer commands than calls");
    }

    private static async Task<Dictionary<string, long>> CommandCallsAsync(IServer server)
    {
        var result = new Dictionary<string, long>();
        foreach (IGrouping<string, KeyValuePair<string, string>> section in await server.InfoAsync("commandstats"))
        {
            foreach (KeyValuePair<string, string> entry in section)
            {
                // cmdstat_evalsha: calls=3,usec=...,
                string name = entry.Key.Replace("cmdstat_", "", StringComparison.Ordinal);
                string calls = entry.Value.Split(',')[0].Split('=')[1];
                result[name] = long.Parse(calls);
            }
        }

        return result;
    }
}
