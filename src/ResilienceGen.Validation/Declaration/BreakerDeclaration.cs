using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace ResilienceGen.Validation
{
    /// <summary>
    /// [CircuitBreaker] as a method declares it, every value with its default (<see cref="PolicyDefaults"/>) applied and
    /// the breaker's name worked out: <c>Name =</c> wins over the constructor argument; neither means the method's name.
    /// </summary>
    internal sealed class BreakerDeclaration
    {
        public const string NameProperty = "Name";
        public const string SlowCallDurationMsProperty = "SlowCallDurationMs";

        private BreakerDeclaration(AttributeData attribute, IMethodSymbol method, KnownTypes types)
        {
            Attribute = attribute;
            NamedName = AttributeArguments.String(attribute, NameProperty);
            PositionalName = attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Kind != TypedConstantKind.Error
                ? attribute.ConstructorArguments[0].Value as string
                : null;
            Name = NamedName ?? PositionalName ?? MethodNames.Qualified(method);
            FailureThreshold = AttributeArguments.Int(attribute, "FailureThreshold", PolicyDefaults.FailureThreshold);
            BreakDurationMs = AttributeArguments.Int(attribute, "BreakDurationMs", PolicyDefaults.BreakDurationMs);
            HalfOpenMaxCalls = AttributeArguments.Int(attribute, "HalfOpenMaxCalls", PolicyDefaults.HalfOpenMaxCalls);
            SuccessThreshold = AttributeArguments.Int(attribute, "SuccessThreshold", PolicyDefaults.SuccessThreshold);
            FailureRatio = AttributeArguments.Double(attribute, "FailureRatio", PolicyDefaults.FailureRatio);
            MinimumThroughput = AttributeArguments.Int(attribute, "MinimumThroughput", PolicyDefaults.MinimumThroughput);
            SamplingDurationMs = AttributeArguments.Int(attribute, "SamplingDurationMs", PolicyDefaults.SamplingDurationMs);
            SlowCallDurationMs = AttributeArguments.Int(attribute, SlowCallDurationMsProperty, PolicyDefaults.SlowCallDurationMs);
            Filter = ExceptionFilterDeclaration.Read(attribute, method, types);
            FallbackName = AttributeArguments.String(attribute, HookRules.FallbackProperty);
            MaxKeys = AttributeArguments.Int(attribute, "MaxKeys", PolicyDefaults.MaxKeys);
            string? keyBy = AttributeArguments.String(attribute, KeyDeclaration.KeyByProperty);
            Key = keyBy == null ? null : KeyDeclaration.Resolve(keyBy, method, types);
        }

        public AttributeData Attribute { get; }

        /// <summary>The breaker's name: the one written, else <c>Namespace.Type.Method</c>.</summary>
        public string Name { get; }

        /// <summary>True when no name is written: the breaker is named after the method (overloads share it).</summary>
        public bool HasDefaultName => NamedName == null && PositionalName == null;

        /// <summary><c>Name = "..."</c> as written, or null.</summary>
        public string? NamedName { get; }

        /// <summary><c>[CircuitBreaker("...")]</c> as written, or null.</summary>
        public string? PositionalName { get; }

        public DeclaredValue<int> FailureThreshold { get; }

        public DeclaredValue<int> BreakDurationMs { get; }

        public DeclaredValue<int> HalfOpenMaxCalls { get; }

        public DeclaredValue<int> SuccessThreshold { get; }

        public DeclaredValue<double> FailureRatio { get; }

        public DeclaredValue<int> MinimumThroughput { get; }

        public DeclaredValue<int> SamplingDurationMs { get; }

        /// <summary>A success that took at least this long counts as a failure; 0 (the default) is off.</summary>
        public DeclaredValue<int> SlowCallDurationMs { get; }

        public ExceptionFilterDeclaration Filter { get; }

        /// <summary>The Fallback name written here (resolved on <see cref="ResilientDeclaration.Fallback"/>), or null.</summary>
        public string? FallbackName { get; }

        /// <summary><c>KeyBy</c> resolved against the method (a breaker per key), or null when it is not written.</summary>
        public KeyDeclaration? Key { get; }

        /// <summary>Keyed breakers kept at most (only with <see cref="Key"/>).</summary>
        public DeclaredValue<int> MaxKeys { get; }

        public static BreakerDeclaration Read(AttributeData attribute, IMethodSymbol method, KnownTypes types) => new BreakerDeclaration(attribute, method, types);

        public Location LocationOf(string property, Location fallback, CancellationToken cancellationToken)
            => AttributeArguments.LocationOf(Attribute, property, fallback, cancellationToken);

        /// <summary>Where the name is written (<c>Name =</c>, then the constructor argument), else the attribute.</summary>
        public Location NameLocation(Location fallback, CancellationToken cancellationToken)
            => AttributeArguments.NamedSyntax(Attribute, NameProperty, cancellationToken)?.GetLocation()
               ?? AttributeArguments.PositionalSyntax(Attribute, 0, cancellationToken)?.GetLocation()
               ?? AttributeArguments.AttributeLocation(Attribute, fallback, cancellationToken);

        /// <summary>
        /// For RG0010 (breakers of one name are one breaker): the first setting that differs, as "FailureThreshold = 5" /
        /// "FailureThreshold = 3", or null when they agree. Filters and the fallback are per method, not compared.
        /// </summary>
        public Tuple<string, string>? FirstDifference(BreakerDeclaration other)
        {
            var mine = SettingTexts();
            var theirs = other.SettingTexts();
            for (var i = 0; i < mine.Count; i++)
            {
                if (mine[i].Value != theirs[i].Value)
                {
                    return Tuple.Create(mine[i].Key + " = " + mine[i].Value, theirs[i].Key + " = " + theirs[i].Value);
                }
            }

            return null;
        }

        private List<KeyValuePair<string, string>> SettingTexts()
            => new List<KeyValuePair<string, string>>
            {
                Text(FailureThreshold), Text(BreakDurationMs), Text(HalfOpenMaxCalls), Text(SuccessThreshold),
                Text(FailureRatio), Text(MinimumThroughput), Text(SamplingDurationMs), Text(SlowCallDurationMs),
                Text(MaxKeys), // keyed breakers of one name share one cap, decided by the first method called
            };

        private static KeyValuePair<string, string> Text(DeclaredValue<int> value) => new KeyValuePair<string, string>(value.Property, AttributeValueRules.Text(value.Value));

        private static KeyValuePair<string, string> Text(DeclaredValue<double> value) => new KeyValuePair<string, string>(value.Property, AttributeValueRules.Text(value.Value));
    }
}
