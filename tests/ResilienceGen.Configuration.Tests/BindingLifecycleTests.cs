using Microsoft.Extensions.Configuration;
using ResilienceGen.Configuration.Tests.Infrastructure;
using ResilienceGen.Internal;

namespace ResilienceGen.Configuration.Tests;

/// <summary>Entry points, disposal, and how configuration and code share the override of a name.</summary>
[Collection(GlobalRuntimeStateCollection.Name)]
public class BindingLifecycleTests : ConfigurationTestBase
{
    [Fact]
    public async Task Dispose_stops_listening_and_keeps_the_overrides_last_applied()
    {
        ResilientMethod method = Method(Retry(3), null);
        string key = $"Methods:{method.MethodName}:MaxRetries";
        IDisposable binding = Bind((key, "1"));
        binding.Dispose();

        Reload((key, "5"));
        Assert.Equal(2, await AttemptsOfOneFailingCall(method));
        binding.Dispose(); // a second dispose is harmless
    }

    [Fact]
    public async Task The_extension_method_binds_the_ResilienceGen_section()
    {
        ResilientMethod method = Method(Retry(3), null);
        Reload(($"Methods:{method.MethodName}:MaxRetries", "2"));
        using IDisposable binding = Configuration.BindResilienceGen();
        Assert.Equal(3, await AttemptsOfOneFailingCall(method));
    }

    [Fact]
    public async Task BindSection_reads_a_section_at_another_place()
    {
        ResilientMethod method = Method(Retry(3), null);
        IConfigurationRoot configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [$"Platform:Resilience:Methods:{method.MethodName}:MaxRetries"] = "0" })
            .Build();
        using IDisposable binding = ResilienceConfiguration.BindSection(configuration.GetSection("Platform:Resilience"));
        Assert.Equal(1, await AttemptsOfOneFailingCall(method));
    }

    [Fact]
    public async Task An_in_memory_provider_changed_with_Set_and_reloaded_is_picked_up()
    {
        ResilientMethod method = Method(null, Breaker(failureThreshold: 10));
        string key = $"ResilienceGen:Breakers:{method.BreakerName}:FailureThreshold";
        IConfigurationRoot configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [key] = "5" })
            .Build();
        using IDisposable binding = ResilienceConfiguration.Bind(configuration);

        configuration.Providers.Single().Set(key, "1");
        configuration.Reload();
        await FailTimes(method, 1);
        Assert.Equal(CircuitState.Open, StateOf(method));
    }

    [Fact]
    public async Task A_key_removed_from_configuration_also_removes_an_override_code_set_for_that_name_afterwards()
    {
        // Configuration and code share one override slot per name: the latest writer wins, and a key that
        // disappears from configuration clears the slot (documented in docs/configuration.md).
        ResilientMethod method = Method(Retry(3), null);
        string key = $"Methods:{method.MethodName}:MaxRetries";
        Bind((key, "1"));
        Resilience.Methods.ConfigureRetry(method.MethodName, o => o.MaxRetries = 2);
        Assert.Equal(3, await AttemptsOfOneFailingCall(method));

        Reload();
        Assert.Equal(4, await AttemptsOfOneFailingCall(method));
    }

    [Fact]
    public void Null_arguments_are_refused()
    {
        Assert.Throws<ArgumentNullException>(() => ResilienceConfiguration.Bind(null!));
        Assert.Throws<ArgumentNullException>(() => ResilienceConfiguration.BindSection(null!));
    }
}
