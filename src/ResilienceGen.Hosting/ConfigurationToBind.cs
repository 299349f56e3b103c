using Microsoft.Extensions.Configuration;

namespace ResilienceGen.Hosting
{
    /// <summary>One configuration given to <c>AddResilienceGen</c>, for the lifetime service to bind at start.</summary>
    internal sealed class ConfigurationToBind
    {
        public ConfigurationToBind(IConfiguration configuration)
        {
            Configuration = configuration;
        }

        public IConfiguration Configuration { get; }
    }
}
