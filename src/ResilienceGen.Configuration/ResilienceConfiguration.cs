using System;
using Microsoft.Extensions.Configuration;

namespace ResilienceGen.Configuration
{
    /// <summary>
    /// Binds ResilienceGen's runtime overrides and kill switches to <see cref="IConfiguration"/>, with reload:
    /// <c>appsettings.json</c>, environment variables (<c>ResilienceGen__Breakers__inventory__FailureThreshold=10</c>)
    /// and any other provider. See docs/configuration.md for the layout.
    /// </summary>
    public static class ResilienceConfiguration
    {
        /// <summary>The section <see cref="Bind"/> reads: <c>ResilienceGen</c>.</summary>
        public const string SectionName = "ResilienceGen";

        /// <summary>
        /// Applies the <c>ResilienceGen</c> section of <paramref name="configuration"/> now, and again on every
        /// reload, until the returned object is disposed. Only keys present override; a key removed by a reload
        /// restores the attribute's value (or switches resilience back on). Invalid values are skipped, logged as
        /// warnings through <see cref="Resilience.LoggerFactory"/> and passed to <paramref name="onError"/>.
        /// </summary>
        /// <param name="configuration">The configuration root (or any section holding a <c>ResilienceGen</c> child).</param>
        /// <param name="onError">
        /// Called for every skipped value. On this first pass an exception it throws propagates out of this method
        /// (a way to fail start-up on bad settings); on a reload it is caught and logged.
        /// </param>
        /// <returns>Disposing it stops listening for reloads; the overrides last applied stay in force.</returns>
        public static IDisposable Bind(IConfiguration configuration, Action<ResilienceConfigurationError>? onError = null)
        {
            if (configuration is null)
            {
                throw new ArgumentNullException(nameof(configuration));
            }

            return BindSection(configuration.GetSection(SectionName), onError);
        }

        /// <summary>
        /// Like <see cref="Bind"/>, for a section at another place: <paramref name="section"/> itself holds
        /// <c>Enabled</c>, <c>Breakers</c> and <c>Methods</c>.
        /// </summary>
        public static IDisposable BindSection(IConfigurationSection section, Action<ResilienceConfigurationError>? onError = null)
        {
            if (section is null)
            {
                throw new ArgumentNullException(nameof(section));
            }

            return ConfigurationBinding.Start(section, onError);
        }
    }
}
