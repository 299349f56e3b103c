using System.Globalization;
using Microsoft.CodeAnalysis;
using ResilienceGen.Generator.Model;

namespace ResilienceGen.Generator.Parsing
{
    /// <summary>Reads [WithRetry] and [CircuitBreaker] into models, with the defaults of API.md §2.</summary>
    internal static class PolicyReader
    {
        public static RetryModel? ReadRetry(AttributeValues values, IMethodSymbol method, Compilation compilation, out string? problemId)
        {
            ExceptionFilterModel? filter = FilterReader.Read(values, method, compilation, out problemId);
            if (filter is null)
            {
                return null;
            }

            string backoff = values.EnumMember("Backoff", out object? rawBackoff)
                ?? (rawBackoff is null ? "Exponential" : "(" + System.Convert.ToString(rawBackoff, CultureInfo.InvariantCulture) + ")");

            return new RetryModel(
                MaxRetries: values.Int("MaxRetries", 3),
                BaseDelayMs: values.Int("BaseDelayMs", 1000),
                MaxDelayMs: values.Int("MaxDelayMs", 60000),
                Backoff: backoff,
                BackoffFactor: values.Double("BackoffFactor", 2.0),
                Jitter: values.Bool("Jitter", true),
                JitterFactor: values.Double("JitterFactor", 0.2),
                Filter: filter);
        }

        public static BreakerModel? ReadBreaker(
            AttributeData attribute,
            AttributeValues values,
            IMethodSymbol method,
            string defaultName,
            Compilation compilation,
            out string? problemId)
        {
            ExceptionFilterModel? filter = FilterReader.Read(values, method, compilation, out problemId);
            if (filter is null)
            {
                return null;
            }

            // The Name property wins over the constructor argument; a null name means the default.
            string? name = values.String("Name");
            if (name is null && attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Value is string constructorName)
            {
                name = constructorName;
            }

            return new BreakerModel(
                Name: name ?? defaultName,
                FailureThreshold: values.Int("FailureThreshold", 5),
                BreakDurationMs: values.Int("BreakDurationMs", 30000),
                HalfOpenMaxCalls: values.Int("HalfOpenMaxCalls", 1),
                SuccessThreshold: values.Int("SuccessThreshold", 1),
                FailureRatio: values.Double("FailureRatio", 0.0),
                MinimumThroughput: values.Int("MinimumThroughput", 10),
                SamplingDurationMs: values.Int("SamplingDurationMs", 30000),
                Filter: filter);
        }
    }
}
