// The ResilienceGen sample: a real flaky HTTP service on Kestrel, called through a generated retry + breaker wrapper.
// Run it from the repository root: dotnet run --project sample/ResilienceGen.Sample
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using ResilienceGen;
using Shop;

DemoClock.Start();
var loggerFactory = LoggerFactory.Create(logging => logging
    .SetMinimumLevel(LogLevel.Information)
    .AddConsole(console => console.FormatterName = CompactConsoleFormatter.FormatterName)
    .AddConsoleFormatter<CompactConsoleFormatter, ConsoleFormatterOptions>());
var story = loggerFactory.CreateLogger(CompactConsoleFormatter.StoryCategory);
using var counters = new ResilienceCounters();

await using var service = await FlakyInventoryService.StartAsync();
using var http = new HttpClient { BaseAddress = service.BaseAddress };
var client = new InventoryClient(http, loggerFactory.CreateLogger<InventoryClient>());
var calls = new StockCalls(client, service, story);

// One plain request first, so the first call's time shows the call rather than JIT and connection setup.
(await http.GetAsync("stock/warm-up")).Dispose();

// Everything goes through the one console logger, so lines come out in the order things happened.
story.LogInformation("Flaky inventory service on {Address} (Kestrel, in this process)", service.BaseAddress);
story.LogInformation(
    "GetStockAsync: retry 3x, backoff 50/100/200 ms; breaker '{Breaker}' opens after 5 straight failures, for {BreakMs} ms",
    InventoryClient.BreakerName, InventoryClient.BreakDurationMs);

story.LogInformation("1. Transient failures: the service fails its requests #2, #4 and #5");
service.FailRequests(2, 4, 5);
for (var i = 1; i <= 3; i++)
{
    await calls.GetStockAsync($"sku-{i}");
}

story.LogInformation("2. The service goes down: retries run out, the breaker opens, calls fail fast");
service.GoDown();
for (var i = 4; i <= 7; i++)
{
    await calls.GetStockAsync($"sku-{i}");
}

story.LogInformation("3. The service comes back: the breaker stays open until its break ends, then a probe closes it");
service.ComeBack();
await calls.GetStockAsync("sku-8");
story.LogInformation("waiting {WaitMs:0} ms for the break to end", calls.LastRetryAfter.TotalMilliseconds);
await Task.Delay(calls.LastRetryAfter + TimeSpan.FromMilliseconds(20));
await calls.GetStockAsync("sku-9");
await calls.GetStockAsync("sku-10");

var breakerState = Resilience.Breakers[InventoryClient.BreakerName].State;
var elapsed = DemoClock.Elapsed;
loggerFactory.Dispose(); // flushes the console logger before the summary is printed

Console.WriteLine();
Console.WriteLine("  calls  successes  failures  retries  rejections  breaker   time");
Console.WriteLine($"  {calls.Calls,5}  {calls.Successes,9}  {calls.Failures,8}  {counters.Retries,7}  {counters.Rejections,10}  {breakerState,-8}  {elapsed.TotalSeconds:0.0} s");
Console.WriteLine();
Console.WriteLine("Generated code (EmitCompilerGeneratedFiles):");
foreach (var file in GeneratedFiles.OfThisSample())
{
    Console.WriteLine($"  {file}");
}

// The story above must have happened; if the runtime did not behave, say so and fail.
var expected = calls.Successes == 5 && calls.Failures == 1 && calls.Rejections == 4 && breakerState == CircuitState.Closed;
if (!expected)
{
    Console.WriteLine("Unexpected: the calls did not go as the story says (expected 5 successes, 1 failure, 4 rejections, breaker Closed).");
}

return expected ? 0 : 1;
