using System.Diagnostics;
using ResilienceGen.Redis.Tests.Infrastructure;
using StackExchange.Redis;
using Xunit.Abstractions;

namespace ResilienceGen.Redis.Tests;

/// <summary>
/// Fleet-wide failure counting (issue 20, <c>CountFailuresFleetWide</c>): consecutive semantics across instances, the
/// ratio window summed over instances, what a streak writes to Redis and what a happy path does not, Redis killed
/// mid-streak. Every instance is its own process against a real redis-server.
/// </summary>
public sealed class FleetCountTests(ITestOutputHelper output) : FleetTestBase(output)
{
    [Fact]
    public async Task A_success_on_instance_B_resets_the_count_that_instance_A_s_failures_built()
    {
        FleetProcess[] fleet = await StartFleetAsync(2, syncMs: 1000, failureThreshold: 5, countFleetWide: true);
        FleetProcess a = fleet[0], b = fleet[1];
        await a.SendAsync("call dep");
        await b.SendAsync("call dep");
        await using ConnectionMultiplexer admin = await Redis.ConnectAsync();
        IDatabase db = admin.GetDatabase();

        await a.SendAsync("mode fail");
        for (int i = 0; i < 4; i++)
        {
            Assert.Equal("failed", await a.SendAsync("call dep"));
        }

        await WaitUntilAsync(async () => (await b.CountsAsync()).Failures == 4, 5000, "B learns the fleet's count of 4");
        Assert.Equal(4, (long)await db.StringGetAsync(FleetName + ":count:dep"));

        Assert.Equal("success", await b.SendAsync("call dep")); // the first success after failures, anywhere
        await WaitUntilAsync(async () => (await a.CountsAsync()).Failures == 0, 5000, "A's count is cleared by B's success");
        Assert.False(await db.KeyExistsAsync(FleetName + ":count:dep"));

        for (int i = 0; i < 4; i++)
        {
            Assert.Equal("failed", await a.SendAsync("call dep"));
        }

        await WaitUntilAsync(async () => (await b.CountsAsync()).Failures == 4, 5000, "B learns the new streak");
        Assert.Equal("Closed", await a.StateAsync()); // 8 failures on A, but a success between: 4 consecutive
        Assert.Equal("Closed", await b.StateAsync());

        Assert.Equal("failed", await a.SendAsync("call dep")); // the fifth since B's success
        Assert.Equal("Open", await a.StateAsync());
        await WaitStateAsync(b, "Open", 5000);
        await WaitLogAsync(a, 1250, "FleetCountReached");
        Output.WriteLine("A: 4 failures, B: 1 success (cleared the fleet's count), A: 5 failures -> both Open");
    }

    [Fact]
    public async Task Ratio_mode_across_three_instances_each_below_MinimumThroughput_opens_at_the_fleet_s_ratio()
    {
        FleetProcess[] fleet = await StartFleetAsync(3, syncMs: 200, countFleetWide: true);
        foreach (FleetProcess p in fleet)
        {
            await p.SendAsync("config-ratio dep 0.5 10 20000 5000");
            Assert.Equal("success", await p.SendAsync("call dep")); // the breaker exists (1 call each)
        }

        await using ConnectionMultiplexer admin = await Redis.ConnectAsync();
        FleetProcess a = fleet[0], b = fleet[1], c = fleet[2];
        await OutcomesAsync(a, successes: 1, failures: 2); // A: 4 calls, 2 failures
        await OutcomesAsync(b, successes: 1, failures: 2); // B: the same
        await WaitUntilAsync(async () => await FleetWindowAsync(admin) == (9, 4), 5000, "the fleet's window: A's and B's 4 calls and C's 1");
        await AssertAllAsync(fleet, "Closed"); // 9 calls: below MinimumThroughput fleet-wide too

        await OutcomesAsync(c, successes: 2, failures: 0); // C's successes reach Redis with its next window write (a sync)
        await WaitUntilAsync(async () => await FleetWindowAsync(admin) == (11, 4), 5000, "the fleet's window counts C's successes");
        await AssertAllAsync(fleet, "Closed"); // 11 calls, 4 failures: 0.36

        await OutcomesAsync(c, successes: 0, failures: 1);
        await WaitUntilAsync(async () => await FleetWindowAsync(admin) == (12, 5), 5000, "12 calls, 5 failures");
        await AssertAllAsync(fleet, "Closed"); // 0.42
        await OutcomesAsync(c, successes: 0, failures: 1);
        await WaitUntilAsync(async () => await FleetWindowAsync(admin) == (13, 6), 5000, "13 calls, 6 failures");
        await AssertAllAsync(fleet, "Closed"); // 0.46
        foreach (FleetProcess p in fleet)
        {
            Assert.True((await p.CountsAsync()).Calls < 10, $"instance {p.Name} alone is below MinimumThroughput");
        }

        await OutcomesAsync(c, successes: 0, failures: 1); // 14 calls, 7 failures: 0.5, the ratio
        foreach (FleetProcess p in fleet)
        {
            await WaitStateAsync(p, "Open", 5000);
        }

        await WaitLogAsync(c, 1250, "FleetCountReached, on the instance whose failure reached the ratio");
        Output.WriteLine("3 instances, each below MinimumThroughput 10 alone: Closed at 9/4 (below MinimumThroughput), 11/4, 12/5, 13/6; Open at 14/7 (ratio 0.5)");
    }

