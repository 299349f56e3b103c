using System;
using Microsoft.Extensions.Logging;

namespace ResilienceGen.Redis
{
    /// <summary>The fleet's log events, ids 1200-1239 and, for fleet-wide counting, 1250-1269 (the runtime's side of the fleet logs 1249).</summary>
    internal static partial class FleetLog
    {
        [LoggerMessage(EventId = 1200, EventName = "FleetDecisionApplied", Level = LogLevel.Warning,
            Message = "Circuit breaker {Breaker}: {Decision} learnt from the fleet {Fleet} (instance {Instance})")]
        public static partial void DecisionApplied(ILogger logger, string breaker, string decision, string fleet, string instance);

        [LoggerMessage(EventId = 1201, EventName = "FleetUnreachable", Level = LogLevel.Warning,
            Message = "Fleet {Fleet}: Redis is unreachable; every breaker decides on this instance alone until it is back")]
        public static partial void Unreachable(ILogger logger, string fleet, Exception? exception);

        [LoggerMessage(EventId = 1202, EventName = "FleetReachable", Level = LogLevel.Information,
            Message = "Fleet {Fleet}: Redis is reachable again after {OutageMs} ms; the fleet's state is read and this instance's open breakers published")]
        public static partial void Reachable(ILogger logger, string fleet, long outageMs);

        [LoggerMessage(EventId = 1203, EventName = "FleetMessageInvalid", Level = LogLevel.Warning,
            Message = "Fleet {Fleet}: a message on {Channel} was ignored ({Reason})")]
        public static partial void MessageInvalid(ILogger logger, string fleet, string channel, string reason);

        [LoggerMessage(EventId = 1204, EventName = "FleetStateInvalid", Level = LogLevel.Warning,
            Message = "Fleet {Fleet}: the state key {Key} holds something that is not a fleet state; ignored")]
        public static partial void StateInvalid(ILogger logger, string fleet, string key);

        [LoggerMessage(EventId = 1205, EventName = "FleetJoined", Level = LogLevel.Information,
            Message = "Joined fleet {Fleet} as {Instance} (quorum {Quorum}, sync every {SyncIntervalMs} ms)")]
        public static partial void Joined(ILogger logger, string fleet, string instance, int quorum, int syncIntervalMs);

        [LoggerMessage(EventId = 1206, EventName = "FleetLeft", Level = LogLevel.Information,
            Message = "Left fleet {Fleet} ({Instance})")]
        public static partial void Left(ILogger logger, string fleet, string instance);

        [LoggerMessage(EventId = 1207, EventName = "FleetProbeLease", Level = LogLevel.Information,
            Message = "Circuit breaker {Breaker}: the fleet's probe lease was {Outcome}")]
        public static partial void ProbeLease(ILogger logger, string breaker, string outcome);

        [LoggerMessage(EventId = 1208, EventName = "FleetOperationFailed", Level = LogLevel.Debug,
            Message = "Fleet {Fleet}: a background Redis operation ({Operation}) failed; the breakers decide locally")]
        public static partial void OperationFailed(ILogger logger, string fleet, string operation, Exception? exception);

        [LoggerMessage(EventId = 1209, EventName = "FleetPublished", Level = LogLevel.Debug,
            Message = "Circuit breaker {Breaker}: told the fleet {Fleet} '{Decision}'")]
        public static partial void Published(ILogger logger, string breaker, string fleet, string decision);

        [LoggerMessage(EventId = 1250, EventName = "FleetCountReached", Level = LogLevel.Warning,
            Message = "Circuit breaker {Breaker}: the fleet {Fleet} counted {Failures} failures in {Calls} calls, past the threshold; opened for the fleet")]
        public static partial void CountReached(ILogger logger, string breaker, string fleet, long failures, long calls);

        [LoggerMessage(EventId = 1251, EventName = "FleetCountCleared", Level = LogLevel.Debug,
            Message = "Circuit breaker {Breaker}: a success on this instance ended the fleet {Fleet}'s failure streak")]
        public static partial void CountCleared(ILogger logger, string breaker, string fleet);
    }
}
