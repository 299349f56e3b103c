using System.Globalization;
using Xunit.Abstractions;

namespace ResilienceGen.Redis.Tests.Infrastructure;

/// <summary>Each test gets its own redis-server and fleet name; the processes it starts are stopped after it.</summary>
public abstract class FleetTestBase(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly List<FleetProcess> _processes = new();

    protected ITestOutputHelper Output { get; } = output;

    protected RedisServer Redis { get; private set; } = null!;

    protected string FleetName { get; } = "rgtest-" + Guid.NewGuid().ToString("N").Substring(0, 8);

    public async Task InitializeAsync() => Redis = await RedisServer.StartAsync();

    public async Task DisposeAsync()
    {
        await Task.WhenAll(_processes.Select(p => p.DisposeAsync().AsTask()));
        await Redis.DisposeAsync();
    }

    protected async Task<FleetProcess[]> StartFleetAsync(int count, int quorum = 1, int syncMs = 1000, int failureThreshold = 3,
        int breakMs = 5000, int halfOpenMax = 1, int successThreshold = 1, bool countFleetWide = false)
    {
        FleetProcess[] fleet = await FleetProcess.StartFleetAsync(count, Redis, FleetName, quorum, syncMs, failureThreshold, breakMs, halfOpenMax, successThreshold, countFleetWide);
        _processes.AddRange(fleet);
        return fleet;
    }

    /// <summary>Stops the process with the test's others.</summary>
    protected FleetProcess Track(FleetProcess process)
    {
        _processes.Add(process);
        return process;
    }

    /// <summary>Makes <paramref name="instance"/> open its breaker by failing calls.</summary>
    protected static async Task OpenLocallyAsync(FleetProcess instance, string breaker = "dep", int failures = 3)
    {
        await instance.SendAsync("mode fail");
        for (int i = 0; i < failures; i++)
        {
            await instance.SendAsync("call " + breaker);
        }

        await instance.SendAsync("mode succeed");
        Assert.Equal("Open", await instance.StateAsync(breaker));
    }

    /// <summary>Polls <paramref name="condition"/> until true; fails with <paramref name="what"/> after the timeout.</summary>
    protected static async Task WaitUntilAsync(Func<Task<bool>> condition, int timeoutMs, string what)
    {
        var stopwatch = System.Diagnostics.Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(stopwatch.ElapsedMilliseconds < timeoutMs, what + " (not within " + timeoutMs + " ms)");
            await Task.Delay(5);
        }
    }

    /// <summary>
    /// Waits until <paramref name="instance"/> has logged the event <paramref name="eventId"/>. The console logger
    /// writes from its own queue and stderr reaches the test through a pipe, so a line can trail the call that caused
    /// it by a few milliseconds: asserting on the log at once is a race (CI lost it once).
    /// </summary>
    protected static Task WaitLogAsync(FleetProcess instance, int eventId, string what, int timeoutMs = 5000)
    {
        string id = "[" + eventId.ToString(CultureInfo.InvariantCulture) + "]";
        return WaitUntilAsync(() => Task.FromResult(instance.Log.Contains(id, StringComparison.Ordinal)), timeoutMs,
            $"instance {instance.Name} logs {id} {what}");
    }

    protected static async Task WaitStateAsync(FleetProcess instance, string state, int timeoutMs, string breaker = "dep")
        => await instance.SendAsync($"waitstate {breaker} {state} {timeoutMs}", timeoutMs + 10_000);

    protected static double Percentile(IReadOnlyList<double> values, double q)
    {
        double[] sorted = values.OrderBy(v => v).ToArray();
        return sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
    }

    protected static string Ms(double value) => value.ToString("0.0", CultureInfo.InvariantCulture) + " ms";

    /// <summary>The summary line of a load-stop: calls success rejected failed p50us p99us maxus.</summary>
    protected sealed record LoadSummary(long Calls, long Success, long Rejected, long Failed, long P50Us, long P99Us, long MaxUs)
    {
        public static LoadSummary Parse(string line)
        {
            long[] v = line.Split(' ').Select(x => long.Parse(x, CultureInfo.InvariantCulture)).ToArray();
            return new LoadSummary(v[0], v[1], v[2], v[3], v[4], v[5], v[6]);
        }
    }
}
