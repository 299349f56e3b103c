using ResilienceGen;

namespace Consumer.Broken;

public partial class MissingBody
{
    // Wrong on purpose: there is no GetCountCoreAsync beside it (RG0003).
    [WithRetry]
    public partial Task<int> GetCountAsync(CancellationToken cancellationToken);
}
