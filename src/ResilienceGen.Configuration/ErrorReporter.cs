using System;
using Microsoft.Extensions.Logging;

namespace ResilienceGen.Configuration
{
    /// <summary>
    /// Where skipped values go: always a warning through <see cref="Resilience.LoggerFactory"/> (category
    /// <c>ResilienceGen.Configuration</c>), and the caller's <c>onError</c> callback when there is one.
    /// </summary>
    internal sealed class ErrorReporter
    {
        private readonly ILogger _logger;
        private readonly Action<ResilienceConfigurationError>? _onError;
        private readonly bool _callbackMayThrow;

        /// <param name="logger">Where warnings go.</param>
        /// <param name="onError">The caller's callback, or null.</param>
        /// <param name="callbackMayThrow">
        /// True on the first bind, so a callback can stop the application's start-up; false on reload, where an
        /// exception would escape on the configuration provider's thread.
        /// </param>
        public ErrorReporter(ILogger logger, Action<ResilienceConfigurationError>? onError, bool callbackMayThrow)
        {
            _logger = logger;
            _onError = onError;
            _callbackMayThrow = callbackMayThrow;
        }

        public ILogger Logger => _logger;

        public void Report(ResilienceConfigurationError error)
        {
            ConfigurationLog.ValueRejected(_logger, error.Path, error.Value, error.Reason, error.Exception);
            if (_onError is null)
            {
                return;
            }

            if (_callbackMayThrow)
            {
                _onError(error);
                return;
            }

            try
            {
                _onError(error);
            }
            catch (Exception ex)
            {
                ConfigurationLog.CallbackFailed(_logger, ex);
            }
        }
    }
}