    [Fact]
    public async Task Ten_thousand_happy_path_calls_with_the_fleet_count_at_zero_make_no_redis_command_beyond_the_reconciliation_reads()
    {
        const int SyncMs = 1000;
        FleetProcess[] fleet = await StartFleetAsync(2, syncMs: SyncMs, countFleetWide: true);
        await fleet[0].SendAsync("call dep");
        await fleet[1].SendAsync("call dep");

        await using ConnectionMultiplexer admin = await Redis.ConnectAsync();
        IServer server = admin.GetServer(Redis.Endpoint);
        await server.ConfigResetStatisticsAsync();
        var stopwatch = Stopwatch.StartNew();
        string[] failures = await Task.WhenAll(fleet.Select(p => p.SendAsync("repeat dep 10000")));
        await Task.Delay(2500); // a few reconciliations, so the count shows the background reads it should show
        double seconds = stopwatch.Elapsed.TotalSeconds;
        Dictionary<string, long> calls = await CommandStats.CallsAsync(server);

        Output.WriteLine($"CountFailuresFleetWide: 2 instances x 10,000 happy-path calls, then a wait, {seconds:0.00} s in all; Redis commands meanwhile: "
                         + string.Join(", ", calls.Select(x => x.Key + "=" + x.Value)));
        Assert.All(failures, f => Assert.Equal("0", f));
        // Inside each reconciliation: GET of the state key and of the count key (PTTL when a state exists). No write,
        // no publish: the happy path sends nothing.
        CommandStats.AssertOnlyReconciliations(calls, seconds, instances: 2, SyncMs, readsPerScript: 2);
    }

    [Fact]
    public async Task A_streak_costs_one_script_per_failure_and_one_clear_and_nothing_after()
    {
        FleetProcess[] fleet = await StartFleetAsync(2, syncMs: 1000, failureThreshold: 5, countFleetWide: true);
        FleetProcess a = fleet[0], b = fleet[1];
        await a.SendAsync("call dep");
        await b.SendAsync("call dep");
        await using ConnectionMultiplexer admin = await Redis.ConnectAsync();
        IServer server = admin.GetServer(Redis.Endpoint);
        await server.ConfigResetStatisticsAsync();

        await a.SendAsync("mode fail");
        for (int i = 0; i < 3; i++)
        {
            await a.SendAsync("call dep");
        }

        await a.SendAsync("mode succeed");
        await WaitUntilAsync(async () => (await b.CountsAsync()).Failures == 3, 5000, "B learns the count");
        Assert.Equal("0", await a.SendAsync("repeat dep 1000")); // the first clears the streak, the other 999 send nothing
        Assert.Equal("0", await b.SendAsync("repeat dep 1000")); // B's first success too, if the clear had not reached it yet
        await WaitUntilAsync(async () => (await b.CountsAsync()).Failures == 0, 5000, "B's count is cleared");
        Dictionary<string, long> calls = await CommandStats.CallsAsync(server);
        Output.WriteLine("3 failures then 2 x 1,000 successes: " + string.Join(", ", calls.Select(x => x.Key + "=" + x.Value)));
        Assert.Equal(3, calls.GetValueOrDefault("incr"));
        Assert.InRange(calls.GetValueOrDefault("del"), 1, 2); // one clear per instance that held the count, at most
        Assert.InRange(calls.GetValueOrDefault("publish"), 4, 4); // 3 counts + 1 clear (a clear that found no count publishes nothing)
    }

