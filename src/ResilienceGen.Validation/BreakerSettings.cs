using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;

namespace ResilienceGen.Validation
{
    /// <summary>
    /// The effective settings of one [CircuitBreaker] (defaults filled in, API.md §2), for RG0010:
    /// breakers with one name are one breaker, so every declaration of a name should agree.
    /// Handle/Ignore/ShouldHandle are per-method filters, not breaker settings, and are not compared.
    /// </summary>
    internal sealed class BreakerSettings
    {
        private static readonly string[] IntNames = { "FailureThreshold", "BreakDurationMs", "HalfOpenMaxCalls", "SuccessThreshold", "MinimumThroughput", "SamplingDurationMs" };
        private static readonly int[] IntDefaults = { 5, 30000, 1, 1, 10, 30000 };

        private BreakerSettings(string name, IReadOnlyList<KeyValuePair<string, string>> values)
        {
            Name = name;
            Values = values;
        }

        public string Name { get; }

        /// <summary>Each setting and its value as text, in a fixed order.</summary>
        public IReadOnlyList<KeyValuePair<string, string>> Values { get; }

        public static BreakerSettings Read(AttributeData attribute, IMethodSymbol method)
        {
            var name = ExplicitName(attribute) ?? DefaultName(method);
            var values = new List<KeyValuePair<string, string>>();
            for (var i = 0; i < IntNames.Length; i++)
            {
                var value = AttributeArguments.Named(attribute, IntNames[i])?.Value as int? ?? IntDefaults[i];
                values.Add(new KeyValuePair<string, string>(IntNames[i], AttributeValueRules.Text(value)));
            }

            var ratio = AttributeArguments.Named(attribute, "FailureRatio")?.Value as double? ?? 0.0;
            values.Insert(4, new KeyValuePair<string, string>("FailureRatio", AttributeValueRules.Text(ratio)));
            return new BreakerSettings(name, values);
        }

        /// <summary>The first setting that differs, as "FailureThreshold = 5" / "FailureThreshold = 3", or null when they agree.</summary>
        public Tuple<string, string>? FirstDifference(BreakerSettings other)
        {
            for (var i = 0; i < Values.Count; i++)
            {
                if (Values[i].Value != other.Values[i].Value)
                {
                    return Tuple.Create(Values[i].Key + " = " + Values[i].Value, other.Values[i].Key + " = " + other.Values[i].Value);
                }
            }

            return null;
        }

        /// <summary><c>Namespace.Type.Method</c>: nested types joined by '.', no generic arity, no global::.</summary>
        public static string DefaultName(IMethodSymbol method)
        {
            var parts = new List<string> { method.Name };
            for (var type = method.ContainingType; type != null; type = type.ContainingType)
            {
                parts.Add(type.Name);
            }

            var ns = method.ContainingNamespace;
            if (ns != null && !ns.IsGlobalNamespace)
            {
                parts.Add(ns.ToDisplayString());
            }

            parts.Reverse();
            return string.Join(".", parts);
        }

        private static string? ExplicitName(AttributeData attribute)
        {
            if (AttributeArguments.Named(attribute, "Name")?.Value is string named)
            {
                return named;
            }

            if (attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Kind != TypedConstantKind.Error
                && attribute.ConstructorArguments[0].Value is string positional)
            {
                return positional;
            }

            return null;
        }

        public override string ToString()
        {
            var text = new StringBuilder(Name);
            foreach (var value in Values.Select(v => v.Key + "=" + v.Value))
            {
                text.Append(' ').Append(value);
            }

            return text.ToString();
        }
    }
}
