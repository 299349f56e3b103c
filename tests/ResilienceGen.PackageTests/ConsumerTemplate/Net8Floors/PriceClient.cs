using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using ResilienceGen;
using ResilienceGen.Configuration;

namespace Consumer.Net8Floors;

public partial class PriceClient(ILogger<PriceClient> logger)
{
    [WithRetry(MaxRetries = 2, BaseDelayMs = 10)]
    [CircuitBreaker("prices")]
    public partial Task<decimal> GetPriceAsync(string sku, CancellationToken cancellationToken);

    private Task<decimal> GetPriceCoreAsync(string sku, CancellationToken cancellationToken)
    {
        logger.LogDebug("pricing {Sku}", sku);
        return Task.FromResult(9.99m);
    }

    public static IDisposable Bind(IConfiguration configuration) => configuration.BindResilienceGen();
}
