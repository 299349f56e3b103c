using Consumer.Aot;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Time.Testing;
using ResilienceGen;
using ResilienceGen.Configuration;

// Run as a native executable; every line printed here is checked, in order, by the package tests.
var clock = new FakeTimeProvider();
Resilience.TimeProvider = clock;

var recovering = new Inventory(failuresBeforeSuccess: 2);
var stock = await recovering.GetStockAsync("sku-1", CancellationToken.None);
Console.WriteLine($"retry: stock={stock} attempts={recovering.Attempts} onRetry={string.Join(",", recovering.RetriedAttempts)}");

var failing = new Inventory(failuresBeforeSuccess: int.MaxValue);
try
{
    await failing.GetStockAsync("sku-2", CancellationToken.None);
}
catch (TimeoutException e)
{
    Console.WriteLine($"exhausted: attempts={failing.Attempts} sameInstance={ReferenceEquals(e, failing.LastFailure)}");
}

// Runtime override: five retries instead of the declared three, so four failures are absorbed.
Resilience.Methods.ConfigureRetry("Consumer.Aot.Inventory.GetStockAsync", options => options.MaxRetries = 5);
var overridden = new Inventory(failuresBeforeSuccess: 4);
Console.WriteLine($"override: stock={await overridden.GetStockAsync("sku-3", CancellationToken.None)} attempts={overridden.Attempts}");
Resilience.Methods.RemoveRetryOverride("Consumer.Aot.Inventory.GetStockAsync");

var downstream = new Downstream();
var breaker = Resilience.Breakers.GetOrAdd("aot-downstream", new CircuitBreakerOptions { FailureThreshold = 2, BreakDurationMs = 30_000 });
breaker.StateChanged += (_, e) => Console.WriteLine($"breaker: {e.From} -> {e.To}");
for (var call = 1; call <= 3; call++)
{
    try
    {
        await downstream.SendAsync(call, CancellationToken.None);
    }
    catch (CircuitBreakerOpenException e)
    {
        Console.WriteLine($"breaker: call {call} rejected by {e.BreakerName}, retry after {e.RetryAfter.TotalSeconds} s");
    }
    catch (InvalidOperationException)
    {
        Console.WriteLine($"breaker: call {call} failed");
    }
}

Console.WriteLine($"breaker: state={breaker.State} bodyCalls={downstream.BodyCalls}");
clock.Advance(TimeSpan.FromSeconds(30));
downstream.IsUp = true;
Console.WriteLine($"breaker: probe {await downstream.SendAsync(4, CancellationToken.None)}, state={breaker.State}");

var quotes = new Quotes();
Console.WriteLine($"fallback: {await quotes.GetQuoteAsync("ACME", CancellationToken.None)} attempts={quotes.Attempts}");

// Configuration from an in-memory source: no retries for the quotes, so the fallback answers after one attempt.
var configuration = new ConfigurationBuilder()
    .AddInMemoryCollection(new Dictionary<string, string?> { ["ResilienceGen:Methods:Consumer.Aot.Quotes.GetQuoteAsync:MaxRetries"] = "0" })
    .Build();
using (configuration.BindResilienceGen(error => Console.WriteLine($"configuration: rejected {error}")))
{
    var configured = new Quotes();
    Console.WriteLine($"configuration: {await configured.GetQuoteAsync("ACME", CancellationToken.None)} attempts={configured.Attempts}");
}
await Consumer.Aot.HostStory.RunAsync();
