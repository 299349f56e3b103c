// The ResilienceGen web sample: an ASP.NET Core minimal API in front of a flaky inventory service.
// Run it from the repository root: dotnet run --project sample/ResilienceGen.WebSample  (--Port 5080 for a fixed port)
using Shop;

await using var app = await StockApp.StartAsync(args);
Console.WriteLine($"ResilienceGen web sample on {app.Address} (inventory service on {app.Dependency.BaseAddress}). Try:");
Console.WriteLine($"  curl {app.Address}stock/sku-1");
Console.WriteLine($"  curl -X POST {app.Address}dependency/down     (then /stock a few times, and /health)");
Console.WriteLine($"  curl -X POST {app.Address}dependency/up");
Console.WriteLine($"  curl {app.Address}health");
Console.WriteLine($"  curl {app.Address}metrics");
Console.WriteLine("Ctrl+C stops it.");
await app.WaitForShutdownAsync();
