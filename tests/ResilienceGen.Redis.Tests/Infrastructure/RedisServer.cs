using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using StackExchange.Redis;

namespace ResilienceGen.Redis.Tests.Infrastructure;

/// <summary>
/// A redis-server of the test's own on a free 127.0.0.1 port, persistence off; killed, paused and restarted on
/// command (the same port, so the instances' multiplexers reconnect to it).
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    public const string Executable = "/usr/bin/redis-server";
    private Process? _process;

    private RedisServer(int port) => Port = port;

    public int Port { get; }

    public string Endpoint => "127.0.0.1:" + Port;

    public static async Task<RedisServer> StartAsync()
    {
        string exe = File.Exists(Executable) ? Executable : "redis-server";
        var server = new RedisServer(FreePort());
        await server.LaunchAsync(exe);
        return server;
    }

    /// <summary>A connection for the test itself (INFO, garbage, keys); admin commands allowed.</summary>
    public Task<ConnectionMultiplexer> ConnectAsync()
        => ConnectionMultiplexer.ConnectAsync(new ConfigurationOptions { EndPoints = { Endpoint }, AllowAdmin = true, AbortOnConnectFail = false });

    public void Kill() => Signal("KILL");

    public void Pause() => Signal("STOP");

    public void Resume() => Signal("CONT");

    public Task RestartAsync() => LaunchAsync(File.Exists(Executable) ? Executable : "redis-server");

    private async Task LaunchAsync(string exe)
    {
        var start = new ProcessStartInfo(exe)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string arg in new[] { "--port", Port.ToString(), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--protected-mode", "yes" })
        {
            start.ArgumentList.Add(arg);
        }

        try
        {
            _process = Process.Start(start)!;
        }
        catch (Exception ex)
        {
            throw new InvalidOperationException(
                "redis-server could not be started (" + ex.Message + "). Install it: apt-get install -y redis-server (.ci/run does when it is missing).", ex);
        }

        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(10))
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(20);
            }
        }

        throw new InvalidOperationException("redis-server did not listen on " + Endpoint + " within 10 s.");
    }

    private void Signal(string signal)
    {
        if (_process is null || _process.HasExited)
        {
            return;
        }

        using var kill = Process.Start("kill", "-" + signal + " " + _process.Id);
        kill.WaitForExit();
        if (signal == "KILL")
        {
            _process.WaitForExit(5000);
        }
    }

    public ValueTask DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            Resume();
            _process.Kill();
            _process.WaitForExit(5000);
        }

        _process?.Dispose();
        return ValueTask.CompletedTask;
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
