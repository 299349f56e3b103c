using System;
using Microsoft.Extensions.Configuration;

namespace ResilienceGen.Configuration
{
    /// <summary>The binding as an extension of <see cref="IConfiguration"/>.</summary>
    public static class ResilienceConfigurationExtensions
    {
        /// <summary>
        /// <c>configuration.BindResilienceGen()</c>: the same as <see cref="ResilienceConfiguration.Bind"/>.
        /// </summary>
        /// <returns>Disposing it stops listening for reloads.</returns>
        public static IDisposable BindResilienceGen(this IConfiguration configuration, Action<ResilienceConfigurationError>? onError = null)
            => ResilienceConfiguration.Bind(configuration, onError);
    }
}
