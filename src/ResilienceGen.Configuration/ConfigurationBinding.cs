using System;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Primitives;

namespace ResilienceGen.Configuration
{
    /// <summary>
    /// A live binding of one configuration section: applies it now and again on every reload until disposed.
    /// </summary>
    internal sealed class ConfigurationBinding : IDisposable
    {
        private readonly object _gate = new object();
        private readonly IConfigurationSection _section;
        private readonly Action<ResilienceConfigurationError>? _onError;
        private readonly OverrideApplier _applier = new OverrideApplier();
        private IDisposable? _listener;
        private bool _disposed;

        private ConfigurationBinding(IConfigurationSection section, Action<ResilienceConfigurationError>? onError)
        {
            _section = section;
            _onError = onError;
        }

        public static ConfigurationBinding Start(IConfigurationSection section, Action<ResilienceConfigurationError>? onError)
        {
            var binding = new ConfigurationBinding(section, onError);

            // Listen before the first pass, so a reload in between is not lost (the lock orders the two passes).
            binding._listener = ChangeToken.OnChange(() => section.GetReloadToken(), binding.OnReload);
            try
            {
                binding.Apply(callbackMayThrow: true);
            }
            catch
            {
                binding.Dispose();
                throw;
            }

            return binding;
        }

        public void Dispose()
        {
            lock (_gate)
            {
                _disposed = true;
                _listener?.Dispose();
                _listener = null;
            }
        }

        private void OnReload()
        {
            try
            {
                Apply(callbackMayThrow: false);
            }
            catch (Exception ex)
            {
                // Runs on the configuration provider's thread (a file watcher, a timer): never let it escape.
                ConfigurationLog.ReloadFailed(Resilience.LoggerFactory.CreateLogger(ConfigurationLog.Category), ex);
            }
        }

        private void Apply(bool callbackMayThrow)
        {
            lock (_gate)
            {
                if (_disposed)
                {
                    return;
                }

                ILogger logger = Resilience.LoggerFactory.CreateLogger(ConfigurationLog.Category);
                _applier.Apply(_section, new ErrorReporter(logger, _onError, callbackMayThrow));
            }
        }
    }
}
