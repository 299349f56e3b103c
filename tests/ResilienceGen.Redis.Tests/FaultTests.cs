using System.Diagnostics;
using ResilienceGen.Redis.Tests.Infrastructure;
using StackExchange.Redis;
using Xunit.Abstractions;

namespace ResilienceGen.Redis.Tests;

/// <summary>Redis killed, paused and restarted mid-run; a lease holder killed mid-probe; garbage input.</summary>
public sealed class FaultTests(ITestOutputHelper output) : FleetTestBase(output)
{
    private const int SyncMs = 500;

    [Fact]
    public async Task Redis_killed_mid_load_fails_or_slows_no_call_each_instance_decides_alone_and_after_a_restart_sharing_returns_within_two_sync_intervals()
    {
        FleetProcess[] fleet = await StartFleetAsync(2, syncMs: SyncMs, breakMs: 30_000);
        FleetProcess a = fleet[0], b = fleet[1];

        LoadSummary before = await LoadAsync(b, TimeSpan.FromSeconds(3));
        await b.SendAsync("load-start dep 4 1");
        await Task.Delay(1000);
        Redis.Kill();
        await Task.Delay(2000);
        LoadSummary during = LoadSummary.Parse(await b.SendAsync("load-stop"));
        Output.WriteLine($"B before the kill: {before}; B with Redis killed mid-run: {during}");
        Assert.Equal(0, during.Failed);
        Assert.Equal(0, during.Rejected);
        Assert.True(during.P99Us <= before.P99Us * 1.5 + 200,
            $"p99 {during.P99Us} us with Redis killed vs {before.P99Us} us before (allowed 1.5x + 0.2 ms of timer noise)");
        Assert.Equal("False", FleetProcess.Stat(await b.SendAsync("stats"), "reachable"));

        // Alone: A opens for itself; B, not told, stays Closed and keeps calling.
        await OpenLocallyAsync(a);
        Assert.Equal("success", await b.SendAsync("call dep"));
        Assert.Equal("Closed", await b.StateAsync());

        var sinceRestart = Stopwatch.StartNew();
        await Redis.RestartAsync();
        await WaitStateAsync(b, "Open", 10_000); // A publishes the open it decided alone
        double restartToShared = sinceRestart.Elapsed.TotalMilliseconds;
        Output.WriteLine($"Redis restart -> B Open (A's open published on reconnect): {Ms(restartToShared)} (2 x SyncIntervalMs = {2 * SyncMs} ms, plus the reconnect)");
        await WaitLogAsync(a, 1201, "FleetUnreachable");
        await WaitLogAsync(a, 1202, "FleetReachable");
        Assert.Single(a.Log.Split('\n'), l => l.Contains("[1201]", StringComparison.Ordinal)); // once per outage

        // Sharing works again for a new decision.
        await a.SendAsync("reset dep");
        await WaitStateAsync(b, "Closed", 2 * SyncMs);
        var sinceOpen = Stopwatch.StartNew();
        await OpenLocallyAsync(b);
        await WaitStateAsync(a, "Open", 2 * SyncMs);
        Output.WriteLine($"after the restart, B opens -> A Open: {Ms(sinceOpen.Elapsed.TotalMilliseconds)}");
        Assert.True(restartToShared <= 2 * SyncMs + 1500, $"sharing took {Ms(restartToShared)} after the restart");
    }

    [Fact]
    public async Task Redis_paused_for_10_s_makes_no_call_wait()
    {
        FleetProcess[] fleet = await StartFleetAsync(2, syncMs: SyncMs, breakMs: 2000);
        FleetProcess a = fleet[0], b = fleet[1];

        LoadSummary before = await LoadAsync(b, TimeSpan.FromSeconds(3));
        await b.SendAsync("load-start dep 4 1");
        var stopwatch = Stopwatch.StartNew();
        Redis.Pause();
        try
        {
            // A breaker opening while Redis is paused: its write waits in the background, not in a call. When its
            // break ends (2 s), Redis has been silent past the operation timeout: A probes alone, no lease to wait for.
            await OpenLocallyAsync(a);
            await Task.Delay(2500);
            Assert.Equal("success", await a.SendAsync("call dep"));
            Assert.Equal("Closed", await a.StateAsync());
            await Task.Delay(TimeSpan.FromMilliseconds(Math.Max(0, 10_000 - stopwatch.ElapsedMilliseconds)));
        }
        finally
        {
            Redis.Resume();
        }

        LoadSummary during = LoadSummary.Parse(await b.SendAsync("load-stop"));
        Output.WriteLine($"B before the pause: {before}; B during a 10 s SIGSTOP of Redis: {during}");
        Assert.Equal(0, during.Failed);
        Assert.True(during.P99Us <= before.P99Us * 1.5 + 200, $"p99 {during.P99Us} us during the pause vs {before.P99Us} us before");
        Assert.True(during.MaxUs < 250_000, $"a call took {during.MaxUs} us during the pause");
    }

