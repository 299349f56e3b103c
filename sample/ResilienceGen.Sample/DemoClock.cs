using System.Diagnostics;

namespace Shop;

/// <summary>Time since the demo started: every output line is stamped with it, so the delays are visible.</summary>
public static class DemoClock
{
    private static readonly Stopwatch Stopwatch = Stopwatch.StartNew();

    /// <summary>Called first thing, so the clock counts the server's start-up too.</summary>
    public static void Start() => Stopwatch.Restart();

    public static TimeSpan Elapsed => Stopwatch.Elapsed;

    public static string Stamp => $"{Elapsed.TotalSeconds,5:0.00}s";
}
