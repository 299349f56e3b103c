using ResilienceGen.Internal;
using ResilienceGen.Tests.Infrastructure;
using static ResilienceGen.Tests.Keyed.KeyedCalls;

namespace ResilienceGen.Tests.Keyed;

/// <summary>A keyed call whose key was seen before allocates nothing: the lookup is by the key's value.</summary>
public class KeyedAllocationTests : RuntimeTestBase
{
    private static readonly Task<int> s_completed = Task.FromResult(42);

    [Fact]
    public void A_string_key_seen_before_allocates_nothing()
    {
        ResilientMethod method = KeyedMethod(Breaker());
        string[] keys = ["eu.example.com", "us.example.com", "asia.example.com"];
        int i = 0;

        long allocated = Allocations.Measure(() => CallKeyCompleted(method, keys[i++ % keys.Length], s_completed));

        Assert.Equal(0, allocated);
        Assert.Equal(3, Resilience.Breakers.All.Count);
    }

    [Fact]
    public void An_int_key_seen_before_allocates_nothing()
    {
        ResilientMethod method = KeyedMethod(Breaker());
        int i = 0;

        long allocated = Allocations.Measure(() => CallKeyCompleted(method, i++ % 50, s_completed));

        Assert.Equal(0, allocated);
        Assert.Equal(50, Resilience.Breakers.All.Count);
    }

    [Fact]
    public void A_uri_host_key_seen_before_allocates_nothing()
    {
        ResilientMethod method = KeyedMethod(Breaker());
        Uri[] endpoints = [new("https://eu.example.com/stock"), new("https://us.example.com/stock"), new("https://eu.example.com/price")];
        int i = 0;

        // What the generator emits for KeyBy = "endpoint.Host": endpoint?.Host.
        long allocated = Allocations.Measure(() =>
        {
            Uri? endpoint = endpoints[i++ % endpoints.Length];
            CallKeyCompleted(method, endpoint?.Host, s_completed);
        });

        Assert.Equal(0, allocated);
        Assert.Equal(2, Resilience.Breakers.All.Count);
    }

    [Fact]
    public void With_retry_and_overrides_registered_a_key_seen_before_allocates_nothing()
    {
        ResilientMethod method = KeyedMethod(Breaker("keyed-alloc"), retry: Retry());
        Resilience.Breakers.Configure("keyed-alloc", o => o.FailureThreshold = 7);
        Resilience.Breakers.Configure("keyed-alloc/eu", o => o.FailureThreshold = 9);

        long allocated = Allocations.Measure(() => CallKeyCompleted(method, "eu", s_completed));

        Assert.Equal(0, allocated);
        Assert.Equal(9, Resilience.Breakers["keyed-alloc/eu"].Settings.FailureThreshold);
    }
}
