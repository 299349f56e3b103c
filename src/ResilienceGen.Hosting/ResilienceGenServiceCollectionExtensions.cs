using System;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace ResilienceGen.Hosting
{
    /// <summary><c>services.AddResilienceGen(...)</c>.</summary>
    public static class ResilienceGenServiceCollectionExtensions
    {
        /// <summary>
        /// While the host runs (from its start to its stop), ResilienceGen's process-wide settings come from the
        /// container: <see cref="Resilience.LoggerFactory"/> is its <c>ILoggerFactory</c>,
        /// <see cref="Resilience.TimeProvider"/> its <see cref="TimeProvider"/> when one is registered, and the
        /// <c>ResilienceGen</c> meter is created through its <c>IMeterFactory</c>; <paramref name="section"/>, if
        /// given, is bound with reload (as <c>ResilienceGen.Configuration</c> does). When the host stops, each of
        /// the three values goes back to what it was before, unless something else has replaced it meanwhile.
        /// Calling it again binds one more section; the rest happens once.
        /// </summary>
        /// <param name="services">The app's services.</param>
        /// <param name="section">
        /// The <c>ResilienceGen</c> section itself (<c>configuration.GetSection("ResilienceGen")</c>, holding
        /// <c>Enabled</c>, <c>Breakers</c>, <c>Methods</c>); a configuration that is not a section (a root) is read
        /// at its <c>ResilienceGen</c> child. Null: nothing is bound. A bad value is skipped and logged through the
        /// app's logging (category <c>ResilienceGen.Configuration</c>), at start and on every reload.
        /// </param>
        /// <returns>A builder that other ResilienceGen packages extend.</returns>
        public static ResilienceGenBuilder AddResilienceGen(this IServiceCollection services, IConfiguration? section = null)
        {
            if (services is null)
            {
                throw new ArgumentNullException(nameof(services));
            }

            if (section is not null)
            {
                services.AddSingleton(new ConfigurationToBind(section));
            }

            services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, ResilienceGenLifetime>(
                static provider => new ResilienceGenLifetime(provider)));
            return new ResilienceGenBuilder(services);
        }
    }
}
