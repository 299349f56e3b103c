using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace ResilienceGen.Generator.Parsing
{
    /// <summary>Typed reads of an attribute's named arguments, falling back to the default when a value is missing or broken.</summary>
    internal sealed class AttributeValues
    {
        private readonly Dictionary<string, TypedConstant> _named = new Dictionary<string, TypedConstant>();

        public AttributeValues(AttributeData attribute)
        {
            foreach (KeyValuePair<string, TypedConstant> argument in attribute.NamedArguments)
            {
                _named[argument.Key] = argument.Value;
            }
        }

        public int Int(string name, int fallback)
            => _named.TryGetValue(name, out TypedConstant value) && value.Value is int result ? result : fallback;

        public double Double(string name, double fallback)
        {
            if (!_named.TryGetValue(name, out TypedConstant value))
            {
                return fallback;
            }

            switch (value.Value)
            {
                case double d: return d;
                case float f: return f;
                case int i: return i;
                default: return fallback;
            }
        }

        public bool Bool(string name, bool fallback)
            => _named.TryGetValue(name, out TypedConstant value) && value.Value is bool result ? result : fallback;

        public string? String(string name)
            => _named.TryGetValue(name, out TypedConstant value) ? value.Value as string : null;

        /// <summary>An enum value as its member name (<c>Exponential</c>), or null when absent or not an enum.</summary>
        public string? EnumMember(string name, out object? rawValue)
        {
            rawValue = null;
            if (!_named.TryGetValue(name, out TypedConstant value) || value.Kind != TypedConstantKind.Enum || value.Value is null)
            {
                return null;
            }

            rawValue = value.Value;
            if (value.Type is INamedTypeSymbol enumType)
            {
                foreach (ISymbol member in enumType.GetMembers())
                {
                    if (member is IFieldSymbol { HasConstantValue: true } field && Equals(field.ConstantValue, value.Value))
                    {
                        return field.Name;
                    }
                }
            }

            return null;
        }

        /// <summary>The elements of a <c>Type[]</c> argument; <paramref name="broken"/> is set if an element is not a type.</summary>
        public List<ITypeSymbol> Types(string name, out bool broken)
        {
            broken = false;
            var types = new List<ITypeSymbol>();
            if (!_named.TryGetValue(name, out TypedConstant value) || value.IsNull)
            {
                return types;
            }

            if (value.Kind != TypedConstantKind.Array)
            {
                broken = true;
                return types;
            }

            foreach (TypedConstant element in value.Values)
            {
                if (element.Kind == TypedConstantKind.Type && element.Value is ITypeSymbol type)
                {
                    types.Add(type);
                }
                else
                {
                    broken = true;
                }
            }

            return types;
        }
    }
}
