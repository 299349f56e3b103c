using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Configuration;
using ResilienceGen;
using ResilienceGen.Configuration;

namespace Consumer.StrongNamed
{
    public partial class SignedClient
    {
        [WithRetry(MaxRetries = 2, BaseDelayMs = 10)]
        public partial Task<int> GetCountAsync(CancellationToken cancellationToken);

        private Task<int> GetCountCoreAsync(CancellationToken cancellationToken) => Task.FromResult(1);

        public static System.IDisposable Bind(IConfiguration configuration) => configuration.BindResilienceGen();
    }
}
