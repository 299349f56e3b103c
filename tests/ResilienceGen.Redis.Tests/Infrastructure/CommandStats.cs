using StackExchange.Redis;

namespace ResilienceGen.Redis.Tests.Infrastructure;

/// <summary>
/// What the real redis-server counted (INFO commandstats), and the one check the happy-path tests make of it:
/// nothing but the background reconciliation reached Redis.
/// </summary>
internal static class CommandStats
{
    /// <summary>Calls per command since the last CONFIG RESETSTAT (<c>cmdstat_evalsha: calls=3,usec=...</c>).</summary>
    public static async Task<Dictionary<string, long>> CallsAsync(IServer server)
    {
        var result = new Dictionary<string, long>();
        foreach (IGrouping<string, KeyValuePair<string, string>> section in await server.InfoAsync("commandstats"))
        {
            foreach (KeyValuePair<string, string> entry in section)
            {
                string name = entry.Key.Replace("cmdstat_", "", StringComparison.Ordinal);
                result[name] = long.Parse(entry.Value.Split(',')[0].Split('=')[1]);
            }
        }

        return result;
    }

    /// <summary>
    /// Reconciliation is one script (EVAL/EVALSHA) per instance per <paramref name="syncMs"/>, and Redis counts the
    /// commands a script runs too (GET of each key it reads, PTTL when a state exists); the client may add its own
    /// keep-alive. Nothing else may appear, and nothing grows with the calls.
    /// </summary>
    public static void AssertOnlyReconciliations(Dictionary<string, long> calls, double seconds, int instances, int syncMs, int readsPerScript)
    {
        long scripts = calls.Where(c => c.Key is "evalsha" or "eval").Sum(c => c.Value);
        long allowed = instances * ((long)Math.Ceiling(seconds * 1000 / syncMs) + 2);
        Assert.True(scripts >= instances, "the reconciliation reads should appear in the count");
        Assert.True(scripts <= allowed, $"{scripts} script calls in {seconds:0.00} s (at most {allowed} reconciliations)");
        long others = calls.Where(c => c.Key is not ("evalsha" or "eval" or "get" or "pttl" or "info" or "config|resetstat" or "config" or "ping" or "echo" or "cluster" or "client|setinfo" or "subscribe")).Sum(c => c.Value);
        Assert.True(others == 0, "commands besides the reconciliation: " + string.Join(", ", calls.Select(c => c.Key + "=" + c.Value)));
        long reads = calls.Where(c => c.Key is "get" or "pttl").Sum(c => c.Value);
        Assert.True(reads <= readsPerScript * scripts, $"{reads} reads inside {scripts} reconciliation scripts (at most {readsPerScript} each)");
        Assert.True(calls.Values.Sum() < 100, "far fewer commands than calls");
    }
}
