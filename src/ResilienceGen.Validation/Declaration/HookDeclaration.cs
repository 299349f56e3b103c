using System;
using Microsoft.CodeAnalysis;

namespace ResilienceGen.Validation
{
    /// <summary>
    /// A method named by an attribute property (OnRetry, RetryAfter, Fallback, ShouldHandle): the name as written, the
    /// attribute it is written on, and the method it resolves to. The lookup runs once, when first asked: a declaration
    /// whose shape is wrong never gets that far.
    /// </summary>
    internal sealed class HookDeclaration
    {
        private readonly Func<HookLookup.Result> _lookup;
        private HookLookup.Result? _result;

        public HookDeclaration(AttributeData attribute, string property, string name, Func<HookLookup.Result> lookup)
        {
            Attribute = attribute;
            Property = property;
            Name = name;
            _lookup = lookup;
        }

        /// <summary>The attribute the name is written on.</summary>
        public AttributeData Attribute { get; }

        public string Property { get; }

        /// <summary>The method name as written.</summary>
        public string Name { get; }

        /// <summary>The usable method, or why there is none.</summary>
        public HookLookup.Result Result => _result ?? (_result = _lookup());

        /// <summary>The named method's original definition, or null when the name resolves to no usable method.</summary>
        public IMethodSymbol? Method => Result.Method;
    }
}
