using Microsoft.Extensions.Logging;

namespace ResilienceGen.Telemetry
{
    /// <summary>The log lines of keyed breakers (<c>KeyBy</c>); event ids 1110-1119.</summary>
    internal static partial class ResilienceLog
    {
        [LoggerMessage(EventId = 1110, EventName = "BreakerKeysExhausted", Level = LogLevel.Warning,
            Message = "Circuit breaker {Breaker} keeps {MaxKeys} keyed breakers and none can be dropped; new keys share {Overflow}")]
        public static partial void BreakerKeysExhausted(ILogger logger, string breaker, int maxKeys, string overflow);
    }
}
