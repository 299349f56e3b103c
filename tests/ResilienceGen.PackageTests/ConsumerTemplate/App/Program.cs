using Consumer.App;
using Consumer.Library;
using ResilienceGen;

// Every line printed here is checked by the package tests.
var inventory = new FlakyInventory(failuresBeforeSuccess: 2);
var stock = await inventory.GetStockAsync("sku-1", CancellationToken.None);
Console.WriteLine($"retry: stock={stock} attempts={inventory.Attempts}");

var downstream = new DownstreamService();
for (var call = 1; call <= 3; call++)
{
    try
    {
        await downstream.SendAsync(call, CancellationToken.None);
        Console.WriteLine($"breaker: call {call} succeeded");
    }
    catch (CircuitBreakerOpenException e)
    {
        Console.WriteLine($"breaker: call {call} rejected by {e.BreakerName}");
    }
    catch (InvalidOperationException)
    {
        Console.WriteLine($"breaker: call {call} failed");
    }
}

Console.WriteLine($"breaker: state={Resilience.Breakers["downstream"].State} bodyCalls={downstream.BodyCalls}");
