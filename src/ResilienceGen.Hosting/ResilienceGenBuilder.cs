using System;
using Microsoft.Extensions.DependencyInjection;

namespace ResilienceGen.Hosting
{
    /// <summary>
    /// What <see cref="ResilienceGenServiceCollectionExtensions.AddResilienceGen"/> returns: the service collection,
    /// for the extensions of other ResilienceGen packages to add their part to.
    /// </summary>
    public sealed class ResilienceGenBuilder
    {
        internal ResilienceGenBuilder(IServiceCollection services)
        {
            Services = services ?? throw new ArgumentNullException(nameof(services));
        }

        /// <summary>The app's services.</summary>
        public IServiceCollection Services { get; }
    }
}
