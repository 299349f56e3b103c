using Microsoft.Extensions.Configuration;
using ResilienceGen.Configuration.Tests.Infrastructure;
using ResilienceGen.Internal;

namespace ResilienceGen.Configuration.Tests;

/// <summary>The real providers: an appsettings-style JSON file, and environment variables with <c>__</c>.</summary>
[Collection(GlobalRuntimeStateCollection.Name)]
public class JsonAndEnvironmentTests : ConfigurationTestBase
{
    [Fact]
    public async Task A_json_file_binds_and_a_rewritten_file_applies_on_reload()
    {
        ResilientMethod method = Method(Retry(3), Breaker(UniqueName("inventory"), failureThreshold: 10));
        string path = Path.Combine(Path.GetTempPath(), $"resiliencegen-{Guid.NewGuid():N}.json");
        try
        {
            File.WriteAllText(path, Json(method, failureThreshold: 2, maxRetries: 0));
            IConfigurationRoot configuration = new ConfigurationBuilder().AddJsonFile(path, optional: false, reloadOnChange: false).Build();
            using IDisposable binding = ResilienceConfiguration.Bind(configuration);

            Assert.Equal(1, await AttemptsOfOneFailingCall(method));
            Assert.Equal(CircuitState.Closed, StateOf(method));
            Assert.Equal(1, await AttemptsOfOneFailingCall(method));
            Assert.Equal(CircuitState.Open, StateOf(method)); // threshold 2

            Resilience.Breakers[method.BreakerName!].Reset();
            File.WriteAllText(path, Json(method, failureThreshold: 1, maxRetries: 1));
            configuration.Reload(); // what reloadOnChange does when the file watcher fires, without waiting for it
            await Assert.ThrowsAsync<CircuitBreakerOpenException>(() => Drive(Call(method, Failing())));
            Assert.Equal(CircuitState.Open, StateOf(method)); // the first failure opened it; the retry was rejected
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Environment_variables_with_double_underscores_bind_dotted_names()
    {
        ResilientMethod method = Method(Retry(3), Breaker(UniqueName("Shop.inventory"), failureThreshold: 10));
        string breakerVariable = $"ResilienceGen__Breakers__{method.BreakerName}__FailureThreshold";
        string retryVariable = $"ResilienceGen__Methods__{method.MethodName}__MaxRetries";
        try
        {
            Environment.SetEnvironmentVariable(breakerVariable, "1");
            Environment.SetEnvironmentVariable(retryVariable, "0");
            IConfigurationRoot configuration = new ConfigurationBuilder().AddEnvironmentVariables().Build();
            using IDisposable binding = ResilienceConfiguration.Bind(configuration);

            Assert.Equal(1, await AttemptsOfOneFailingCall(method)); // no retries
            Assert.Equal(CircuitState.Open, StateOf(method)); // threshold 1

            Resilience.Breakers[method.BreakerName!].Reset();
            Environment.SetEnvironmentVariable(breakerVariable, null);
            Environment.SetEnvironmentVariable(retryVariable, "2");
            configuration.Reload();
            Assert.Equal(3, await AttemptsOfOneFailingCall(method));
            Assert.Equal(CircuitState.Closed, StateOf(method)); // back to the declared 10: 3 failures do not open it
        }
        finally
        {
            Environment.SetEnvironmentVariable(breakerVariable, null);
            Environment.SetEnvironmentVariable(retryVariable, null);
        }
    }

    private static string Json(ResilientMethod method, int failureThreshold, int maxRetries) => $$"""
        {
          "Logging": { "LogLevel": { "Default": "Information" } },
          "ResilienceGen": {
            "Enabled": true,
            "Breakers": {
              "{{method.BreakerName}}": { "FailureThreshold": {{failureThreshold}}, "BreakDurationMs": 60000 }
            },
            "Methods": {
              "{{method.MethodName}}": { "MaxRetries": {{maxRetries}}, "Jitter": false }
            }
          }
        }
        """;
}
