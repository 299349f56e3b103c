using System.Threading;
using System.Threading.Tasks;
using ResilienceGen;

namespace Consumer.CSharp73
{
    public partial class OldClient
    {
        [WithRetry(MaxRetries = 2, BaseDelayMs = 10)]
        public partial Task<int> GetCountAsync(CancellationToken cancellationToken);

        private Task<int> GetCountCoreAsync(CancellationToken cancellationToken) => Task.FromResult(1);
    }
}
