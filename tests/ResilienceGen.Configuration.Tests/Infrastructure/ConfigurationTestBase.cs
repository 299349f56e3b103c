using Microsoft.Extensions.Configuration;
using ResilienceGen.Internal;

namespace ResilienceGen.Configuration.Tests.Infrastructure;

/// <summary>
/// A runtime test (fresh registry and fake clock per test, see <see cref="RuntimeTestBase"/>) with a reloadable
/// in-memory configuration bound to the runtime. Keys are given without the <c>ResilienceGen:</c> prefix.
/// </summary>
public abstract class ConfigurationTestBase : RuntimeTestBase
{
    private readonly ReloadableConfigurationSource _source = new();
    private readonly List<IDisposable> _bindings = new();

    protected ConfigurationTestBase()
    {
        Configuration = new ConfigurationBuilder().Add(_source).Build();
    }

    protected IConfigurationRoot Configuration { get; }

    protected ReloadableConfigurationProvider Provider => _source.Provider;

    /// <summary>Every value the binding skipped, as its onError callback received them.</summary>
    protected List<ResilienceConfigurationError> Errors { get; } = new();

    /// <summary>Binds <see cref="Configuration"/> after loading <paramref name="settings"/> into it.</summary>
    protected IDisposable Bind(params (string Key, string? Value)[] settings)
    {
        Reload(settings); // nobody listens yet: this only loads
        IDisposable binding = ResilienceConfiguration.Bind(Configuration, Errors.Add);
        _bindings.Add(binding);
        return binding;
    }

    /// <summary>Replaces the configuration with <paramref name="settings"/> and raises a reload.</summary>
    protected void Reload(params (string Key, string? Value)[] settings)
        => _source.Provider.Replace(settings.Select(
            s => new KeyValuePair<string, string?>(ResilienceConfiguration.SectionName + ":" + s.Key, s.Value)));

    protected static Flaky Failing() => Flaky.Always(() => new InvalidOperationException("down"));

    protected static async Task FailTimes(ResilientMethod method, int times)
    {
        for (int i = 0; i < times; i++)
        {
            await Assert.ThrowsAsync<InvalidOperationException>(() => Call(method, Failing()));
        }
    }

    /// <summary>How many times a failing body runs in one call of <paramref name="method"/> (1 + retries).</summary>
    protected async Task<int> AttemptsOfOneFailingCall(ResilientMethod method)
    {
        Flaky body = Failing();
        await Assert.ThrowsAsync<InvalidOperationException>(() => Drive(Call(method, body)));
        return body.Calls;
    }

    protected static CircuitState StateOf(ResilientMethod method) => Resilience.Breakers[method.BreakerName!].State;

    public override void Dispose()
    {
        foreach (IDisposable binding in _bindings)
        {
            binding.Dispose();
        }

        base.Dispose();
    }
}
