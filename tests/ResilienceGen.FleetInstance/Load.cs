using System.Diagnostics;
using System.Globalization;
using ResilienceGen;

namespace ResilienceGen.FleetInstance;

/// <summary>Calls in a loop on a few workers until stopped, timing every call.</summary>
public sealed class Load
{
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task<List<(long Ticks, int Outcome)>>> _workers = new();

    public static Load Start(Func<Task> call, int concurrency, int pauseMs)
    {
        var load = new Load();
        for (int i = 0; i < concurrency; i++)
        {
            load._workers.Add(Task.Run(() => load.RunAsync(call, pauseMs)));
        }

        return load;
    }

    private async Task<List<(long, int)>> RunAsync(Func<Task> call, int pauseMs)
    {
        var samples = new List<(long, int)>();
        while (!_stop.IsCancellationRequested)
        {
            long start = Stopwatch.GetTimestamp();
            int outcome;
            try
            {
                await call();
                outcome = 0;
            }
            catch (CircuitBreakerOpenException)
            {
                outcome = 1;
            }
            catch (Exception)
            {
                outcome = 2;
            }

            samples.Add((Stopwatch.GetTimestamp() - start, outcome));
            if (pauseMs > 0)
            {
                await Task.Delay(pauseMs);
            }
            else
            {
                await Task.Yield();
            }
        }

        return samples;
    }

    /// <summary>Stops and sums up: calls success rejected failed p50us p99us maxus.</summary>
    public async Task<string> StopAsync()
    {
        _stop.Cancel();
        var all = new List<(long Ticks, int Outcome)>();
        foreach (var worker in _workers)
        {
            all.AddRange(await worker);
        }

        long[] ticks = all.Select(s => s.Ticks).OrderBy(t => t).ToArray();
        double us(long t) => t * 1_000_000.0 / Stopwatch.Frequency;
        string at(double q) => ticks.Length == 0 ? "0" : ((long)us(ticks[Math.Min(ticks.Length - 1, (int)(q * ticks.Length))])).ToString(CultureInfo.InvariantCulture);
        return string.Join(' ',
            all.Count, all.Count(s => s.Outcome == 0), all.Count(s => s.Outcome == 1), all.Count(s => s.Outcome == 2),
            at(0.50), at(0.99), ticks.Length == 0 ? "0" : ((long)us(ticks[^1])).ToString(CultureInfo.InvariantCulture));
    }
}
