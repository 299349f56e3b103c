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

    [Fact]
    public async Task Reloads_while_calls_run_on_other_threads_never_fail_a_call()
    {
        ResilientMethod method = Method(Retry(3), Breaker(failureThreshold: 10));
        string breakerKey = $"Breakers:{method.BreakerName}:FailureThreshold";
        string retryKey = $"Methods:{method.MethodName}:MaxRetries";
        Bind((breakerKey, "5"), (retryKey, "1"));

        using var stop = new CancellationTokenSource();
        int[] counts = new int[4];
        Task[] callers = Enumerable.Range(0, counts.Length).Select(n => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                Assert.Equal(1, await Call(method, Flaky.Succeeding()));
                Interlocked.Increment(ref counts[n]);
            }
        })).ToArray();

        // Reload at least 200 times, and until every caller has made calls in between.
        var guard = System.Diagnostics.Stopwatch.StartNew();
        for (int i = 0; i < 200 || Enumerable.Range(0, counts.Length).Any(n => Volatile.Read(ref counts[n]) < 50); i++)
        {
            Reload((breakerKey, (1 + (i % 7)).ToString(System.Globalization.CultureInfo.InvariantCulture)), (retryKey, (i % 4).ToString(System.Globalization.CultureInfo.InvariantCulture)));
            if (i % 10 == 0)
            {
                Reload(("Enabled", "false"));
            }

            Assert.True(guard.Elapsed < TimeSpan.FromSeconds(30), "the callers made no progress");
            Assert.DoesNotContain(callers, t => t.IsFaulted);
        }

        stop.Cancel();
        await Task.WhenAll(callers);
        Assert.Empty(Errors);

        Reload((breakerKey, "1"), (retryKey, "0")); // the last reload wins
        Assert.True(Resilience.Enabled);
        Assert.Equal(1, await AttemptsOfOneFailingCall(method));
        Assert.Equal(CircuitState.Open, StateOf(method));
    }
}
