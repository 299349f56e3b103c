using System;
using Microsoft.Extensions.Logging;

namespace ResilienceGen.Configuration
{
    /// <summary>The binding's log events (category <c>ResilienceGen.Configuration</c>).</summary>
    internal static class ConfigurationLog
    {
        public const string Category = "ResilienceGen.Configuration";

        // LoggerMessage.Define rather than the [LoggerMessage] generator: the generator ships with
        // Logging.Abstractions as an analyzer, which does not flow through the runtime's reference.
        private static readonly Action<ILogger, string, string?, string, Exception?> s_valueRejected =
            LoggerMessage.Define<string, string?, string>(
                LogLevel.Warning, new EventId(1, "ConfigurationValueRejected"),
                "Configuration value {Path} = '{Value}' was skipped: {Reason}");

        private static readonly Action<ILogger, Exception?> s_callbackFailed =
            LoggerMessage.Define(
                LogLevel.Error, new EventId(2, "ConfigurationErrorCallbackFailed"),
                "The onError callback of the ResilienceGen configuration binding threw during a reload");

        private static readonly Action<ILogger, Exception?> s_reloadFailed =
            LoggerMessage.Define(
                LogLevel.Error, new EventId(3, "ConfigurationReloadFailed"),
                "Applying the reloaded ResilienceGen configuration failed; the overrides applied so far stay in force");

        public static void ValueRejected(ILogger logger, string path, string? value, string reason, Exception? exception)
            => s_valueRejected(logger, path, value, reason, exception);

        public static void CallbackFailed(ILogger logger, Exception exception) => s_callbackFailed(logger, exception);

        public static void ReloadFailed(ILogger logger, Exception exception) => s_reloadFailed(logger, exception);
    }
}
