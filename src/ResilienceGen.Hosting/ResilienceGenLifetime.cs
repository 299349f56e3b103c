using System;
using System.Collections.Generic;
using System.Diagnostics.Metrics;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ResilienceGen.Configuration;

namespace ResilienceGen.Hosting
{
    /// <summary>
    /// Hands the runtime the container's logger factory, clock and meter factory, and binds the configuration,
    /// from the host's start to its stop. A lifecycle service so that it runs in "starting", before any other hosted
    /// service can call a wrapper, and gives the values back in "stopped", after the last of them has stopped.
    /// </summary>
    internal sealed class ResilienceGenLifetime : IHostedLifecycleService
    {
        private readonly IServiceProvider _services;
        private readonly List<IDisposable> _bindings = new List<IDisposable>();
        private ProcessSettings? _previous;
        private ProcessSettings? _applied;

        public ResilienceGenLifetime(IServiceProvider services)
        {
            _services = services;
        }

        public Task StartingAsync(CancellationToken cancellationToken)
        {
            _previous = ProcessSettings.Current();
            _applied = new ProcessSettings(
                _services.GetService<ILoggerFactory>() ?? _previous.LoggerFactory,
                _services.GetService<TimeProvider>() ?? _previous.TimeProvider,
                _services.GetService<IMeterFactory>() ?? _previous.MeterFactory);
            _applied.Apply();

            try
            {
                foreach (ConfigurationToBind toBind in _services.GetServices<ConfigurationToBind>())
                {
                    _bindings.Add(Bind(toBind.Configuration));
                }
            }
            catch
            {
                Restore();
                throw;
            }

            return Task.CompletedTask;
        }

        public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StoppedAsync(CancellationToken cancellationToken)
        {
            Restore();
            return Task.CompletedTask;
        }

        private static IDisposable Bind(IConfiguration configuration) => configuration is IConfigurationSection section
            ? ResilienceConfiguration.BindSection(section)
            : ResilienceConfiguration.Bind(configuration);

        private void Restore()
        {
            // The overrides last applied stay in force, as when a binding of ResilienceGen.Configuration is disposed.
            foreach (IDisposable binding in _bindings)
            {
                binding.Dispose();
            }

            _bindings.Clear();
            if (_previous is not null && _applied is not null)
            {
                _previous.RestoreWhereStill(_applied);
            }

            _previous = null;
            _applied = null;
        }
    }
}
