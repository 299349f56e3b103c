using ResilienceGen.Configuration.Tests.Infrastructure;
using ResilienceGen.Internal;
using ResilienceGen.Tests.Keyed;
using static ResilienceGen.Tests.Keyed.KeyedCalls;

namespace ResilienceGen.Configuration.Tests;

/// <summary>Configuration keys for keyed breakers (KeyBy): the base name for every key, "&lt;name&gt;/&lt;key&gt;" for one.</summary>
[Collection(GlobalRuntimeStateCollection.Name)]
public class KeyedBreakerBindingTests : ConfigurationTestBase
{
    private static async Task<int> FailuresUntilOpen(ResilientMethod method, string key)
    {
        for (int failures = 1; ; failures++)
        {
            await KeyedCalls.FailTimes(method, key, 1);
            if (Resilience.Breakers.All.Single(b => b.Name.EndsWith("/" + key, StringComparison.Ordinal)).State == CircuitState.Open)
            {
                return failures;
            }
        }
    }

    [Fact]
    public async Task The_base_name_configures_every_key_and_a_keyed_name_one_key_on_top()
    {
        string name = UniqueName("inventory");
        ResilientMethod method = KeyedMethod(Breaker(name, failureThreshold: 10));

        Bind(($"Breakers:{name}:FailureThreshold", "3"), ($"Breakers:{name}/eu.example.com:FailureThreshold", "5"));

        Assert.Equal(3, await FailuresUntilOpen(method, "us.example.com"));
        Assert.Equal(5, await FailuresUntilOpen(method, "eu.example.com"));
        Assert.Empty(Errors);
    }

    [Fact]
    public async Task A_colon_in_a_keyed_name_is_written_as_percent_3A()
    {
        string name = UniqueName("hosts");
        ResilientMethod method = KeyedMethod(Breaker(name, failureThreshold: 10));

        Bind(($"Breakers:{name}/10.0.0.5%3A8080:FailureThreshold", "2"));

        Assert.Equal(2, await FailuresUntilOpen(method, "10.0.0.5:8080"));
        Assert.Equal(10, await FailuresUntilOpen(method, "10.0.0.5:9090"));
        Assert.Empty(Errors);
    }

    [Fact]
    public async Task Enabled_false_on_the_base_name_switches_every_key_off()
    {
        string name = UniqueName("inventory");
        ResilientMethod method = KeyedMethod(Breaker(name, failureThreshold: 1));
        await KeyedCalls.FailTimes(method, "eu", 1);
        await Assert.ThrowsAsync<CircuitBreakerOpenException>(() => CallKey(method, "eu", Flaky.Succeeding()));

        Bind(($"Breakers:{name}:Enabled", "false"));

        Assert.Equal(1, await CallKey(method, "eu", Flaky.Succeeding()));
    }
}
