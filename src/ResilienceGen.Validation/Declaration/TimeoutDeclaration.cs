using System.Threading;
using Microsoft.CodeAnalysis;

namespace ResilienceGen.Validation
{
    /// <summary>[WithTimeout] as a method declares it, every value with its default (<see cref="PolicyDefaults"/>) applied.</summary>
    internal sealed class TimeoutDeclaration
    {
        public const string AttemptMsProperty = "AttemptMs";
        public const string TotalMsProperty = "TotalMs";

        private TimeoutDeclaration(AttributeData attribute)
        {
            Attribute = attribute;
            AttemptMs = AttributeArguments.Int(attribute, AttemptMsProperty, PolicyDefaults.AttemptMs);
            TotalMs = AttributeArguments.Int(attribute, TotalMsProperty, PolicyDefaults.TotalMs);
        }

        public AttributeData Attribute { get; }

        /// <summary>Each attempt's limit in milliseconds; 0 means none.</summary>
        public DeclaredValue<int> AttemptMs { get; }

        /// <summary>The whole call's limit in milliseconds; 0 means none.</summary>
        public DeclaredValue<int> TotalMs { get; }

        public static TimeoutDeclaration Read(AttributeData attribute) => new TimeoutDeclaration(attribute);

        public Location LocationOf(string property, Location fallback, CancellationToken cancellationToken)
            => AttributeArguments.LocationOf(Attribute, property, fallback, cancellationToken);
    }
}
