using System;
using System.Threading;
using System.Threading.Tasks;
using ResilienceGen;

namespace Consumer.Library
{
    public partial class DownstreamService
    {
        public int BodyCalls { get; private set; }

        [CircuitBreaker("downstream", FailureThreshold = 2, BreakDurationMs = 600000)]
        public partial Task SendAsync(int message, CancellationToken cancellationToken);

        private async Task SendCoreAsync(int message, CancellationToken cancellationToken)
        {
            await Task.Yield();
            BodyCalls++;
            throw new InvalidOperationException($"downstream is down (message {message})");
        }
    }
}