    [Fact]
    public async Task When_the_probe_lease_holder_is_killed_mid_probe_another_instance_probes_after_the_lease_expires()
    {
        await using FlakyDependency dependency = await FlakyDependency.StartAsync();
        dependency.Down = true;
        dependency.DownLatency = TimeSpan.FromSeconds(20); // the probe hangs until its holder dies
        FleetProcess[] fleet = await StartFleetAsync(2, syncMs: 200, breakMs: 1000);
        FleetProcess a = fleet[0], b = fleet[1];
        foreach (FleetProcess p in fleet)
        {
            await p.SendAsync("call dep");
        }

        await OpenLocallyAsync(a);
        await WaitStateAsync(b, "Open", 2000);
        await a.SendAsync("mode http " + dependency.BaseAddress);
        await b.SendAsync("mode http " + dependency.BaseAddress);
        await Task.Delay(1200);

        await a.SendAsync("call dep"); // HalfOpen, asks for the lease
        await Task.Delay(300);
        _ = a.SendRawAsync("call dep", 60_000); // A's probe: in flight at the dependency
        await WaitUntilAsync(() => dependency.Requests == 1, 3000);
        Assert.StartsWith("rejected", await b.SendAsync("call dep")); // B asks; A holds the lease
        await Task.Delay(300);
        Assert.Equal("rejected 0", await b.SendAsync("call dep"));
        Assert.Equal(1, dependency.Requests);

        a.Kill();
        var sinceKill = Stopwatch.StartNew();
        dependency.Down = false;
        string outcome = "";
        while (sinceKill.Elapsed < TimeSpan.FromSeconds(5) && outcome != "success")
        {
            outcome = await b.SendAsync("call dep");
            await Task.Delay(20);
        }

        Output.WriteLine($"lease holder killed -> another instance's probe succeeded after {Ms(sinceKill.Elapsed.TotalMilliseconds)} (lease 3 x 200 ms)");
        Assert.Equal("success", outcome);
        Assert.Equal("Closed", await b.StateAsync());
        Assert.Equal(2, dependency.Requests);
    }

    [Fact]
    public async Task Garbage_on_the_channel_and_in_a_state_key_is_ignored_logged_and_counted()
    {
        FleetProcess[] fleet = await StartFleetAsync(2, syncMs: 200);
        FleetProcess a = fleet[0], b = fleet[1];
        foreach (FleetProcess p in fleet)
        {
            await p.SendAsync("call dep");
        }

        await using ConnectionMultiplexer admin = await Redis.ConnectAsync();
        ISubscriber publisher = admin.GetSubscriber();
        var channel = RedisChannel.Literal(FleetName + ":events");
        string[] garbage =
        [
            "hello",
            "rgf1|open|intruder|notanumber|dep",
            "rgf2|open|intruder|5000|dep",
            "rgf1|explode|intruder|0|dep",
            "rgf1|open|intruder|0|dep",
            "rgf1|open||5000|dep",
            "{\"type\":\"open\",\"breaker\":\"dep\"}",
        ];
        foreach (string message in garbage)
        {
            await publisher.PublishAsync(channel, message);
        }

        await publisher.PublishAsync(channel, new byte[] { 0xff, 0x00, 0xfe, 0x7c });
        await admin.GetDatabase().StringSetAsync(FleetName + ":state:dep", "garbage");
        await Task.Delay(800);

        foreach (FleetProcess p in fleet)
        {
            Assert.Equal("Closed", await p.StateAsync());
            Assert.Equal("success", await p.SendAsync("call dep"));
            string stats = await p.SendAsync("stats");
            Assert.Equal(garbage.Length + 2, long.Parse(FleetProcess.Stat(stats, "invalid"))); // 8 messages + the key, once
            await WaitLogAsync(p, 1203, "FleetMessageInvalid");
            await WaitLogAsync(p, 1204, "FleetStateInvalid");
            Assert.Equal("True", FleetProcess.Stat(stats, "reachable"));
        }

        // Nothing broke: a real decision still travels (the garbage key is overwritten by it).
        await OpenLocallyAsync(a);
        await WaitStateAsync(b, "Open", 2000);
    }

    private static async Task<LoadSummary> LoadAsync(FleetProcess instance, TimeSpan duration)
    {
        await instance.SendAsync("load-start dep 4 1");
        await Task.Delay(duration);
        return LoadSummary.Parse(await instance.SendAsync("load-stop"));
    }

    private static async Task WaitUntilAsync(Func<bool> condition, int timeoutMs)
    {
        var stopwatch = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(stopwatch.ElapsedMilliseconds < timeoutMs, "condition not met in time");
            await Task.Delay(10);
        }
    }
}
