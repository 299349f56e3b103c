using System.Globalization;
using ResilienceGen.Redis.Tests.Infrastructure;
using Xunit.Abstractions;

namespace ResilienceGen.Redis.Tests;

/// <summary>What the fleet shares (API.md §8.1), each instance its own process, a real redis-server.</summary>
public sealed class SharingTests(ITestOutputHelper output) : FleetTestBase(output)
{
    [Fact]
    public async Task An_open_on_one_instance_makes_another_reject_without_calling_the_dependency_within_100_ms_at_p99()
    {
        // Reconciliation every 10 s: within a trial only the channel can carry the news.
        FleetProcess[] fleet = await StartFleetAsync(2, breakMs: 60_000, syncMs: 10_000);
        FleetProcess a = fleet[0], b = fleet[1];
        double frequency = double.Parse(await a.SendAsync("frequency"), CultureInfo.InvariantCulture);
        await a.SendAsync("call dep");
        await b.SendAsync("call dep");

        const int Trials = 100;
        var latencies = new List<double>();
        for (int trial = 0; trial < Trials; trial++)
        {
            Task<string> firstRejection = b.SendAsync("until-rejected dep 10000");
            await Task.Delay(5);
            await OpenLocallyAsync(a);
            string[] rejected = (await firstRejection).Split(' ');
            long openedAt = long.Parse(await a.SendAsync("opened-at dep"), CultureInfo.InvariantCulture);
            latencies.Add((long.Parse(rejected[0], CultureInfo.InvariantCulture) - openedAt) * 1000.0 / frequency);

            // B rejects without calling: its body is not run again while the fleet's break lasts.
            long bodyCalls = await b.BodyCallsAsync();
            Assert.StartsWith("rejected", await b.SendAsync("call dep"));
            Assert.Equal(bodyCalls, await b.BodyCallsAsync());

            await a.SendAsync("reset dep"); // a Reset on one instance closes everywhere
            await WaitStateAsync(b, "Closed", 5000);
        }

        double p50 = Percentile(latencies, 0.50), p99 = Percentile(latencies, 0.99);
        Output.WriteLine($"propagation over {Trials} trials: p50 {Ms(p50)}, p99 {Ms(p99)}, max {Ms(latencies.Max())}");
        Assert.True(p99 <= 100, $"p99 {Ms(p99)} (p50 {Ms(p50)}) is above the 100 ms target");
    }

    [Fact]
    public async Task The_remaining_break_is_the_fleets_and_after_it_one_probe_closes_every_instance()
    {
        FleetProcess[] fleet = await StartFleetAsync(3, breakMs: 1500, syncMs: 200);
        foreach (FleetProcess p in fleet)
        {
            await p.SendAsync("call dep");
        }

        await OpenLocallyAsync(fleet[0]);
        foreach (FleetProcess p in fleet.Skip(1))
        {
            await WaitStateAsync(p, "Open", 2000);
        }

        long[] before = await Task.WhenAll(fleet.Select(p => p.BodyCallsAsync()));
        await Task.Delay(1700); // the break is over on every instance: the first caller gets the lease and probes

        await fleet[1].SendAsync("call dep"); // asks for the lease (rejected, RetryAfter Zero, while it is asked for)
        await Task.Delay(300);
        Assert.Equal("success", await fleet[1].SendAsync("call dep")); // the probe: succeeds, closes the fleet
        foreach (FleetProcess p in fleet)
        {
            await WaitStateAsync(p, "Closed", 3000);
        }

        long[] after = await Task.WhenAll(fleet.Select(p => p.BodyCallsAsync()));
        Assert.Equal(before[0], after[0]);
        Assert.Equal(before[1] + 1, after[1]);
        Assert.Equal(before[2], after[2]);
        await WaitLogAsync(fleet[2], 1200, "FleetDecisionApplied: the close learnt from the fleet");
    }

