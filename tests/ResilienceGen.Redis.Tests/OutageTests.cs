using System.Diagnostics;
using ResilienceGen.Redis.Tests.Infrastructure;
using Xunit.Abstractions;

namespace ResilienceGen.Redis.Tests;

/// <summary>
/// Five instance processes under load against a real Kestrel dependency that dies. The figures are for a
/// 30 s outage with BreakDurationMs = 5000; the test scales them down (10 s, 2000 ms: the same five breaks) unless
/// RESILIENCEGEN_FLEET_FULL=1.
/// </summary>
public sealed class OutageTests(ITestOutputHelper output) : FleetTestBase(output)
{
    private static readonly bool s_full = Environment.GetEnvironmentVariable("RESILIENCEGEN_FLEET_FULL") == "1";

    [Fact]
    public async Task Five_instances_send_fewer_requests_to_a_dead_dependency_with_the_fleet_than_without()
    {
        int outageMs = s_full ? 30_000 : 10_000, breakMs = s_full ? 5000 : 2000;
        (long alone, int aloneMaxInFlight) = await RunOutageAsync(withFleet: false, outageMs, breakMs, "alone");
        (long shared, int sharedMaxInFlight) = await RunOutageAsync(withFleet: true, outageMs, breakMs, "fleet");
        Output.WriteLine($"5 instances, {outageMs / 1000} s outage, BreakDurationMs {breakMs}: requests reaching the dead dependency "
                         + $"without the fleet {alone} (most in flight at once after every instance opened: {aloneMaxInFlight}), "
                         + $"with the fleet {shared} ({sharedMaxInFlight})");
        Assert.True(shared < alone, $"with the fleet {shared}, without {alone}");
        Assert.True(sharedMaxInFlight <= 1, $"{sharedMaxInFlight} probes at once with the fleet (HalfOpenMaxCalls 1)");
    }

    [Fact]
    public async Task Probes_stay_within_HalfOpenMaxCalls_fleet_wide_across_20_outages()
    {
        const int HalfOpenMaxCalls = 2;
        await using FlakyDependency dependency = await FlakyDependency.StartAsync();
        FleetProcess[] fleet = await StartFleetAsync(5, syncMs: 200, failureThreshold: 3, breakMs: 500, halfOpenMax: HalfOpenMaxCalls);
        await StartLoadAsync(fleet, dependency);

        var maxima = new List<int>();
        long probesTotal = 0;
        for (int repetition = 0; repetition < 20; repetition++)
        {
            dependency.Down = true;
            await Task.WhenAll(fleet.Select(p => WaitNotClosedAsync(p)));
            await Task.Delay(dependency.DownLatency * 2); // the requests sent while Closed finish (well before the break ends)
            dependency.ResetMaxInFlight();
            long before = dependency.RequestsWhileDown;
            await Task.Delay(2000); // four breaks: each ends in probes that fail and reopen the fleet
            maxima.Add(dependency.MaxInFlight);
            probesTotal += dependency.RequestsWhileDown - before;
            dependency.Down = false;
            await Task.WhenAll(fleet.Select(p => WaitStateAsync(p, "Closed", 10_000)));
        }

        await StopLoadAsync(fleet);
        int outages = fleet.Sum(p => p.Log.Split('\n').Count(l => l.Contains("[1201]", StringComparison.Ordinal)));
        Output.WriteLine($"Redis seen unreachable (FleetUnreachable logged) {outages} times");
        Output.WriteLine($"20 outages, 5 instances, HalfOpenMaxCalls {HalfOpenMaxCalls}: most probes in flight at once per outage "
                         + string.Join(",", maxima) + $"; {probesTotal} requests reached the dead dependency after every instance had opened");
        Assert.All(maxima, m => Assert.True(m <= HalfOpenMaxCalls, $"{m} probes in flight at once"));
        Assert.Contains(maxima, m => m >= 1);
    }

    private async Task<(long Requests, int MaxInFlight)> RunOutageAsync(bool withFleet, int outageMs, int breakMs, string label)
    {
        await using FlakyDependency dependency = await FlakyDependency.StartAsync();
        FleetProcess[] fleet = withFleet
            ? await StartFleetAsync(5, syncMs: 1000, failureThreshold: 5, breakMs: breakMs)
            : await StartAloneAsync(5, failureThreshold: 5, breakMs: breakMs);
        await StartLoadAsync(fleet, dependency);
        await Task.Delay(1000);

        dependency.Down = true;
        var outage = Stopwatch.StartNew();
        await Task.WhenAll(fleet.Select(p => WaitNotClosedAsync(p)));
        await Task.Delay(dependency.DownLatency * 2);
        dependency.ResetMaxInFlight();
        long discovery = dependency.RequestsWhileDown;
        await Task.Delay(TimeSpan.FromMilliseconds(Math.Max(0, outageMs - outage.ElapsedMilliseconds)));
        long requests = dependency.RequestsWhileDown;
        int maxInFlight = dependency.MaxInFlight;
        dependency.Down = false;
        await Task.WhenAll(fleet.Select(p => WaitStateAsync(p, "Closed", 2 * breakMs + 5000)));
        await StopLoadAsync(fleet);
        foreach (FleetProcess p in fleet)
        {
            await p.DisposeAsync();
        }

        Output.WriteLine($"{label}: {requests} requests reached the dead dependency: {discovery} until every instance had opened, {requests - discovery} after (probes)");
        return (requests, maxInFlight);
    }

    private async Task<FleetProcess[]> StartAloneAsync(int count, int failureThreshold, int breakMs)
    {
        var instances = Enumerable.Range(0, count).Select(i => Track(FleetProcess.Start("alone" + i))).ToArray();
        foreach (FleetProcess p in instances)
        {
            await p.SendAsync($"config dep {failureThreshold} {breakMs} 1 1");
        }

        return instances;
    }

    private static async Task StartLoadAsync(FleetProcess[] fleet, FlakyDependency dependency)
    {
        foreach (FleetProcess p in fleet)
        {
            await p.SendAsync("mode http " + dependency.BaseAddress);
            await p.SendAsync("load-start dep 2 10");
        }
    }

    private static async Task StopLoadAsync(FleetProcess[] fleet)
    {
        foreach (FleetProcess p in fleet)
        {
            await p.SendAsync("load-stop");
        }
    }

    private static async Task WaitNotClosedAsync(FleetProcess instance)
    {
        var stopwatch = Stopwatch.StartNew();
        while (await instance.StateAsync() == "Closed")
        {
            Assert.True(stopwatch.ElapsedMilliseconds < 10_000, $"instance {instance.Name} never opened");
            await Task.Delay(5);
        }
    }
}
