using System.Diagnostics;
using System.Reflection;
using System.Text;

namespace ResilienceGen.Redis.Tests.Infrastructure;

/// <summary>One fleet instance: a separate OS process (tests/ResilienceGen.FleetInstance), one command per line.</summary>
public sealed class FleetProcess : IAsyncDisposable
{
    private static readonly string s_dll = typeof(FleetProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "FleetInstanceDll").Value!;

    private readonly Process _process;
    private readonly StringBuilder _log = new();
    private readonly SemaphoreSlim _gate = new(1, 1);
    private int _disposed;

    private FleetProcess(Process process, string name)
    {
        _process = process;
        Name = name;
    }

    public string Name { get; }

    public int Pid => _process.Id;

    /// <summary>What the instance logged so far (stderr).</summary>
    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    public static FleetProcess Start(string name)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(s_dll);
        var process = Process.Start(start)!;
        var fleet = new FleetProcess(process, name);
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data != null)
            {
                lock (fleet._log)
                {
                    fleet._log.AppendLine(e.Data);
                }
            }
        };
        process.BeginErrorReadLine();
        return fleet;
    }

    /// <summary>Starts <paramref name="count"/> instances and joins each to the fleet with its breakers configured.</summary>
    public static async Task<FleetProcess[]> StartFleetAsync(int count, RedisServer redis, string fleet, int quorum = 1, int syncMs = 1000,
        int failureThreshold = 3, int breakMs = 5000, int halfOpenMax = 1, int successThreshold = 1, bool countFleetWide = false)
    {
        var instances = Enumerable.Range(0, count).Select(i => Start(((char)('A' + i)).ToString())).ToArray();
        await Task.WhenAll(instances.Select(async p =>
        {
            await p.SendAsync($"join {redis.Endpoint} {fleet} {quorum} {syncMs}" + (countFleetWide ? " count" : ""));
            foreach (string breaker in new[] { "dep", "dep/eu.example.com" })
            {
                await p.SendAsync($"config {breaker} {failureThreshold} {breakMs} {halfOpenMax} {successThreshold}");
            }
        }));
        return instances;
    }

    /// <summary>Sends one command; returns the answer after "ok" (throws on "err" or when the process is gone).</summary>
    public async Task<string> SendAsync(string command, int timeoutMs = 60_000)
    {
        string line = await SendRawAsync(command, timeoutMs);
        if (!line.StartsWith("ok", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"instance {Name}: '{command}' answered '{line}'. Its log:\n{Log}");
        }

        return line.Length > 3 ? line.Substring(3) : string.Empty;
    }

    public async Task<string> SendRawAsync(string command, int timeoutMs = 60_000)
    {
        await _gate.WaitAsync();
        try
        {
            await _process.StandardInput.WriteLineAsync(command);
            await _process.StandardInput.FlushAsync();
            Task<string?> read = _process.StandardOutput.ReadLineAsync();
            if (await Task.WhenAny(read, Task.Delay(timeoutMs)) != read)
            {
                throw new TimeoutException($"instance {Name}: no answer to '{command}' in {timeoutMs} ms. Its log:\n{Log}");
            }

            return await read ?? throw new InvalidOperationException($"instance {Name} exited during '{command}'. Its log:\n{Log}");
        }
        finally
        {
            _gate.Release();
        }
    }

    public Task<string> StateAsync(string breaker = "dep") => SendAsync("state " + breaker);

    /// <summary>The breaker's own counts: (calls, failures); consecutive mode both are the consecutive-failure count.</summary>
    public async Task<(long Calls, long Failures)> CountsAsync(string breaker = "dep")
    {
        string[] parts = (await SendAsync("counts " + breaker)).Split(' ');
        return (long.Parse(parts[0]), long.Parse(parts[1]));
    }

    public async Task<long> BodyCallsAsync() => long.Parse(Stat(await SendAsync("stats"), "bodyCalls"));

    public static string Stat(string stats, string name)
        => stats.Split(' ').Single(s => s.StartsWith(name + "=", StringComparison.Ordinal)).Substring(name.Length + 1);

    /// <summary>Kills the process at once (SIGKILL): no goodbye to the fleet.</summary>
    public void Kill()
    {
        if (Volatile.Read(ref _disposed) == 0 && !_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit(5000);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        if (!_process.HasExited)
        {
            try
            {
                await SendRawAsync("exit", 10_000);
                _process.WaitForExit(5000);
            }
            catch (Exception)
            {
                // already gone or stuck: killed below
            }

            Kill();
        }

        _process.Dispose();
    }
}
