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
        Dictionary<string, long> calls = await CommandStats.CallsAsync(server);

        Output.WriteLine($"2 instances x 10,000 happy-path calls, then a wait, {seconds:0.00} s in all; Redis commands meanwhile: "
                         + string.Join(", ", calls.Select(c => c.Key + "=" + c.Value)));
        Assert.All(failures, f => Assert.Equal("0", f));

        CommandStats.AssertOnlyReconciliations(calls, seconds, instances: 2, SyncMs, readsPerScript: 1); // one breaker, no key
    }
}