    [Fact]
    public async Task Redis_killed_during_a_failure_streak_fails_no_call_and_counting_continues_locally()
    {
        FleetProcess[] fleet = await StartFleetAsync(2, syncMs: 500, failureThreshold: 5, breakMs: 30_000, countFleetWide: true);
        FleetProcess a = fleet[0], b = fleet[1];
        await a.SendAsync("call dep");
        await b.SendAsync("call dep");
        await a.SendAsync("mode fail");
        Assert.Equal("failed", await a.SendAsync("call dep"));
        Assert.Equal("failed", await a.SendAsync("call dep"));
        await WaitUntilAsync(async () => (await b.CountsAsync()).Failures == 2, 5000, "B learns the fleet's count of 2");

        await b.SendAsync("load-start dep 2 1"); // B keeps calling (successes) through the kill
        await Task.Delay(300);
        await b.SendAsync("load-stop");
        Assert.Equal(0, (await b.CountsAsync()).Failures); // B's success ended the streak fleet-wide...
        await WaitUntilAsync(async () => (await a.CountsAsync()).Failures == 0, 5000, "...and A's count");

        Assert.Equal("failed", await a.SendAsync("call dep"));
        await WaitUntilAsync(async () => (await b.CountsAsync()).Failures == 1, 5000, "B learns the new streak");
        Assert.Equal(1, (await a.CountsAsync()).Failures);
        Redis.Kill();
        await b.SendAsync("load-start dep 2 1"); // B's successes now end the streak on B only (A is not told)
        await WaitUntilAsync(async () => FleetProcess.Stat(await a.SendAsync("stats"), "reachable") == "False", 10_000, "A sees Redis gone");

        var streak = Stopwatch.StartNew();
        for (int i = 0; i < 3; i++)
        {
            Assert.Equal("failed", await a.SendAsync("call dep")); // the dependency's failure, nothing of Redis's
            Output.WriteLine($"A's count after alone failure {i + 1}: {(await a.CountsAsync()).Failures}");
        }

        Output.WriteLine($"3 failures with Redis killed: {Ms(streak.Elapsed.TotalMilliseconds)} (command round trips included)");
        Assert.Equal(4, (await a.CountsAsync()).Failures); // 1 shared + 3 alone
        Assert.Equal("Closed", await a.StateAsync());
        Assert.Equal("failed", await a.SendAsync("call dep")); // the fifth: A opens alone, as without a fleet
        Assert.Equal("Open", await a.StateAsync());
        await Task.Delay(1000); // B keeps calling a while longer without Redis

        LoadSummary during = LoadSummary.Parse(await b.SendAsync("load-stop"));
        Output.WriteLine($"B under load while Redis was killed: {during}");
        Assert.Equal(0, during.Failed);
        Assert.Equal(0, during.Rejected);
        Assert.Equal("Closed", await b.StateAsync()); // not told: each instance decides alone

        await Redis.RestartAsync();
        await WaitStateAsync(b, "Open", 10_000); // A publishes the open it decided alone
        await using ConnectionMultiplexer admin = await Redis.ConnectAsync();
        Dictionary<string, long> calls = await CommandStats.CallsAsync(admin.GetServer(Redis.Endpoint));
        Output.WriteLine("Redis commands after the restart, until B is Open: " + string.Join(", ", calls.Select(x => x.Key + "=" + x.Value)));
        Assert.False(calls.ContainsKey("incr"), "the failures A counted alone are not added to the fleet's count on reconnect");
    }

    private static async Task AssertAllAsync(FleetProcess[] fleet, string state)
    {
        foreach (FleetProcess p in fleet)
        {
            Assert.Equal(state, await p.StateAsync());
        }
    }

    private static async Task OutcomesAsync(FleetProcess instance, int successes, int failures)
    {
        for (int i = 0; i < successes; i++)
        {
            Assert.Equal("success", await instance.SendAsync("call dep"));
        }

        for (int i = 0; i < failures; i++)
        {
            Assert.Equal("failed", await FailOnceAsync(instance));
        }
    }

    private static async Task<string> FailOnceAsync(FleetProcess instance)
    {
        await instance.SendAsync("mode fail");
        string outcome = await instance.SendAsync("call dep");
        await instance.SendAsync("mode succeed");
        return outcome;
    }

    private async Task<(long Calls, long Failures)> FleetWindowAsync(ConnectionMultiplexer admin)
    {
        long calls = 0, failures = 0;
        foreach (HashEntry entry in await admin.GetDatabase().HashGetAllAsync(FleetName + ":window:dep"))
        {
            string[] parts = ((string)entry.Value!).Split('|');
            calls += long.Parse(parts[0]);
            failures += long.Parse(parts[1]);
        }

        return (calls, failures);
    }
}
