// A fleet instance under test control. Commands, one per stdin line; each gets exactly one stdout line, starting
// with "ok" or "err". Logs go to stderr. Breakers: "dep" and "dep/eu.example.com".
//   join <host:port> <fleet> <quorum> <syncMs> [count] -> ok <instanceId>   (count: CountFailuresFleetWide)
//   config-ratio <breaker> <ratio> <minimumThroughput> <samplingMs> <breakMs>
//   counts <breaker>                                -> ok <calls> <failures> (the breaker's own counts)
//   leave | config <breaker> <failureThreshold> <breakMs> <halfOpenMax> <successThreshold>
//   mode succeed|fail | mode http <baseUrl>
//   call <breaker>                                  -> ok success|rejected <retryAfterMs>|failed
//   state <breaker> | waitstate <breaker> <State> <timeoutMs> -> ok <elapsedMs>
//   isolate <breaker> | reset <breaker>
//   until-rejected <breaker> <timeoutMs>            -> ok <timestamp of the first rejection> <body calls meanwhile>
//   opened-at <breaker>                             -> ok <timestamp of its last transition to Open>
//   load-start <breaker> <concurrency> <pauseMs> | load-stop -> ok <calls> <success> <rejected> <failed> <p50us> <p99us> <maxus>
//   repeat <breaker> <n>                            -> ok <calls that threw>
//   stats -> ok bodyCalls=.. invalid=.. localTransitions=.. fleetTransitions=.. reachable=..
//   exit
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using Microsoft.Extensions.Logging;
using ResilienceGen;
using ResilienceGen.FleetInstance;
using ResilienceGen.Redis;
using StackExchange.Redis;

using ILoggerFactory loggerFactory = LoggerFactory.Create(logging => logging
    .SetMinimumLevel(LogLevel.Information)
    .AddSimpleConsole(o => { o.SingleLine = true; o.TimestampFormat = "HH:mm:ss.fff "; })
    .AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace));
Resilience.LoggerFactory = loggerFactory;

using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
var client = new DependencyClient(http);
var openedAt = new ConcurrentDictionary<string, long>();
long invalid = 0, localTransitions = 0, fleetTransitions = 0;

using var listener = new MeterListener();
listener.InstrumentPublished = (instrument, l) =>
{
    if (instrument.Meter.Name == "ResilienceGen"
        && instrument.Name is "resiliencegen.fleet.invalid_messages" or "resiliencegen.breaker.transitions")
    {
        l.EnableMeasurementEvents(instrument);
    }
};
listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
{
    if (instrument.Name == "resiliencegen.fleet.invalid_messages")
    {
        Interlocked.Add(ref invalid, value);
        return;
    }

    foreach (KeyValuePair<string, object?> tag in tags)
    {
        if (tag.Key == "source")
        {
            if ((string?)tag.Value == "fleet") Interlocked.Add(ref fleetTransitions, value);
            else Interlocked.Add(ref localTransitions, value);
        }
    }
});
listener.Start();

IConnectionMultiplexer? redis = null;
BreakerFleet? fleet = null;
Load? load = null;
var hooked = new HashSet<string>();

void Hook(string name)
{
    if (hooked.Contains(name) || !Resilience.Breakers.TryGet(name, out CircuitBreaker breaker)) return;
    hooked.Add(name);
    breaker.StateChanged += (_, e) =>
    {
        if (e.To == CircuitState.Open) openedAt[e.BreakerName] = Clock.Now;
    };
}

async Task<string> Call(string breaker)
{
    try
    {
        await client.InvokeAsync(breaker);
        return "ok success";
    }
    catch (CircuitBreakerOpenException ex)
    {
        return "ok rejected " + ((long)Math.Min(ex.RetryAfter.TotalMilliseconds, long.MaxValue / 2)).ToString(CultureInfo.InvariantCulture);
    }
    catch (Exception)
    {
        return "ok failed";
    }
    finally
    {
        Hook(breaker);
    }
}

