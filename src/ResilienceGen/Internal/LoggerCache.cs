using System.Threading;
using Microsoft.Extensions.Logging;

namespace ResilienceGen.Internal
{
    /// <summary>
    /// A logger created from <see cref="Resilience.LoggerFactory"/>, remembered with the factory it came from so
    /// that replacing the factory takes effect on the next log line.
    /// </summary>
    internal sealed class LoggerCache
    {
        private LoggerCache(ILoggerFactory factory, ILogger logger)
        {
            Factory = factory;
            Logger = logger;
        }

        public ILoggerFactory Factory { get; }

        public ILogger Logger { get; }

        public static ILogger Get(ref LoggerCache? cache, string category)
        {
            ILoggerFactory factory = Resilience.LoggerFactory;
            LoggerCache? current = Volatile.Read(ref cache);
            if (current is null || !ReferenceEquals(current.Factory, factory))
            {
                current = new LoggerCache(factory, factory.CreateLogger(category));
                Volatile.Write(ref cache, current);
            }

            return current.Logger;
        }
    }
}
