using System;
using StackExchange.Redis;

namespace ResilienceGen.Redis
{
    // News from the other instances, applied at once on the subscription's thread (the fastest way to the breaker;
    // ApplyDecision only takes the breaker's lock). Invalid input is logged, counted and ignored.
    public sealed partial class BreakerFleet
    {
        private void OnMessage(RedisValue value)
        {
            try
            {
                string? text = value.IsNull ? null : (string?)value;
                if (!FleetMessage.TryParse(text, out FleetMessage message, out string reason))
                {
                    FleetLog.MessageInvalid(_logger, Fleet, _keys.Channel, reason);
                    FleetMetrics.CountInvalid(Fleet, "message");
                    return;
                }

                if (message.Instance == InstanceId || !Shares(message.Breaker)
                    || !Resilience.Breakers.TryGet(message.Breaker, out CircuitBreaker breaker))
                {
                    return; // our own news, or a breaker this instance does not share or has not used yet (reconciliation catches up)
                }

                if (message.Kind == FleetMessageKind.Count || message.Kind == FleetMessageKind.Window)
                {
                    if (CountsFleetWide && message.Kind == FleetMessageKind.Count)
                    {
                        ApplyCount(breaker, message.Milliseconds, ownIncrement: false); // raise (or clear) at once: the next success ends the streak here too
                    }
                    else if (CountsFleetWide && breaker.IsRatioMode)
                    {
                        Enqueue(FleetWork.ForCount(breaker, FleetWorkKind.WriteWindow)); // the fleet's first failure: share the window now
                    }

                    return;
                }

                (CircuitBreakerDecision decision, string what) = message.Kind switch
                {
                    FleetMessageKind.Open => (CircuitBreakerDecision.OpenFor(TimeSpan.FromMilliseconds(message.Milliseconds)), "open"),
                    FleetMessageKind.Close => (CircuitBreakerDecision.Close, "close"),
                    FleetMessageKind.Isolate => (CircuitBreakerDecision.Isolate, "isolate"),
                    _ => (CircuitBreakerDecision.Reset, "reset"),
                };
                if (breaker.ApplyDecision(decision))
                {
                    FleetLog.DecisionApplied(_logger, breaker.Name, what, Fleet, message.Instance);
                }
            }
            catch (Exception ex)
            {
                FleetLog.OperationFailed(_logger, Fleet, "a fleet message", ex);
            }
        }
    }
}
