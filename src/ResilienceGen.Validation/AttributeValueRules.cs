using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace ResilienceGen.Validation
{
    /// <summary>
    /// RG0007: attribute values out of range. The ranges (documented in docs/diagnostics/RG0007.md):
    /// retry — MaxRetries 0..100, BaseDelayMs ≥ 0, MaxDelayMs ≥ BaseDelayMs, BackoffFactor ≥ 1 (finite),
    /// JitterFactor 0..1, Backoff a defined BackoffKind;
    /// breaker — Name not empty, FailureThreshold ≥ 1, BreakDurationMs ≥ 1, HalfOpenMaxCalls ≥ 1,
    /// SuccessThreshold ≥ 1 (not tied to HalfOpenMaxCalls: probes are limited at once, not in total, so
    /// more successes than concurrent probes can still be reached one after another), FailureRatio 0..1
    /// (0 = consecutive-failure mode), MinimumThroughput ≥ 1, SamplingDurationMs ≥ 1.
    /// </summary>
    internal static class AttributeValueRules
    {
        public const int MaxRetriesLimit = 100;
        public const int DefaultBaseDelayMs = 1000;
        public const int DefaultMaxDelayMs = 60000;

        public static void CheckRetry(AttributeData attribute, KnownTypes types, Location fallback, List<DeclarationProblem> problems, CancellationToken cancellationToken)
        {
            var context = new Context(attribute, fallback, problems, cancellationToken);
            context.Int("MaxRetries", v => v >= 0 && v <= MaxRetriesLimit, "from 0 to " + MaxRetriesLimit);
            context.Int("BaseDelayMs", v => v >= 0, "of 0 or more");

            var baseDelay = context.IntValue("BaseDelayMs") ?? DefaultBaseDelayMs;
            var maxDelay = context.IntValue("MaxDelayMs");
            if (maxDelay.HasValue)
            {
                context.Int("MaxDelayMs", v => v >= 0 && v >= baseDelay, "of at least BaseDelayMs (" + Text(baseDelay) + ")");
            }
            else if (baseDelay > DefaultMaxDelayMs)
            {
                context.Int("BaseDelayMs", v => v <= DefaultMaxDelayMs, "from 0 to MaxDelayMs (" + Text(DefaultMaxDelayMs) + ", the default); or raise MaxDelayMs");
            }

            context.Double("BackoffFactor", v => v >= 1 && !double.IsInfinity(v), "of at least 1 (and finite)");
            context.Double("JitterFactor", v => v >= 0 && v <= 1, "from 0 to 1");
            CheckBackoffKind(context, types);
        }

        public static void CheckBreaker(AttributeData attribute, Location fallback, List<DeclarationProblem> problems, CancellationToken cancellationToken)
        {
            var context = new Context(attribute, fallback, problems, cancellationToken);
            context.Name();
            context.Int("FailureThreshold", v => v >= 1, "of 1 or more");
            context.Int("BreakDurationMs", v => v >= 1, "of 1 or more");
            context.Int("HalfOpenMaxCalls", v => v >= 1, "of 1 or more");
            context.Int("SuccessThreshold", v => v >= 1, "of 1 or more");
            context.Double("FailureRatio", v => v >= 0 && v <= 1, "from 0 to 1 (0 counts consecutive failures instead)");
            context.Int("MinimumThroughput", v => v >= 1, "of 1 or more");
            context.Int("SamplingDurationMs", v => v >= 1, "of 1 or more");
        }

        private static void CheckBackoffKind(Context context, KnownTypes types)
        {
            var value = AttributeArguments.Named(context.Attribute, "Backoff");
            if (types.BackoffKind == null || value == null || !(value.Value.Value is int raw))
            {
                return;
            }

            var defined = types.BackoffKind.GetMembers().OfType<IFieldSymbol>().Where(f => f.HasConstantValue).ToList();
            if (defined.Count == 0 || defined.Any(f => f.ConstantValue is int v && v == raw))
            {
                return;
            }

            context.Report("Backoff", Text(raw), "that is a defined BackoffKind (" + string.Join(", ", defined.Select(f => f.Name)) + ")");
        }

        internal static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

        internal static string Text(double value) => value.ToString("R", CultureInfo.InvariantCulture);

        /// <summary>One attribute being checked; reports land on the offending argument.</summary>
        private sealed class Context
        {
            private readonly Location _fallback;
            private readonly List<DeclarationProblem> _problems;
            private readonly CancellationToken _cancellationToken;

            public Context(AttributeData attribute, Location fallback, List<DeclarationProblem> problems, CancellationToken cancellationToken)
            {
                Attribute = attribute;
                _fallback = fallback;
                _problems = problems;
                _cancellationToken = cancellationToken;
            }

            public AttributeData Attribute { get; }

            public int? IntValue(string name) => AttributeArguments.Named(Attribute, name)?.Value as int?;

            public void Int(string name, System.Func<int, bool> inRange, string range)
            {
                var value = IntValue(name);
                if (value.HasValue && !inRange(value.Value))
                {
                    Report(name, Text(value.Value), range);
                }
            }

            public void Double(string name, System.Func<double, bool> inRange, string range)
            {
                var value = AttributeArguments.Named(Attribute, name)?.Value as double?;
                if (value.HasValue && (double.IsNaN(value.Value) || !inRange(value.Value)))
                {
                    Report(name, Text(value.Value), range);
                }
            }

            /// <summary>A breaker name, given to the constructor or as <c>Name =</c>, must not be empty or blank; null means the default.</summary>
            public void Name()
            {
                if (Attribute.ConstructorArguments.Length == 1 && Attribute.ConstructorArguments[0].Kind != TypedConstantKind.Error
                    && Attribute.ConstructorArguments[0].Value is string positional && positional.Trim().Length == 0)
                {
                    var location = AttributeArguments.PositionalSyntax(Attribute, 0, _cancellationToken)?.GetLocation()
                        ?? AttributeArguments.AttributeLocation(Attribute, _fallback, _cancellationToken);
                    _problems.Add(DeclarationProblem.Error(DiagnosticIds.AttributeValueOutOfRange, location, "name", Quote(positional), AttributeArguments.ShortName(Attribute), NameRange));
                }

                if (AttributeArguments.Named(Attribute, "Name")?.Value is string named && named.Trim().Length == 0)
                {
                    Report("Name", Quote(named), NameRange);
                }
            }

            private const string NameRange = "that is not empty or blank (leave it out for the default Namespace.Type.Method)";

            private static string Quote(string text) => "\"" + text + "\"";

            public void Report(string name, string value, string range)
            {
                var location = AttributeArguments.LocationOf(Attribute, name, _fallback, _cancellationToken);
                _problems.Add(DeclarationProblem.Error(DiagnosticIds.AttributeValueOutOfRange, location, name, value, AttributeArguments.ShortName(Attribute), range));
            }
        }
    }
}