string? line;
while ((line = Console.ReadLine()) != null)
{
    string[] a = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
    if (a.Length == 0) continue;
    string reply;
    try
    {
        switch (a[0])
        {
            case "join":
                var config = ConfigurationOptions.Parse(a[1]);
                config.AbortOnConnectFail = false;
                config.ConnectTimeout = 2000;
                config.AsyncTimeout = 2000;
                config.SyncTimeout = 2000;
                config.ReconnectRetryPolicy = new LinearRetry(250); // the fault tests restart Redis: reconnect soon
                redis = await ConnectionMultiplexer.ConnectAsync(config);
                fleet = await BreakerFleet.JoinAsync(redis, new BreakerFleetOptions
                {
                    Fleet = a[2],
                    Quorum = int.Parse(a[3], CultureInfo.InvariantCulture),
                    SyncIntervalMs = int.Parse(a[4], CultureInfo.InvariantCulture),
                    CountFailuresFleetWide = a.Length > 5 && a[5] == "count",
                });
                reply = "ok " + fleet.InstanceId;
                break;
            case "leave":
                if (fleet != null) await fleet.DisposeAsync();
                fleet = null;
                reply = "ok";
                break;
            case "config":
                int threshold = int.Parse(a[2], CultureInfo.InvariantCulture), breakMs = int.Parse(a[3], CultureInfo.InvariantCulture);
                int halfOpen = int.Parse(a[4], CultureInfo.InvariantCulture), success = int.Parse(a[5], CultureInfo.InvariantCulture);
                Resilience.Breakers.Configure(a[1], o =>
                {
                    o.FailureThreshold = threshold;
                    o.BreakDurationMs = breakMs;
                    o.HalfOpenMaxCalls = halfOpen;
                    o.SuccessThreshold = success;
                });
                reply = "ok";
                break;
            case "config-ratio":
                double ratio = double.Parse(a[2], CultureInfo.InvariantCulture);
                int minimum = int.Parse(a[3], CultureInfo.InvariantCulture), sampling = int.Parse(a[4], CultureInfo.InvariantCulture);
                int ratioBreakMs = int.Parse(a[5], CultureInfo.InvariantCulture);
                Resilience.Breakers.Configure(a[1], o =>
                {
                    o.FailureRatio = ratio;
                    o.MinimumThroughput = minimum;
                    o.SamplingDurationMs = sampling;
                    o.BreakDurationMs = ratioBreakMs;
                });
                reply = "ok";
                break;
            case "counts":
                if (Resilience.Breakers.TryGet(a[1], out CircuitBreaker counted))
                {
                    counted.ReadCounts(out long countedCalls, out long countedFailures);
                    reply = "ok " + countedCalls.ToString(CultureInfo.InvariantCulture) + " " + countedFailures.ToString(CultureInfo.InvariantCulture);
                }
                else
                {
                    reply = "ok 0 0";
                }

                break;
            case "mode":
                client.Mode = a[1] switch { "succeed" => BodyMode.Succeed, "fail" => BodyMode.Fail, _ => BodyMode.Http };
                if (client.Mode == BodyMode.Http) client.Target = new Uri(a[2]);
                reply = "ok";
                break;
            case "call":
                reply = await Call(a[1]);
                break;
            case "state":
                reply = "ok " + (Resilience.Breakers.TryGet(a[1], out CircuitBreaker b) ? b.State.ToString() : "None");
                break;
            case "waitstate":
            {
                var sw = Stopwatch.StartNew();
                long timeout = long.Parse(a[3], CultureInfo.InvariantCulture);
                reply = "err timeout";
                while (sw.ElapsedMilliseconds < timeout)
                {
                    if (Resilience.Breakers.TryGet(a[1], out CircuitBreaker w) && w.State.ToString() == a[2])
                    {
                        reply = "ok " + sw.ElapsedMilliseconds.ToString(CultureInfo.InvariantCulture);
                        break;
                    }

                    await Task.Delay(2);
                }

                break;
            }
            case "isolate":
                Resilience.Breakers[a[1]].Isolate();
                reply = "ok";
                break;
            case "reset":
                Resilience.Breakers[a[1]].Reset();
                reply = "ok";
                break;
            case "until-rejected":
            {
                var sw = Stopwatch.StartNew();
                long timeout = long.Parse(a[2], CultureInfo.InvariantCulture);
                long before = client.BodyCalls;
                reply = "err timeout";
                while (sw.ElapsedMilliseconds < timeout)
                {
                    string r = await Call(a[1]);
                    if (r.StartsWith("ok rejected", StringComparison.Ordinal))
                    {
                        reply = "ok " + Clock.Now.ToString(CultureInfo.InvariantCulture) + " " + (client.BodyCalls - before).ToString(CultureInfo.InvariantCulture);
                        break;
                    }

                    await Task.Delay(1); // about a call per millisecond: leaves the cores to the fleet's threads
                }

                break;
            }
            case "repeat":
            {
                int n = int.Parse(a[2], CultureInfo.InvariantCulture), failures = 0;
                for (int i = 0; i < n; i++)
                {
                    try
                    {
                        await client.InvokeAsync(a[1]);
                    }
                    catch (Exception)
                    {
                        failures++;
                    }
                }

                reply = "ok " + failures.ToString(CultureInfo.InvariantCulture);
                break;
            }
            case "opened-at":
                reply = openedAt.TryGetValue(a[1], out long ts) ? "ok " + ts.ToString(CultureInfo.InvariantCulture) : "err never opened";
                break;
            case "load-start":
                load = Load.Start(() => client.InvokeAsync(a[1]), int.Parse(a[2], CultureInfo.InvariantCulture), int.Parse(a[3], CultureInfo.InvariantCulture));
                reply = "ok";
                break;
            case "load-stop":
                reply = "ok " + (await load!.StopAsync());
                load = null;
                break;
            case "frequency":
                reply = "ok " + Stopwatch.Frequency.ToString(CultureInfo.InvariantCulture);
                break;
            case "stats":
                reply = "ok bodyCalls=" + client.BodyCalls + " invalid=" + Interlocked.Read(ref invalid)
                        + " localTransitions=" + Interlocked.Read(ref localTransitions) + " fleetTransitions=" + Interlocked.Read(ref fleetTransitions)
                        + " reachable=" + (fleet?.IsReachable ?? false);
                break;
            case "exit":
                if (fleet != null) await fleet.DisposeAsync();
                Console.WriteLine("ok");
                return 0;
            default:
                reply = "err unknown command " + a[0];
                break;
        }
    }
    catch (Exception ex)
    {
        reply = "err " + ex.GetType().Name + ": " + ex.Message.Replace('\n', ' ');
    }

    Console.WriteLine(reply);
}

return 0;