    [Fact]
    public async Task While_one_instance_holds_the_probe_lease_another_rejects_with_retry_after_zero_and_a_failed_probe_reopens_everywhere()
    {
        FleetProcess[] fleet = await StartFleetAsync(2, breakMs: 1000, syncMs: 200);
        FleetProcess a = fleet[0], b = fleet[1];
        await a.SendAsync("call dep");
        await b.SendAsync("call dep");
        await OpenLocallyAsync(a);
        await WaitStateAsync(b, "Open", 2000);
        await Task.Delay(1200);

        await a.SendAsync("call dep"); // A turns HalfOpen and asks for the lease
        await Task.Delay(300);
        await b.SendAsync("call dep"); // B turns HalfOpen, asks, is refused
        await Task.Delay(300);
        long bodyCalls = await b.BodyCallsAsync();
        Assert.Equal("rejected 0", await b.SendAsync("call dep"));
        Assert.Equal(bodyCalls, await b.BodyCallsAsync());

        await a.SendAsync("mode fail");
        Assert.Equal("failed", await a.SendAsync("call dep")); // A's probe fails: a new break for the fleet
        await a.SendAsync("mode succeed");
        await WaitStateAsync(b, "Open", 2000);
        Assert.StartsWith("rejected", await b.SendAsync("call dep"));
    }

    [Fact]
    public async Task Quorum_2_one_instance_opening_does_not_open_the_others_a_second_does()
    {
        FleetProcess[] fleet = await StartFleetAsync(3, quorum: 2, breakMs: 30_000, syncMs: 200);
        foreach (FleetProcess p in fleet)
        {
            await p.SendAsync("call dep");
        }

        await OpenLocallyAsync(fleet[0]);
        await Task.Delay(1000); // messages and several reconciliations
        Assert.Equal("Closed", await fleet[1].StateAsync());
        Assert.Equal("Closed", await fleet[2].StateAsync());

        await OpenLocallyAsync(fleet[1]);
        await WaitStateAsync(fleet[2], "Open", 2000);
    }

    [Fact]
    public async Task Isolate_on_one_instance_isolates_everywhere_and_Reset_on_another_closes_everywhere()
    {
        FleetProcess[] fleet = await StartFleetAsync(3, syncMs: 200);
        foreach (FleetProcess p in fleet)
        {
            await p.SendAsync("call dep");
        }

        await fleet[0].SendAsync("isolate dep");
        foreach (FleetProcess p in fleet)
        {
            await WaitStateAsync(p, "Isolated", 2000);
        }

        await fleet[1].SendAsync("reset dep");
        foreach (FleetProcess p in fleet)
        {
            await WaitStateAsync(p, "Closed", 2000);
        }

        Assert.Equal("success", await fleet[2].SendAsync("call dep"));
    }

    [Fact]
    public async Task A_keyed_breaker_name_is_shared_like_any_other_and_apart_from_its_base_name()
    {
        FleetProcess[] fleet = await StartFleetAsync(2);
        foreach (FleetProcess p in fleet)
        {
            await p.SendAsync("call dep");
            await p.SendAsync("call dep/eu.example.com");
        }

        await OpenLocallyAsync(fleet[0], "dep/eu.example.com");
        await WaitStateAsync(fleet[1], "Open", 2000, "dep/eu.example.com");
        Assert.Equal("Closed", await fleet[1].StateAsync("dep"));
    }

    [Fact]
    public async Task An_instance_that_starts_while_the_fleet_is_open_learns_it_when_its_breaker_is_created()
    {
        FleetProcess[] first = await StartFleetAsync(1, breakMs: 30_000, syncMs: 200);
        await first[0].SendAsync("call dep");
        await OpenLocallyAsync(first[0]);

        FleetProcess late = (await StartFleetAsync(1, breakMs: 30_000, syncMs: 200))[0];
        await late.SendAsync("call dep"); // creates the breaker (this one call still runs: the fleet is read in the background)
        await WaitStateAsync(late, "Open", 2000);
        long bodyCalls = await late.BodyCallsAsync();
        Assert.StartsWith("rejected", await late.SendAsync("call dep"));
        Assert.Equal(bodyCalls, await late.BodyCallsAsync());
    }
}
